package io.wirestream.enrich.normalise.provider;

import io.wirestream.enrich.normalise.model.DraftArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the provider of an item whose format has no one provider field (ninjs, IPTC 7901, NITF without
 * {@code regsrc}), from the fields that can name it, in the order a parser offers them:
 * <ol>
 *   <li>the first field whose purpose is to name a party responsible for the item ({@link #named}: a provider or
 *       distributor, a copyright holder), taken as written whether the agency is known or not, so a setting can
 *       name a provider the built-in table does not know;</li>
 *   <li>else the first field that names a known agency among other things ({@link #ifKnown}, {@link #bylineParts}:
 *       a byline such as "Jane Doe, dpa", an id such as {@code urn:newsml:dpa.com:...}). What such a field says
 *       about an unknown party is not taken: "Jane Doe" is a writer, not a provider.</li>
 * </ol>
 * With neither, the provider stays unknown.
 */
public final class ProviderChoice {

    /** One field that may name the provider: its value as written, and where it was read ("ninjs copyrightholder"). */
    public record Candidate(String name, String from, boolean explicit) {}

    /** Parts of a byline: "Von Erika Muster, dpa", "JANE DOE (AP)", "Reuters / AFP". */
    private static final Pattern BYLINE_PARTS = Pattern.compile("[,;/|()\\[\\]]|\\s+(?:and|und|og|och|ja)\\s+");

    private final List<Candidate> candidates = new ArrayList<>();

    /** A field that names a party responsible for the item: a candidate as written. */
    public ProviderChoice named(String value, String from) {
        if (value != null && !value.isBlank()) {
            candidates.add(new Candidate(value.trim(), from, true));
        }
        return this;
    }

    /** A field that may name a known agency among other things (an id, a URI, a code): only a known agency counts. */
    public ProviderChoice ifKnown(String value, String from) {
        if (value != null && !value.isBlank() && KnownProviders.key(value).isPresent()) {
            candidates.add(new Candidate(value.trim(), from, false));
        }
        return this;
    }

    /** A byline: each part that is a known agency's name counts ("Jane Doe, AP" names AP; "Jane Doe" nobody). */
    public ProviderChoice bylineParts(String byline, String from) {
        if (byline == null || byline.isBlank()) {
            return this;
        }
        for (String part : BYLINE_PARTS.split(byline)) {
            ifKnown(part, from);
        }
        return this;
    }

    /** The chosen provider: the first named one, else the first known one. */
    public Optional<Candidate> choose() {
        return candidates.stream().filter(Candidate::explicit).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /**
     * Sets the chosen provider on the draft: always when a field named one ({@link #named}); a known agency read
     * from another field only when the draft has no provider yet (an embedded NITF may have set one).
     */
    public void applyTo(DraftArticle d) {
        choose().ifPresent(c -> {
            if (c.explicit() || d.provider() == null) {
                d.setProvider(c.name(), c.from());
            }
        });
    }
}

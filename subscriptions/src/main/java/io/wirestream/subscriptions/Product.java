package io.wirestream.subscriptions;

import io.wirestream.avro.Article;
import java.util.Locale;
import java.util.Set;

/**
 * One licensed product of a subscriber: a content filter. Every criterion given must match (and); within one
 * criterion any listed value matches (or); a criterion left out matches every story. {@code agencies} is required
 * (copy is licensed per agency); {@code "*"} there means any agency. Values are compared without regard to case.
 *
 * @param agencies        agency (provider) names as ingest knows them, or {@code *}
 * @param mediaTopics     IPTC Media Topic codes, normalised to {@code medtop:NNNNNNNN}; a story matches when one of its
 *                        subjects has one of them (exact codes: no broader/narrower expansion)
 * @param languages       BCP-47 tags; {@code en} matches {@code en} and {@code en-GB}, {@code en-GB} only itself
 * @param urgencyMin      lowest ninjs urgency number admitted (1 is the most urgent), or null
 * @param urgencyMax      highest ninjs urgency number admitted, or null; with either bound a story without urgency does not match
 * @param places          the dateline place ({@code located}) or a tagged place entity
 * @param keywords        the story's keywords
 * @param editorialStates the states a first version may be in ({@link EditorialState#isDeliverableFirst})
 */
public record Product(String name, Set<String> agencies, Set<String> mediaTopics, Set<String> languages, Integer urgencyMin,
                      Integer urgencyMax, Set<String> places, Set<String> keywords, Set<EditorialState> editorialStates) {

    public static final String ANY_AGENCY = "*";

    public Product {
        agencies = lower(agencies);
        mediaTopics = Set.copyOf(mediaTopics);
        languages = lower(languages);
        places = lower(places);
        keywords = lower(keywords);
        editorialStates = Set.copyOf(editorialStates);
    }

    /** Whether this version of a story is in the product. */
    public boolean matches(Article a) {
        return matches(StoryFacets.of(a));
    }

    /** Whether a story version with these facets is in the product (the same rule as {@link #matches(Article)}). */
    public boolean matches(StoryFacets f) {
        return matchesAgency(f) && matchesTopics(f) && matchesLanguage(f) && matchesUrgency(f) && matchesPlace(f)
                && matchesKeyword(f) && matchesState(f);
    }

    private boolean matchesAgency(StoryFacets f) {
        return agencies.contains(ANY_AGENCY) || f.agency() != null && agencies.contains(f.agency());
    }

    private boolean matchesTopics(StoryFacets f) {
        if (mediaTopics.isEmpty()) {
            return true;
        }
        for (String code : f.topics()) {
            if (mediaTopics.contains(code)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesLanguage(StoryFacets f) {
        if (languages.isEmpty()) {
            return true;
        }
        if (f.language() == null) {
            return false;
        }
        for (String wanted : languages) {
            if (f.language().equals(wanted) || f.language().startsWith(wanted + "-")) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesUrgency(StoryFacets f) {
        if (urgencyMin == null && urgencyMax == null) {
            return true;
        }
        Integer u = f.urgency();
        return u != null && (urgencyMin == null || u >= urgencyMin) && (urgencyMax == null || u <= urgencyMax);
    }

    private boolean matchesPlace(StoryFacets f) {
        if (places.isEmpty()) {
            return true;
        }
        if (f.located() != null && places.contains(f.located())) {
            return true;
        }
        for (String place : f.places()) {
            if (places.contains(place)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesKeyword(StoryFacets f) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String k : f.keywords()) {
            if (keywords.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesState(StoryFacets f) {
        return f.state().isDeliverableFirst() && (editorialStates.isEmpty() || editorialStates.contains(f.state()));
    }

    /**
     * The product in one canonical text (sorted sets), the same on every run: a store compares it to tell which
     * subscribers' products changed since it last decided who may read what.
     */
    public String canonical() {
        return name + "|" + new java.util.TreeSet<>(agencies) + "|" + new java.util.TreeSet<>(mediaTopics) + "|"
                + new java.util.TreeSet<>(languages) + "|" + urgencyMin + "-" + urgencyMax + "|"
                + new java.util.TreeSet<>(places) + "|" + new java.util.TreeSet<>(keywords) + "|"
                + new java.util.TreeSet<>(editorialStates);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}

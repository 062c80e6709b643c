package io.wirestream.subscriptions;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Subject;
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
        return matchesAgency(a) && matchesTopics(a) && matchesLanguage(a) && matchesUrgency(a) && matchesPlace(a)
                && matchesKeyword(a) && matchesState(a);
    }

    private boolean matchesAgency(Article a) {
        return agencies.contains(ANY_AGENCY) || a.getAgency() != null && agencies.contains(a.getAgency().toString().toLowerCase(Locale.ROOT));
    }

    private boolean matchesTopics(Article a) {
        if (mediaTopics.isEmpty()) {
            return true;
        }
        if (a.getSubjects() == null) {
            return false;
        }
        for (Subject s : a.getSubjects()) {
            String code = MediaTopicCode.normalise(s.getCode().toString());
            if (code != null && mediaTopics.contains(code)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesLanguage(Article a) {
        if (languages.isEmpty()) {
            return true;
        }
        if (a.getLanguage() == null) {
            return false;
        }
        String lang = a.getLanguage().toString().toLowerCase(Locale.ROOT).replace('_', '-');
        for (String wanted : languages) {
            if (lang.equals(wanted) || lang.startsWith(wanted + "-")) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesUrgency(Article a) {
        if (urgencyMin == null && urgencyMax == null) {
            return true;
        }
        Integer u = a.getUrgency();
        return u != null && (urgencyMin == null || u >= urgencyMin) && (urgencyMax == null || u <= urgencyMax);
    }

    private boolean matchesPlace(Article a) {
        if (places.isEmpty()) {
            return true;
        }
        if (a.getLocated() != null && places.contains(a.getLocated().toString().strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                if (e.getType() == EntityType.PLACE && places.contains(e.getName().toString().strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesKeyword(Article a) {
        if (keywords.isEmpty()) {
            return true;
        }
        if (a.getKeywords() != null) {
            for (CharSequence k : a.getKeywords()) {
                if (keywords.contains(k.toString().strip().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchesState(Article a) {
        EditorialState state = EditorialState.of(a);
        return state.isDeliverableFirst() && (editorialStates.isEmpty() || editorialStates.contains(state));
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}

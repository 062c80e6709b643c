package io.wirestream.enrich.tagging.related;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.keywords.KeywordExtractor;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.text.TextLanguage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a tagged article into its linking profile: its most salient entities (people and organisations weigh more
 * than places, which many unrelated stories share), its keywords and the content words of its headline.
 *
 * <p>Headline words are content words only by English rules (lower case, not a common English word), so copy in
 * other languages gives none: its keys are its known entities, whose ids are the same in every language, and the
 * keywords its source sent. A story in Finnish about Trump and one in German about him share the key of Trump; two
 * Finnish stories that share only "mukaan" (according to) share nothing.
 */
public final class StoryProfiler {

    private final KnowledgeBase kb;
    private final int maxKeys;

    public StoryProfiler(KnowledgeBase kb, LinkSettings settings) {
        this.kb = kb;
        this.maxKeys = settings.maxKeysPerStory();
    }

    public StoryProfile profile(Article article) {
        String headline = article.getHeadline() == null ? "" : article.getHeadline();
        String headlineLower = headline.toLowerCase(Locale.ROOT);
        Map<String, ProfileKey> keys = new LinkedHashMap<>();
        for (Entity e : article.getEntities()) {
            double weight = typeWeight(e.getType()) * (1 + Math.log(Math.max(1, e.getMentionCount())))
                    * Math.max(0.3, e.getConfidence());
            for (String mention : e.getMentions()) {
                if (headlineLower.contains(mention.toLowerCase(Locale.ROOT))) {
                    weight *= 1.5;
                    break;
                }
            }
            String key = entityKey(e);
            keys.merge(key, new ProfileKey(key, e.getName(), weight, true),
                    (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        double termWeight = 0.9;
        for (String keyword : article.getKeywords()) {
            addTerm(keys, keyword, termWeight);
            termWeight = Math.max(0.5, termWeight - 0.05);
        }
        boolean english = TextLanguage.of(article.getLanguage()).english();
        for (String word : english ? headline.split("[^\\p{L}\\p{N}'-]+") : new String[0]) {
            if (word.length() >= 4 && !kb.isCommonWord(word) && Character.isLowerCase(word.charAt(0))) {
                addTerm(keys, word, 0.8);
            }
        }
        List<ProfileKey> ranked = new ArrayList<>(keys.values());
        ranked.sort(Comparator.comparingDouble(ProfileKey::weight).reversed().thenComparing(ProfileKey::key));
        if (ranked.size() > maxKeys) {
            ranked = new ArrayList<>(ranked.subList(0, maxKeys));
        }
        Set<String> excluded = new HashSet<>();
        excluded.add(article.getUri());
        String clusterId = null;
        DuplicateCluster cluster = article.getDuplicates();
        if (cluster != null) {
            clusterId = cluster.getClusterId();
            excluded.add(cluster.getFirstUri());
            excluded.addAll(cluster.getMemberUris());
        }
        long time = article.getFirstcreated() != null ? article.getFirstcreated().toEpochMilli()
                : article.getVersioncreated().toEpochMilli();
        return new StoryProfile(article.getUri(), article.getVersion(), time, headline, clusterId, Set.copyOf(excluded),
                List.copyOf(ranked));
    }

    /**
     * An entity's index key: its knowledge id when it has one. A person the knowledge base does not know is keyed by
     * surname, because copy names the same person in many ways the recogniser cannot all strip ("Majority Leader Harry
     * Reid", "Speaker John A. Boehner", "Sheriff Arpaio", "Nick J. Rahall II"): two stories sharing a surname in one
     * window are far more often about the same person than not, and a surname many stories share weighs little anyway.
     */
    static String entityKey(Entity e) {
        if (e.getUri() != null) {
            return "e:" + e.getUri();
        }
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (e.getType() == EntityType.PERSON) {
            String surname = surname(name);
            if (!surname.isEmpty()) {
                return "e:PERSON:" + surname;
            }
        }
        return "e:" + e.getType() + ":" + name;
    }

    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    /** Last word of a lower-case name that is not a suffix such as Jr. or III; empty if there is none. */
    static String surname(String name) {
        String[] words = name.split("[\\s,]+");
        for (int i = words.length - 1; i >= 0; i--) {
            String w = words[i].replaceAll("\\.+$", "");
            if (!w.isEmpty() && !NAME_SUFFIXES.contains(w)) {
                return w;
            }
        }
        return "";
    }

    private static void addTerm(Map<String, ProfileKey> keys, String word, double weight) {
        String stem = KeywordExtractor.stem(word.toLowerCase(Locale.ROOT));
        String key = "t:" + stem;
        keys.merge(key, new ProfileKey(key, word.toLowerCase(Locale.ROOT), weight, false),
                (a, b) -> new ProfileKey(a.key(), a.label(), Math.min(1.0, a.weight() + b.weight() / 2), false));
    }

    private static double typeWeight(EntityType type) {
        return switch (type) {
            case PERSON -> 1.0;
            case ORGANISATION -> 0.85;
            case PLACE -> 0.6;
            default -> 0.5;
        };
    }
}

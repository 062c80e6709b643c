package io.wirestream.enrich.tagging.subjects;

import io.wirestream.enrich.tagging.entities.ResolvedEntity;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;
import io.wirestream.enrich.tagging.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers IPTC Media Topics from the words of an article and the kinds of entities it names. Each topic has weighted
 * cue words; a top-level topic is assigned when its score is the highest or close to it, a narrower topic when its
 * broader topic is assigned and its own cues appear. Deliberately transparent (no trained model): an editor can read
 * why a topic was chosen and change the cue list in {@code kb-facts/media-topics.tsv}.
 */
public final class MediaTopicClassifier {

    /** Share of the best topic's score another top-level topic needs to be assigned as well. */
    private static final double SECONDARY_SHARE = 0.55;
    private static final double MIN_SCORE = 2.0;
    private static final int MAX_TOP_LEVEL = 3;

    /** Entity kinds (from the knowledge base) that are evidence for a topic, and how much. */
    private static final Map<String, String> TOPIC_BY_ENTITY_KIND = Map.of(
            "intergov", "medtop:11000000",
            "government", "medtop:11000000",
            "party", "medtop:11000000",
            "company", "medtop:04000000",
            "finance", "medtop:04000000",
            "militant", "medtop:16000000",
            "sport", "medtop:15000000",
            "education", "medtop:05000000");

    private final Map<String, MediaTopic> topics = new LinkedHashMap<>();
    /** Cue phrase to the topics it is a cue for, so scoring is one lookup per phrase whatever the number of topics. */
    private final Map<String, List<Map.Entry<String, Double>>> topicsByCue = new HashMap<>();
    private final int longestCue;
    /**
     * The first words of every cue of several words ("interest" of "interest rate"): a phrase that is none of them
     * begins no longer cue, so scoring stops there instead of looking up every longer phrase.
     */
    private final java.util.Set<String> cuePrefixes = new java.util.HashSet<>();

    public MediaTopicClassifier(KnowledgeBase kb) {
        int longest = 1;
        for (String line : kb.mediaTopicLines()) {
            String[] c = line.split("\t", -1);
            Map<String, Double> cues = new HashMap<>();
            if (c.length > 3) {
                for (String cue : c[3].split(",")) {
                    if (cue.isBlank()) {
                        continue;
                    }
                    String[] parts = cue.trim().split("\\*");
                    cues.put(parts[0], parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0);
                    longest = Math.max(longest, parts[0].split(" ").length);
                }
            }
            topics.put(c[0], new MediaTopic(c[0], c[1], "-".equals(c[2]) ? null : c[2], Map.copyOf(cues)));
        }
        this.longestCue = longest;
        for (MediaTopic t : topics.values()) {
            t.cues().forEach((cue, weight) -> {
                topicsByCue.computeIfAbsent(cue, k -> new ArrayList<>()).add(Map.entry(t.code(), weight));
                for (int space = cue.indexOf(' '); space > 0; space = cue.indexOf(' ', space + 1)) {
                    cuePrefixes.add(cue.substring(0, space));
                }
            });
        }
    }

    public MediaTopic topic(String code) {
        return topics.get(code);
    }

    public List<ScoredTopic> classify(List<Token> tokens, List<ResolvedEntity> entities, KnowledgeBase kb) {
        Map<String, Double> scores = cueScores(tokens);
        for (ResolvedEntity e : entities) {
            if (e.uri() == null) {
                continue;
            }
            KnownEntity known = kb.byId(e.uri());
            String kind = known == null ? null : known.kind();
            String code = kind == null ? null : TOPIC_BY_ENTITY_KIND.get(kind);
            if (code == null && kind != null && known.type() == io.wirestream.avro.EntityType.PERSON) {
                code = personTopic(kind);
            }
            if (code != null) {
                scores.merge(code, 1.5 * Math.min(3, e.mentionCount()), Double::sum);
            }
        }
        List<MediaTopic> topLevel = new ArrayList<>();
        for (MediaTopic t : topics.values()) {
            if (t.isTopLevel() && scores.getOrDefault(t.code(), 0.0) >= MIN_SCORE) {
                topLevel.add(t);
            }
        }
        topLevel.sort(Comparator.comparingDouble((MediaTopic t) -> -scores.get(t.code())));
        List<ScoredTopic> out = new ArrayList<>();
        if (topLevel.isEmpty()) {
            return out;
        }
        double best = scores.get(topLevel.get(0).code());
        for (MediaTopic t : topLevel.subList(0, Math.min(MAX_TOP_LEVEL, topLevel.size()))) {
            double share = scores.get(t.code()) / best;
            if (share < SECONDARY_SHARE) {
                break;
            }
            out.add(new ScoredTopic(t, round(share)));
            for (MediaTopic child : topics.values()) {
                if (t.code().equals(child.broader()) && scores.getOrDefault(child.code(), 0.0) >= 2.0) {
                    out.add(new ScoredTopic(child, round(share * Math.min(1.0, scores.get(child.code()) / 6.0))));
                }
            }
        }
        return out;
    }

    private static String personTopic(String role) {
        String r = role.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("president") || r.contains("minister") || r.contains("chancellor") || r.contains("secretary")
                || r.contains("premier") || r.contains("leader") || r.contains("king") || r.contains("queen")) {
            return "medtop:11000000";
        }
        if (r.contains("businessman") || r.contains("federal reserve") || r.contains("central bank")) {
            return "medtop:04000000";
        }
        return null;
    }

    private Map<String, Double> cueScores(List<Token> tokens) {
        Map<String, Double> scores = new HashMap<>();
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isWord()) {
                words.add(t.lower());
            }
        }
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String key = words.get(i);
            for (int len = 1; ; len++) {
                List<Map.Entry<String, Double>> cued = topicsByCue.get(key);
                if (cued != null) {
                    for (Map.Entry<String, Double> e : cued) {
                        scores.merge(e.getKey(), e.getValue(), Double::sum);
                    }
                }
                if (len == longestCue || i + len == words.size() || !cuePrefixes.contains(key)) {
                    break;
                }
                if (len == 1) {
                    phrase.setLength(0);
                    phrase.append(key);
                }
                phrase.append(' ').append(words.get(i + len));
                key = phrase.toString();
            }
        }
        return scores;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package io.wirestream.quality.dedupe;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.Judgement;
import io.wirestream.enrich.dedupe.fingerprint.Similarity;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.DedupeDecision;
import io.wirestream.enrich.dedupe.index.DedupeEngine;
import io.wirestream.enrich.dedupe.index.DuplicateMatch;
import io.wirestream.enrich.dedupe.index.InMemoryDedupeIndex;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.quality.dedupe.FreshPairLabels.StoryPair;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dedupe on copy the dedupe work never looked at: BBC News 2004-05 ({@code bbc-dev}) and BASIL 2010-2014
 * ({@code basil-dev}), every story through one production {@link DedupeEngine} with {@link FingerprintSettings#DEFAULTS}
 * in a fixed order (BBC in folder and file order, then BASIL by date and id). Every pair the engine takes for copies
 * (exact and near) is a merge to label; the most similar pairs it keeps apart are candidates, labelled to see what it
 * misses. Labels: {@code fresh-pairs.tsv} ({@link FreshPairLabels}). Nothing here was tuned: the engine and its
 * settings were not changed after these pairs were read.
 */
public final class FreshPairsEvaluation {

    /** When the pairs were labelled, and the last commit that touched the engine before (enrich-stream/dedupe). */
    public static final String LABELLED = "2026-12-07";
    public static final String ENGINE_UNCHANGED_SINCE = "340c285";

    /**
     * Candidates are pairs over all stories (not only those that met under an index key) that the engine kept apart
     * with an estimated Jaccard of at least this, most similar first, at most {@link #MAX_CANDIDATES}.
     */
    public static final double CANDIDATE_JACCARD = 0.1;
    public static final int MAX_CANDIDATES = 100;

    /** A pair as the engine and the judge saw it. */
    public record JudgedPair(StoryPair pair, Judgement judgement, Similarity similarity) {
    }

    /**
     * What the engine did.
     *
     * @param storiesByCorpus stories offered, per corpus ("bbc", "basil")
     * @param mergeDecisions stories the engine found to be a copy of an earlier one, per corpus
     * @param merged every pair the engine took for copies (a story and each verified copy it found)
     * @param candidates the most similar pairs it kept apart
     */
    public record Run(Map<String, Integer> storiesByCorpus, Map<String, Integer> mergeDecisions,
            List<JudgedPair> merged, List<JudgedPair> candidates) {

        public int stories() {
            return storiesByCorpus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The figures of one corpus, or of all together.
     *
     * @param stories stories offered
     * @param mergeDecisions stories merged into an earlier one
     * @param precision merged pairs labelled same, of merged pairs labelled
     * @param unlabelledMerges merged pairs with no label (must be none: the evaluation is then incomplete)
     * @param recall labelled same pairs (merged or candidate) that the engine merges
     * @param differentMerged merged pairs labelled different
     */
    public record Figures(int stories, int mergeDecisions, Proportion precision, int unlabelledMerges, Proportion recall,
            int differentMerged) {

        public double differentMergedPerThousand() {
            return stories == 0 ? 0 : 1000.0 * differentMerged / stories;
        }

        /** The figures of two separate runs taken together (no merge across them was possible). */
        public Figures plus(Figures other) {
            return new Figures(stories + other.stories, mergeDecisions + other.mergeDecisions,
                    precision.plus(other.precision), unlabelledMerges + other.unlabelledMerges,
                    recall.plus(other.recall), differentMerged + other.differentMerged);
        }
    }

    private final FingerprintSettings settings;
    private final Fingerprinter fingerprinter;
    private final DuplicateVerifier verifier;

    public FreshPairsEvaluation(FingerprintSettings settings) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings);
        this.verifier = new DuplicateVerifier(settings);
    }

    /** Whether both corpora are there. */
    public static boolean present(Path corpora) {
        return Files.isDirectory(corpora.resolve("bbc-dev"))
                && Files.isDirectory(corpora.resolve("basil-dev").resolve("articles"));
    }

    /** BBC dev then BASIL dev, in the order the engine is offered them. */
    public static List<CorpusStory> stories(Path corpora) throws IOException {
        List<CorpusStory> stories = new ArrayList<>(BbcCorpus.read(corpora.resolve("bbc-dev")));
        stories.addAll(BasilCorpus.read(corpora.resolve("basil-dev")));
        stories.sort(Comparator.comparing(CorpusStory::wiredAt).thenComparing(CorpusStory::id));
        return stories;
    }

    public Run run(List<CorpusStory> stories) {
        Map<String, StorySignature> signatures = new HashMap<>();
        stories.forEach(s -> signatures.put(s.id(), fingerprinter.fingerprint(s.headline(), s.paragraphs())));
        Map<String, Integer> storiesByCorpus = new LinkedHashMap<>();
        Map<String, Integer> mergeDecisions = new LinkedHashMap<>();
        Set<StoryPair> mergedPairs = new LinkedHashSet<>();
        DedupeEngine engine = new DedupeEngine(settings, new InMemoryDedupeIndex());
        for (CorpusStory story : stories) {
            String corpus = corpusOf(story.id());
            storiesByCorpus.merge(corpus, 1, Integer::sum);
            mergeDecisions.putIfAbsent(corpus, 0);
            DedupeDecision decision = engine.offer(
                    new IndexedStory(story.id(), corpus, story.wiredAt(), signatures.get(story.id())));
            if (decision.duplicate()) {
                mergeDecisions.merge(corpus, 1, Integer::sum);
            }
            for (DuplicateMatch match : decision.matches()) {
                mergedPairs.add(StoryPair.of(story.id(), match.other().uri()));
            }
        }
        List<JudgedPair> merged = new ArrayList<>();
        for (StoryPair pair : mergedPairs) {
            merged.add(judged(pair, signatures));
        }
        return new Run(storiesByCorpus, mergeDecisions, merged, keptApart(stories, signatures, mergedPairs));
    }

    /** Every pair, not only those that met under an index key: a copy the index never brought together is a miss too. */
    private List<JudgedPair> keptApart(List<CorpusStory> stories, Map<String, StorySignature> signatures,
            Set<StoryPair> merged) {
        List<JudgedPair> apart = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            for (int j = i + 1; j < stories.size(); j++) {
                StoryPair pair = StoryPair.of(stories.get(i).id(), stories.get(j).id());
                Similarity similarity = Similarity.between(signatures.get(pair.first()), signatures.get(pair.second()));
                if (similarity.jaccard() >= CANDIDATE_JACCARD && !merged.contains(pair)) {
                    apart.add(judged(pair, signatures));
                }
            }
        }
        apart.sort(Comparator.comparingDouble((JudgedPair p) -> -p.similarity().jaccard())
                .thenComparing(p -> p.pair().toString()));
        return List.copyOf(apart.subList(0, Math.min(MAX_CANDIDATES, apart.size())));
    }

    private JudgedPair judged(StoryPair pair, Map<String, StorySignature> signatures) {
        StorySignature a = signatures.get(pair.first());
        StorySignature b = signatures.get(pair.second());
        return new JudgedPair(pair, verifier.judge(a, b), Similarity.between(a, b));
    }

    /** Figures per corpus ("bbc", "basil") and "all" together; a merge across the corpora would count in "all" only. */
    public static Map<String, Figures> score(Run run, FreshPairLabels labels) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String corpus : run.storiesByCorpus().keySet()) {
            figures.put(corpus, score(run, labels, corpus));
        }
        figures.put("all", score(run, labels, null));
        return figures;
    }

    private static Figures score(Run run, FreshPairLabels labels, String corpus) {
        int same = 0;
        int different = 0;
        int unlabelled = 0;
        Set<StoryPair> merged = new LinkedHashSet<>();
        for (JudgedPair p : run.merged()) {
            if (corpus != null && !corpus.equals(corpusOf(p.pair()))) {
                continue;
            }
            merged.add(p.pair());
            var label = labels.label(p.pair());
            if (label.isEmpty()) {
                unlabelled++;
            } else if (label.get().same()) {
                same++;
            } else {
                different++;
            }
        }
        int labelledSame = 0;
        int labelledSameMerged = 0;
        for (FreshPairLabels.Entry entry : labels.all().values()) {
            if (entry.same() && (corpus == null || corpus.equals(corpusOf(entry.pair())))) {
                labelledSame++;
                if (merged.contains(entry.pair())) {
                    labelledSameMerged++;
                }
            }
        }
        int stories = corpus == null ? run.stories() : run.storiesByCorpus().getOrDefault(corpus, 0);
        int decisions = corpus == null ? run.mergeDecisions().values().stream().mapToInt(Integer::intValue).sum()
                : run.mergeDecisions().getOrDefault(corpus, 0);
        return new Figures(stories, decisions, new Proportion(same, same + different), unlabelled,
                new Proportion(labelledSameMerged, labelledSame), different);
    }

    static String corpusOf(String storyId) {
        return storyId.substring(0, storyId.indexOf(':'));
    }

    static String corpusOf(StoryPair pair) {
        String a = corpusOf(pair.first());
        return a.equals(corpusOf(pair.second())) ? a : "cross";
    }

    public static void print(Run run, FreshPairLabels labels, PrintStream out) {
        out.printf(Locale.ROOT, "fresh, untuned (BBC dev, BASIL dev; labelled %s, engine unchanged since %s):"
                + " %d stories through one engine, %d merged pairs, %d candidates kept apart (estimated Jaccard >= %.2f)%n",
                LABELLED, ENGINE_UNCHANGED_SINCE, run.stories(), run.merged().size(), run.candidates().size(),
                CANDIDATE_JACCARD);
        printFigures(run, labels, out);
    }

    /**
     * The figures per corpus (and all together when the run had more than one), then each wrong merge and each
     * labelled same-story pair kept apart, with its note.
     */
    static void printFigures(Run run, FreshPairLabels labels, PrintStream out) {
        Map<String, Figures> figures = score(run, labels);
        if (run.storiesByCorpus().size() == 1) {
            figures.remove("all");
        }
        figures.forEach((corpus, f) -> out.printf(Locale.ROOT,
                "  %-5s %4d stories, %3d merges: precision %s, recall of labelled same-story pairs %s,"
                        + " %d different-story merges = %.2f per 1,000 stories%s%n",
                corpus, f.stories(), f.mergeDecisions(),
                f.precision().of() == 0 ? "n/a (no merged pair)" : f.precision(), f.recall(), f.differentMerged(),
                f.differentMergedPerThousand(),
                f.unlabelledMerges() == 0 ? "" : " (" + f.unlabelledMerges() + " merged pairs UNLABELLED)"));
        Set<StoryPair> merged = new LinkedHashSet<>();
        for (JudgedPair p : run.merged()) {
            merged.add(p.pair());
            labels.label(p.pair()).filter(e -> !e.same()).ifPresent(e -> out.printf(Locale.ROOT,
                    "  wrong merge %s (%s, Jaccard %.2f): %s%n", p.pair(), p.judgement().reason(),
                    p.similarity().jaccard(), e.note()));
        }
        Map<StoryPair, JudgedPair> candidates = new HashMap<>();
        run.candidates().forEach(c -> candidates.put(c.pair(), c));
        labels.all().values().stream().filter(e -> e.same() && !merged.contains(e.pair())).forEach(e -> out.printf(
                Locale.ROOT, "  same story kept apart %s (%s): %s%n", e.pair(),
                candidates.containsKey(e.pair()) ? candidates.get(e.pair()).judgement().reason() : "not a candidate now",
                e.note()));
    }
}

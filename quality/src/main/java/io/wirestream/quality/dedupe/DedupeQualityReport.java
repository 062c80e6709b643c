package io.wirestream.quality.dedupe;

import io.wirestream.newsformats.corpora.CorporaLocation;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.DedupeDecision;
import io.wirestream.enrich.dedupe.index.DedupeEngine;
import io.wirestream.enrich.dedupe.index.InMemoryDedupeIndex;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.text.FingerprintText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Measures dedupe quality on the shared corpora (read in place, never copied):
 * <ol>
 *   <li>every Reuters-21578 train story is indexed in wire order, as background and as a check on the corpus's own
 *       re-filed copies;</li>
 *   <li>a seeded sample of the longer stories is rewritten in each {@link RewriteKind} and offered afterwards; a
 *       rewrite is found when it lands in its original's cluster, wrong when it lands in another;</li>
 *   <li>every ECB+ dev pair of one topic but different events is verified, and all ECB+ stories are run through a
 *       fresh engine: merges across events are false positives;</li>
 *   <li>({@link RealPairsEvaluation}, printed by {@link #main}) the corpus's own labelled near pairs, per split;</li>
 *   <li>({@link FreshPairsEvaluation}, printed by {@link #main}) every merge on BBC and BASIL copy, labelled once and
 *       never tuned on;</li>
 *   <li>({@link ConllPairsEvaluation}, printed by {@link #main}) the same on CoNLL-2003's Reuters copy of 1996, alone
 *       and pooled with BBC and BASIL.</li>
 * </ol>
 * Run: {@code java -cp ... io.wirestream.quality.dedupe.DedupeQualityReport [corporaDir] [sampleSize] [seed]
 * [bands rowsPerBand jaccardThreshold containmentThreshold]}.
 */
public final class DedupeQualityReport {

    private final FingerprintSettings settings;
    private final Fingerprinter fingerprinter;

    public DedupeQualityReport(FingerprintSettings settings) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings);
    }

    public static void main(String[] args) throws IOException {
        Optional<Path> corpora = args.length > 0 ? Optional.of(Path.of(args[0])) : CorporaLocation.find();
        if (corpora.isEmpty()) {
            System.out.println("dedupe quality: corpora not found (set -D" + CorporaLocation.PROPERTY
                    + " or run beside ../shared/corpora); nothing measured");
            return;
        }
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20260101L;
        FingerprintSettings d = FingerprintSettings.DEFAULTS;
        FingerprintSettings settings = args.length > 3
                ? new FingerprintSettings(d.shingleWords(), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        d.minShingles(), Double.parseDouble(args[5]), Double.parseDouble(args[6]),
                        d.minContainmentJaccard(), d.bucketCapacity())
                : d;
        DedupeQualityNumbers numbers = new DedupeQualityReport(settings)
                .measure(corpora.get(), sample, seed, System.out);
        print(numbers, System.out);
        // the synthetic rewrites above cannot show templated copy merged as one story; the corpus's own pairs can
        RealPairsEvaluation.Figures real = new RealPairsEvaluation(settings).measure(corpora.get());
        RealPairsEvaluation.print(real, System.out);
        // and copy the dedupe work never used, labelled once against the engine as it was: not tuned on
        Optional<FreshPairsEvaluation.Figures> bbcBasil = Optional.empty();
        if (FreshPairsEvaluation.present(corpora.get())) {
            FreshPairsEvaluation.Run run = new FreshPairsEvaluation(settings)
                    .run(FreshPairsEvaluation.stories(corpora.get()));
            FreshPairsEvaluation.print(run, FreshPairLabels.load(), System.out);
            bbcBasil = Optional.of(FreshPairsEvaluation.score(run, FreshPairLabels.load()).get("all"));
        } else {
            System.out.println("fresh, untuned (BBC dev, BASIL dev): bbc-dev or basil-dev not found; not measured");
        }
        if (ConllPairsEvaluation.present(corpora.get())) {
            ConllPairsEvaluation.print(ConllPairsEvaluation.run(settings, ConllPairsEvaluation.stories(corpora.get())),
                    ConllPairsEvaluation.labels(), bbcBasil, heldOutPrecision(real), System.out);
        } else {
            System.out.println("fresh, untuned (CoNLL-2003): conll2003/eng.train or eng.testa not found; not measured");
        }
    }

    private static Optional<Proportion> heldOutPrecision(RealPairsEvaluation.Figures real) {
        return Optional.ofNullable(real.splits().get(LabelledPairs.Split.HELD_OUT))
                .map(f -> new Proportion(f.mergedSame(), f.mergedSame() + f.mergedDifferent()));
    }

    public DedupeQualityNumbers measure(Path corpora, int sampleSize, long seed, PrintStream log) throws IOException {
        List<CorpusStory> reuters = new ArrayList<>(ReutersCorpus.read(corpora.resolve("reuters21578-train")));
        reuters.sort(Comparator.comparing(CorpusStory::wiredAt).thenComparing(CorpusStory::id));

        DedupeEngine engine = new DedupeEngine(settings, new InMemoryDedupeIndex());
        Map<String, String> clusterHead = new HashMap<>();
        Map<String, String> canonicalText = new HashMap<>();
        int corpusExact = 0;
        int corpusNear = 0;
        int exactFalse = 0;
        List<String> nearSamples = new ArrayList<>();
        for (CorpusStory story : reuters) {
            IndexedStory indexed = index(story, story.id(), "reuters", story.wiredAt());
            canonicalText.put(story.id(), canonical(story));
            DedupeDecision decision = engine.offer(indexed);
            clusterHead.put(story.id(), headOf(decision, clusterHead));
            if (decision.duplicate()) {
                String survivor = decision.survivor().get().uri();
                if (decision.kind().get() == MatchKind.EXACT) {
                    corpusExact++;
                    if (!canonicalText.get(survivor).equals(canonicalText.get(story.id()))) {
                        exactFalse++;
                    }
                } else {
                    corpusNear++;
                    if (nearSamples.size() < 5) {
                        nearSamples.add(story.id() + " ~ " + survivor + ": \"" + story.headline() + "\" ~ \""
                                + reuters.stream().filter(s -> s.id().equals(survivor)).findFirst().map(CorpusStory::headline)
                                .orElse("?") + "\"");
                    }
                }
            }
        }
        log.printf(Locale.ROOT, "background: %d Reuters train stories, %d exact and %d near merges among them%n",
                reuters.size(), corpusExact, corpusNear);
        nearSamples.forEach(s -> log.println("  near merge sample: " + s));

        Random random = new Random(seed);
        List<CorpusStory> eligible = new ArrayList<>(reuters.stream().filter(StoryRewriter::eligible).toList());
        Collections.shuffle(eligible, random);
        List<CorpusStory> sampled = eligible.subList(0, Math.min(sampleSize, eligible.size()));
        StoryRewriter rewriter = new StoryRewriter(seed);
        List<CorpusStory> rewrites = new ArrayList<>();
        Map<String, RewriteKind> kindOf = new HashMap<>();
        for (CorpusStory original : sampled) {
            for (RewriteKind kind : RewriteKind.values()) {
                // the added paragraph is new material from a long story, not a whole short story glued in
                CorpusStory donor = eligible.get(random.nextInt(eligible.size()));
                String id = original.id() + "#" + kind.name().toLowerCase(Locale.ROOT);
                CorpusStory rewrite = rewriter.rewrite(original, kind, donor, id);
                rewrites.add(new CorpusStory(id, original.id(),
                        original.wiredAt().plus(Duration.ofMinutes(1 + random.nextInt(600))), rewrite.headline(),
                        rewrite.paragraphs()));
                kindOf.put(id, kind);
            }
        }
        rewrites.sort(Comparator.comparing(CorpusStory::wiredAt).thenComparing(CorpusStory::id));

        int exactExpected = 0;
        int exactFound = 0;
        int nearExpected = 0;
        int nearFound = 0;
        int nearWrong = 0;
        Map<RewriteKind, int[]> perKind = new EnumMap<>(RewriteKind.class);
        // near rewrites per split of their original (dev = even NEWIDs, tuned on; held-out = odd), and why a miss was
        // missed: the judge on the rewrite and its original alone (DISSIMILAR, FIGURES_DIFFER, ...), or NOT_REACHED
        // when the judge would merge them but the index did not bring them together
        Map<LabelledPairs.Split, int[]> nearBySplit = new EnumMap<>(LabelledPairs.Split.class);
        Map<String, Integer> missCauses = new java.util.TreeMap<>();
        DuplicateVerifier verifier = new DuplicateVerifier(settings);
        Map<String, CorpusStory> originals = new HashMap<>();
        sampled.forEach(o -> originals.put(o.id(), o));
        for (CorpusStory rewrite : rewrites) {
            RewriteKind kind = kindOf.get(rewrite.id());
            canonicalText.put(rewrite.id(), canonical(rewrite));
            DedupeDecision decision = engine.offer(index(rewrite, rewrite.id(), "rewrite", rewrite.wiredAt()));
            String head = headOf(decision, clusterHead);
            clusterHead.put(rewrite.id(), head);
            boolean right = decision.duplicate() && head.equals(clusterHead.get(rewrite.group()));
            for (var match : decision.matches()) {
                if (match.kind() == MatchKind.EXACT
                        && !canonicalText.get(match.other().uri()).equals(canonicalText.get(rewrite.id()))) {
                    exactFalse++;
                }
            }
            int[] counts = perKind.computeIfAbsent(kind, k -> new int[2]);
            counts[1]++;
            if (kind.exact()) {
                exactExpected++;
                if (!(right && decision.exactCopyFound()) && exactExpected - exactFound <= 3) {
                    log.println("  exact miss: " + rewrite.id() + " -> " + decision.survivor().map(IndexedStory::uri)
                            .orElse("none") + "\n    " + canonical(rewrite).replace('\n', '|')
                            + "\n    " + canonicalText.get(rewrite.group()).replace('\n', '|'));
                }
                if (right && decision.exactCopyFound()) {
                    exactFound++;
                    counts[0]++;
                }
            } else {
                nearExpected++;
            }
            if (!kind.exact()) {
                LabelledPairs.Split split = splitOf(rewrite.group());
                int[] bySplit = nearBySplit.computeIfAbsent(split, k -> new int[2]);
                bySplit[1]++;
                if (right) {
                    bySplit[0]++;
                } else {
                    CorpusStory original = originals.get(rewrite.group());
                    var judgement = verifier.judge(
                            fingerprinter.fingerprint(original.headline(), original.paragraphs()),
                            fingerprinter.fingerprint(rewrite.headline(), rewrite.paragraphs()));
                    String cause = judgement.same() ? "NOT_REACHED" : judgement.reason().name();
                    missCauses.merge(split + " " + kind + " " + cause, 1, Integer::sum);
                }
            }
            if (right) {
                if (!kind.exact()) {
                    nearFound++;
                    counts[0]++;
                }
            } else if (decision.duplicate()) {
                nearWrong++;
                if (nearWrong <= 5) {
                    log.println("  wrong merge: " + rewrite.id() + " -> " + decision.survivor().get().uri());
                }
            }
        }
        Map<RewriteKind, Double> recallByKind = new EnumMap<>(RewriteKind.class);
        perKind.forEach((kind, counts) -> recallByKind.put(kind, (double) counts[0] / counts[1]));

        int[] ecb = measureEcbPlus(corpora.resolve("ecbplus-dev"));
        return new DedupeQualityNumbers(reuters.size(), corpusExact, corpusNear, sampled.size(), exactExpected,
                exactFound, exactFalse, nearExpected, nearFound, nearWrong, recallByKind, ecb[0], ecb[1], ecb[2],
                splitCounts(nearBySplit), missCauses);
    }

    private static LabelledPairs.Split splitOf(String reutersId) {
        return LabelledPairs.Split.heldOut(ReutersNearPairs.newId(reutersId))
                ? LabelledPairs.Split.HELD_OUT : LabelledPairs.Split.DEV;
    }

    private static Map<LabelledPairs.Split, DedupeQualityNumbers.Found> splitCounts(
            Map<LabelledPairs.Split, int[]> counts) {
        Map<LabelledPairs.Split, DedupeQualityNumbers.Found> found = new EnumMap<>(LabelledPairs.Split.class);
        counts.forEach((split, c) -> found.put(split, new DedupeQualityNumbers.Found(c[0], c[1])));
        return found;
    }

    /** Pairs of one topic, different events: how many the verifier would merge, and how many the engine did. */
    private int[] measureEcbPlus(Path root) throws IOException {
        List<CorpusStory> stories = EcbPlusCorpus.read(root);
        DuplicateVerifier verifier = new DuplicateVerifier(settings);
        Map<String, StorySignature> signatures = new HashMap<>();
        stories.forEach(s -> signatures.put(s.id(), fingerprinter.fingerprint(s.headline(), s.paragraphs())));
        int pairs = 0;
        int merged = 0;
        for (CorpusStory a : stories) {
            for (CorpusStory b : stories) {
                if (a.group().endsWith("/ecb") && b.group().equals(topic(a) + "/ecbplus")) {
                    pairs++;
                    if (verifier.compare(signatures.get(a.id()), signatures.get(b.id())).isPresent()) {
                        merged++;
                    }
                }
            }
        }
        DedupeEngine engine = new DedupeEngine(settings, new InMemoryDedupeIndex());
        Map<String, String> groupOf = new HashMap<>();
        int engineMerges = 0;
        long tick = 0;
        for (CorpusStory story : stories) {
            groupOf.put(story.id(), story.group());
            DedupeDecision decision = engine.offer(new IndexedStory(story.id(), "ecb",
                    java.time.Instant.EPOCH.plusSeconds(tick++), signatures.get(story.id())));
            if (decision.duplicate() && !groupOf.get(decision.survivor().get().uri()).equals(story.group())) {
                engineMerges++;
            }
        }
        return new int[] {pairs, merged, engineMerges};
    }

    private static String topic(CorpusStory story) {
        return story.group().substring(0, story.group().indexOf('/'));
    }

    private IndexedStory index(CorpusStory story, String uri, String agency, java.time.Instant at) {
        return new IndexedStory(uri, agency, at, fingerprinter.fingerprint(story.headline(), story.paragraphs()));
    }

    private static String canonical(CorpusStory story) {
        StringBuilder text = new StringBuilder(FingerprintText.canonical(FingerprintText.headlineWords(story.headline())));
        FingerprintText.bodyParagraphWords(story.paragraphs())
                .forEach(p -> text.append('\n').append(FingerprintText.canonical(p)));
        return text.toString();
    }

    private static String headOf(DedupeDecision decision, Map<String, String> clusterHead) {
        return decision.survivor().map(s -> clusterHead.getOrDefault(s.uri(), s.uri())).orElse(decision.story().uri());
    }

    public static void print(DedupeQualityNumbers n, PrintStream out) {
        out.printf(Locale.ROOT, "dedupe quality (%d Reuters train stories as background, %d originals rewritten)%n",
                n.corpusStories(), n.sampledOriginals());
        out.printf(Locale.ROOT, "  exact duplicates: recall %.4f (%d/%d), false positives %d%n", n.exactRecall(),
                n.exactFound(), n.exactExpected(), n.exactFalsePositives());
        out.printf(Locale.ROOT, "  near duplicates:  recall %.4f (%d/%d), precision %.4f (%d wrong merges)%n",
                n.nearRecall(), n.nearFound(), n.nearExpected(), n.nearPrecision(), n.nearWrong());
        n.recallByKind().forEach((kind, recall) -> out.printf(Locale.ROOT, "    %-24s recall %.4f%n", kind, recall));
        n.nearBySplit().forEach((split, f) -> out.printf(Locale.ROOT,
                "    originals %-8s near recall %.4f (%d/%d)%s%n", split, f.share(), f.found(), f.of(),
                split == LabelledPairs.Split.DEV ? " (tuned on)" : " (not tuned on)"));
        out.println("    near misses by split, kind and cause: " + n.nearMissCauses());
        out.printf(Locale.ROOT, "  Reuters corpus's own copies: %d exact, %d near%n", n.corpusExactMerges(),
                n.corpusNearMerges());
        out.printf(Locale.ROOT, "  ECB+ dev same-topic different-event pairs merged: %d/%d = %.4f (engine merges across events: %d)%n",
                n.ecbMergedPairs(), n.ecbPairs(), n.ecbFalsePositiveRate(), n.ecbEngineMerges());
        out.println("  targets met: " + n.meetsTargets());
    }
}

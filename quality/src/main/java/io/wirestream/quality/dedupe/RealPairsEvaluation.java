package io.wirestream.quality.dedupe;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Judgement;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.DedupeDecision;
import io.wirestream.enrich.dedupe.index.DedupeEngine;
import io.wirestream.enrich.dedupe.index.InMemoryDedupeIndex;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.quality.dedupe.LabelledPairs.Label;
import io.wirestream.quality.dedupe.LabelledPairs.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The judge on the corpus's own near pairs, which synthetic rewrites cannot show: templated copy (dividends, daily
 * reports, price changes, listings) that looks alike but is two stories. Per split (dev = even NEWIDs, held-out = odd,
 * cross = one of each), precision and recall of the judge's merges against the labels; and the engine run over the
 * held-out stories alone, in wire order, counting merges of two stories labelled different per 1,000 stories.
 */
public final class RealPairsEvaluation {

    /** Counts for one split. */
    public record SplitFigures(int same, int different, int mergedSame, int mergedDifferent) {

        public double precision() {
            int merged = mergedSame + mergedDifferent;
            return merged == 0 ? 1.0 : (double) mergedSame / merged;
        }

        public double recall() {
            return same == 0 ? 1.0 : (double) mergedSame / same;
        }
    }

    /**
     * @param splits figures per split
     * @param apartByReason labelled pairs the judge kept apart, by reason
     * @param heldOutStories stories the held-out engine run offered
     * @param heldOutMerges duplicates it found (exact and near)
     * @param heldOutDistinctMerged of those, merged into a story labelled different
     * @param heldOutUnlabelledMerges near merges whose pair is not labelled (not among the mined pairs)
     */
    public record Figures(Map<Split, SplitFigures> splits, Map<Judgement.Reason, Integer> apartByReason,
            int heldOutStories, int heldOutMerges, int heldOutDistinctMerged, int heldOutUnlabelledMerges) {

        public double distinctMergedPerThousand() {
            return heldOutStories == 0 ? 0 : 1000.0 * heldOutDistinctMerged / heldOutStories;
        }
    }

    private final FingerprintSettings settings;

    public RealPairsEvaluation(FingerprintSettings settings) {
        this.settings = settings;
    }

    public Figures measure(Path corpora) throws IOException {
        List<CorpusStory> stories = ReutersCorpus.read(corpora.resolve("reuters21578-train"));
        Map<String, StorySignature> signatures = ReutersNearPairs.signatures(stories, settings);
        Map<Integer, String> idOf = new HashMap<>();
        stories.forEach(s -> idOf.put(ReutersNearPairs.newId(s.id()), s.id()));
        LabelledPairs labels = LabelledPairs.load();
        DuplicateVerifier verifier = new DuplicateVerifier(settings);

        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        Map<Judgement.Reason, Integer> apart = new EnumMap<>(Judgement.Reason.class);
        for (Map.Entry<String, Label> entry : labels.all().entrySet()) {
            if (entry.getValue() == Label.UNSURE) {
                continue;
            }
            String[] ids = entry.getKey().split("-");
            int a = Integer.parseInt(ids[0]);
            int b = Integer.parseInt(ids[1]);
            Judgement judgement = verifier.judge(signatures.get(idOf.get(a)), signatures.get(idOf.get(b)));
            int[] c = counts.computeIfAbsent(Split.of(a, b), s -> new int[4]);
            boolean same = entry.getValue() == Label.SAME;
            c[same ? 0 : 1]++;
            if (judgement.same()) {
                c[same ? 2 : 3]++;
            } else {
                apart.merge(judgement.reason(), 1, Integer::sum);
            }
        }
        Map<Split, SplitFigures> splits = new EnumMap<>(Split.class);
        counts.forEach((split, c) -> splits.put(split, new SplitFigures(c[0], c[1], c[2], c[3])));

        List<CorpusStory> heldOut = new ArrayList<>(stories.stream()
                .filter(s -> Split.heldOut(ReutersNearPairs.newId(s.id()))).toList());
        heldOut.sort(Comparator.comparing(CorpusStory::wiredAt).thenComparing(CorpusStory::id));
        DedupeEngine engine = new DedupeEngine(settings, new InMemoryDedupeIndex());
        int merges = 0;
        int distinct = 0;
        int unlabelled = 0;
        for (CorpusStory story : heldOut) {
            DedupeDecision decision = engine.offer(
                    new IndexedStory(story.id(), "reuters", story.wiredAt(), signatures.get(story.id())));
            if (!decision.duplicate()) {
                continue;
            }
            merges++;
            Label label = labels.label(ReutersNearPairs.newId(story.id()),
                    ReutersNearPairs.newId(decision.survivor().get().uri())).orElse(null);
            if (label == Label.DIFFERENT) {
                distinct++;
            } else if (label == null && decision.kind().get() != io.wirestream.enrich.dedupe.fingerprint.MatchKind.EXACT) {
                unlabelled++;
            }
        }
        return new Figures(splits, apart, heldOut.size(), merges, distinct, unlabelled);
    }

    public static void print(Figures figures, PrintStream out) {
        out.println("real Reuters near pairs (labelled; dev = even NEWIDs, held-out = odd, cross = one of each):");
        for (Split split : Split.values()) {
            SplitFigures f = figures.splits().get(split);
            if (f == null) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-8s precision %.4f (%d/%d merges), recall %.4f (%d/%d same-story pairs),"
                            + " %d different-story pairs%n", split, f.precision(), f.mergedSame(),
                    f.mergedSame() + f.mergedDifferent(), f.recall(), f.mergedSame(), f.same(), f.different());
        }
        out.println("  labelled pairs kept apart, by reason: " + figures.apartByReason());
        out.printf(Locale.ROOT, "  held-out engine run: %d stories, %d merges, %d of two different stories = %.2f per"
                        + " 1,000 stories (%d near merges unlabelled)%n", figures.heldOutStories(),
                figures.heldOutMerges(), figures.heldOutDistinctMerged(), figures.distinctMergedPerThousand(),
                figures.heldOutUnlabelledMerges());
    }
}

package io.wirestream.quality.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.newsformats.corpora.CorporaLocation;
import io.wirestream.quality.dedupe.FreshPairLabels.StoryPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dedupe on CoNLL-2003's Reuters copy, labelled once in conll-pairs.tsv and never tuned on. Holds the evaluation
 * complete (every merge and every candidate of the run is labelled, so an engine or reader change that makes a new
 * pair fails here until someone reads and labels it) and holds the figures as they are: the merges of two different
 * stories are exactly the ones read and described, the rate per 1,000 stories meets the bound, and the
 * precision target of 0.99 is reported as not met where it is not. Skipped plainly where the corpus is absent.
 */
class ConllPairsEvaluationTest {

    /**
     * The merge of two different stories found when the pairs were read (see quality/README.md). Dutch league: the
     * Saturday results with standings absorbed the next day's report, whose news is the Sunday results. Fixed since:
     * the engine must now keep it apart.
     */
    private static final StoryPair WRONG_MERGE_READ = StoryPair.of("conll:eng.train/272", "conll:eng.train/368");

    private static List<CorpusStory> stories;
    private static FreshPairsEvaluation.Run run;
    private static Optional<FreshPairsEvaluation.Figures> bbcBasil = Optional.empty();

    @BeforeAll
    static void runTheEngineOverTheCorpus() throws Exception {
        Optional<Path> corpora = CorporaLocation.find();
        if (corpora.isEmpty() || !ConllPairsEvaluation.present(corpora.get())) {
            return;
        }
        stories = ConllPairsEvaluation.stories(corpora.get());
        run = ConllPairsEvaluation.run(FingerprintSettings.DEFAULTS, stories);
        if (FreshPairsEvaluation.present(corpora.get())) {
            FreshPairsEvaluation.Run fresh = new FreshPairsEvaluation(FingerprintSettings.DEFAULTS)
                    .run(FreshPairsEvaluation.stories(corpora.get()));
            bbcBasil = Optional.of(FreshPairsEvaluation.score(fresh, FreshPairLabels.load()).get("all"));
        }
    }

    private static void assumeCorpus() {
        assumeTrue(run != null, "shared corpora (conll2003/eng.train, eng.testa) not found: CoNLL dedupe pairs not measured");
    }

    @Test
    void theVerdictTellsAPointFigureFromAShownTargetAndAShortfall() {
        assertThat(ConllPairsEvaluation.verdict("x", new Proportion(44, 44))).contains("met as a point figure only");
        assertThat(ConllPairsEvaluation.verdict("x", new Proportion(400, 400))).contains("shown");
        assertThat(ConllPairsEvaluation.verdict("x", new Proportion(50, 51)))
                .contains("NOT MET").contains("short by 0.0096").contains("1 of 51");
        assertThat(ConllPairsEvaluation.verdict("x", new Proportion(0, 0))).contains("not measurable");
    }

    @Test
    void readsBothFilesWholeInWireOrder() {
        assumeCorpus();

        assertThat(stories).hasSize(946 + 216);
        assertThat(stories).extracting(CorpusStory::wiredAt).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyPairTheEngineMergesIsLabelled() {
        assumeCorpus();
        FreshPairLabels labels = ConllPairsEvaluation.labels();
        List<StoryPair> unlabelled = run.merged().stream().map(FreshPairsEvaluation.JudgedPair::pair)
                .filter(pair -> labels.label(pair).isEmpty()).toList();

        assertThat(run.merged()).isNotEmpty();
        assertThat(unlabelled)
                .as("merged pairs with no label in conll-pairs.tsv: read both stories and label them (rule at its top)")
                .isEmpty();
    }

    @Test
    void everyCandidateKeptApartIsLabelled() {
        assumeCorpus();
        FreshPairLabels labels = ConllPairsEvaluation.labels();

        assertThat(run.candidates().stream().map(FreshPairsEvaluation.JudgedPair::pair)
                .filter(pair -> labels.label(pair).isEmpty()).toList())
                .as("candidate pairs with no label in conll-pairs.tsv: recall would be measured on part of them")
                .isEmpty();
    }

    @Test
    void everyLabelledPairNamesDocumentsOfTheCorpus() {
        assumeCorpus();
        Set<String> ids = stories.stream().map(CorpusStory::id).collect(Collectors.toSet());

        assertThat(ConllPairsEvaluation.labels().all().keySet())
                .isNotEmpty()
                .allSatisfy(pair -> assertThat(ids).contains(pair.first(), pair.second()));
    }

    /**
     * The figures as measured, printed whatever they are. Precision here is short of the 0.99: the test says
     * so rather than pretending otherwise, and fails if a merge of two different stories appears that nobody has read,
     * or if a known one disappears (then the README's figures are stale).
     */
    @Test
    void mergesNoTwoDifferentStoriesSinceItsWrongMergeWasFixed() {
        assumeCorpus();
        FreshPairLabels labels = ConllPairsEvaluation.labels();
        ConllPairsEvaluation.print(run, labels, bbcBasil, Optional.empty(), System.out);
        FreshPairsEvaluation.Figures conll = ConllPairsEvaluation.figures(run, labels);
        Set<StoryPair> wrong = run.merged().stream().map(FreshPairsEvaluation.JudgedPair::pair)
                .filter(pair -> labels.label(pair).map(e -> !e.same()).orElse(false))
                .collect(Collectors.toSet());

        assertThat(conll.unlabelledMerges()).isZero();
        assertThat(conll.precision().of()).isEqualTo(run.merged().size());
        assertThat(wrong).as("merges of two different stories").isEmpty();
        assertThat(conll.differentMerged()).isZero();
        assertThat(run.merged().stream().map(FreshPairsEvaluation.JudgedPair::pair))
                .as("the match days merged before the run-on lead").doesNotContain(WRONG_MERGE_READ);
        assertThat(run.candidates().stream().map(FreshPairsEvaluation.JudgedPair::pair))
                .as("still alike enough to be judged, and judged apart").contains(WRONG_MERGE_READ);
        // the untuned figure is the first measurement, which missed the target; it is printed with the current one
        assertThat(ConllPairsEvaluation.UNTUNED_PRECISION.share()).isLessThan(ConllPairsEvaluation.PRECISION_TARGET);
    }
}

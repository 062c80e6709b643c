package io.wirestream.enrich.tagging.bench;

import io.wirestream.avro.Article;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.ner.NerModel;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.RelatedStoryLinker;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-article CPU time of tagging and linking, measured as this thread's CPU time rather than wall time, so the
 * numbers hold on a shared, loaded machine where JMH's wall-clock averages swing widely. Prints; asserts nothing.
 * Same classpath as {@link TaggingBenchmark}; main class {@code io.wirestream.enrich.tagging.bench.PerArticleCpuCost}.
 */
public final class PerArticleCpuCost {

    private PerArticleCpuCost() {
    }

    public static void main(String[] args) {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream.avro");
        }
        // -Dwirestream.bench.stories=stream: every Reuters story once, in wire order (the word cache meets new words as
        // in a running pipeline), the CPU time per 3 KB of copy over all but a warm-up;
        // -Dwirestream.bench.stories=3kb: stories of about 3 KB, the size issue 18's budget is set for, instead of
        // Reuters-size ones (the first 925 of reut2-000, about 0.9 KB)
        List<Article> stories = "3kb".equals(System.getProperty("wirestream.bench.stories"))
                ? BenchmarkStories.aboutThreeKilobytes(1000) : BenchmarkStories.load(1000);
        // -Dwirestream.ner.model=/path/en-ner.bin: English names from a trained model instead of the rules;
        // -Dwirestream.ner.beam=N: that model decoded with another beam than it was trained with
        String modelFile = System.getProperty("wirestream.ner.model", "");
        Integer beam = Integer.getInteger("wirestream.ner.beam");
        ArticleTagger tagger = modelFile.isEmpty() || beam == null
                ? new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults().withNerModel(modelFile))
                : new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(),
                        NerModel.load(Path.of(modelFile)).withBeam(beam));
        if ("stream".equals(System.getProperty("wirestream.bench.stories"))) {
            stream(tagger);
            return;
        }
        long bytes = 0;
        for (Article story : stories) {
            bytes += story.getHeadline() == null ? 0 : story.getHeadline().getBytes(StandardCharsets.UTF_8).length;
            for (String p : story.getBodyParagraphs()) {
                bytes += p.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        double averageBytes = (double) bytes / stories.size();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Article> tagged = new ArrayList<>();
        double tagMicros = 0;
        double bestMicros = Double.MAX_VALUE;
        List<Double> afterWarmUp = new ArrayList<>();
        // -Dwirestream.bench.rounds=N (default 3): more rounds, and the best of them, for a loaded machine
        int rounds = Math.max(3, Integer.getInteger("wirestream.bench.rounds", 3));
        for (int round = 0; round < rounds; round++) {
            tagged.clear();
            long start = cpu.getCurrentThreadCpuTime();
            for (Article story : stories) {
                tagged.add(tagger.tag(story));
            }
            tagMicros = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / stories.size();
            if (round >= 2) {
                bestMicros = Math.min(bestMicros, tagMicros);
            }
            if (round >= rounds / 2) {
                afterWarmUp.add(tagMicros);
            }
        }
        System.out.printf(Locale.ROOT, "tag (%s): %.0f us CPU per article (%d stories of %.0f bytes on average, third round),"
                        + " %.0f us per 3 KB of copy%n", tagger.nerModel().map(m -> "model " + m.origin() + ", beam " + m.beam()).orElse("rules"),
                rounds == 3 ? tagMicros : bestMicros, stories.size(), averageBytes,
                (rounds == 3 ? tagMicros : bestMicros) * 3072 / averageBytes);
        if (rounds > 3) {
            afterWarmUp.sort(null);
            double median = afterWarmUp.get(afterWarmUp.size() / 2);
            System.out.printf(Locale.ROOT, "  (best of rounds 3 to %d; the last: %.0f us; median of the last %d rounds:"
                            + " %.0f us per article, %.0f us per 3 KB)%n", rounds, tagMicros, afterWarmUp.size(), median,
                    median * 3072 / averageBytes);
        }
        if (Boolean.getBoolean("wirestream.bench.tagOnly")) {
            return;
        }
        for (int window : new int[] {1_000, 10_000, 100_000}) {
            RelatedStoryLinker linker = RelatedStoryLinker.inMemory(tagger.knowledge(), LinkSettings.defaults());
            for (int i = 0; i < window; i++) {
                linker.add(linker.profiler().profile(Article.newBuilder(tagged.get(i % tagged.size())).setUri("w" + i).build()));
            }
            double linkMicros = 0;
            for (int round = 0; round < 3; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (Article story : tagged) {
                    linker.link(story);
                }
                linkMicros = (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / tagged.size();
            }
            System.out.printf(Locale.ROOT, "link with %,d stories in the window: %.0f us CPU per article%n", window, linkMicros);
        }
    }

    /**
     * Tags every Reuters-21578 story once, in the corpus's order: the first 4,000 (twice) warm the JIT and the word
     * cache, and the CPU time of the rest is divided by their bytes. Unlike the cycling sets, the word cache meets
     * new words at the rate a stream of real copy brings them.
     */
    private static void stream(ArticleTagger tagger) {
        List<Article> all = BenchmarkStories.allInWireOrder();
        if (all.size() < 5_000) {
            System.out.println("stream: skipped, the Reuters-21578 corpus is not in ../shared/corpora");
            return;
        }
        int warmUp = 4_000;
        for (int round = 0; round < 2; round++) {
            for (Article story : all.subList(0, warmUp)) {
                tagger.tag(story);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long start = cpu.getCurrentThreadCpuTime();
        for (Article story : all.subList(warmUp, all.size())) {
            tagger.tag(story);
        }
        long nanos = cpu.getCurrentThreadCpuTime() - start;
        for (Article story : all.subList(warmUp, all.size())) {
            bytes += BenchmarkStories.sizeOf(story);
        }
        int measured = all.size() - warmUp;
        System.out.printf(Locale.ROOT, "stream (%s): %d stories once in wire order after %d, %.0f bytes on average: %.0f us"
                        + " CPU per article, %.0f us per 3 KB of copy%n",
                tagger.nerModel().map(m -> "model " + m.origin() + ", beam " + m.beam()).orElse("rules"), measured, warmUp,
                (double) bytes / measured, nanos / 1000.0 / measured, nanos / 1000.0 * 3072 / bytes);
    }
}

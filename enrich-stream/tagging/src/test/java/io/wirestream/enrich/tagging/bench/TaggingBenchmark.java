package io.wirestream.enrich.tagging.bench;

import io.wirestream.avro.Article;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.RelatedStoryLinker;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-article cost of tagging and of linking on Reuters-size stories. Linking is measured with 1k, 10k and 100k
 * stories already in the index, to show that its cost does not grow with the window. Run:
 * <pre>
 * mvn -B -o -q -pl enrich-stream/tagging -Dwire.build.dir=target-tagging test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target-tagging/bench.cp -Dmdep.includeScope=test
 * cd enrich-stream/tagging && java -Xmx1g -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro \
 *     -Dwirestream.corpora=../../../shared/corpora \
 *     -cp target-tagging/test-classes:target-tagging/classes:$(cat target-tagging/bench.cp) org.openjdk.jmh.Main TaggingBenchmark
 * </pre>
 * With a trained name finder instead of the rules: {@code ... org.openjdk.jmh.Main TaggingBenchmark.tagOneArticle -p
 * nerModel=/path/en-ner.bin}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"})
public class TaggingBenchmark {

    @State(Scope.Thread)
    public static class Tagging {
        /** A trained name-finder model file ({@code -p nerModel=/path/en-ner.bin}); empty: the rules. */
        @Param({""})
        public String nerModel;

        /** {@code reuters}: Reuters-size stories (about 0.9 KB); {@code 3kb}: stories of about 3 KB (issue 18's budget). */
        @Param({"reuters", "3kb"})
        public String stories;

        ArticleTagger tagger;
        List<Article> articles;
        int next;

        @Setup
        public void load() {
            tagger = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults().withNerModel(nerModel));
            articles = "3kb".equals(stories) ? BenchmarkStories.aboutThreeKilobytes(1000) : BenchmarkStories.load(1000);
        }

        Article nextStory() {
            Article a = articles.get(next);
            next = (next + 1) % articles.size();
            return a;
        }
    }

    @State(Scope.Thread)
    public static class Linking {
        @Param({"1000", "10000", "100000"})
        public int storiesInWindow;

        RelatedStoryLinker linker;
        List<Article> tagged;
        int next;

        @Setup(Level.Trial)
        public void fill() {
            ArticleTagger tagger = ArticleTagger.withBundledKnowledge();
            tagged = new ArrayList<>();
            for (Article a : BenchmarkStories.load(1000)) {
                tagged.add(tagger.tag(a));
            }
            linker = RelatedStoryLinker.inMemory(tagger.knowledge(), LinkSettings.defaults());
            for (int i = 0; i < storiesInWindow; i++) {
                Article a = tagged.get(i % tagged.size());
                StoryProfile p = linker.profiler().profile(Article.newBuilder(a).setUri("w" + i).build());
                linker.add(p);
            }
        }

        Article nextStory() {
            Article a = tagged.get(next);
            next = (next + 1) % tagged.size();
            return a;
        }
    }

    @Benchmark
    public Article tagOneArticle(Tagging state) {
        return state.tagger.tag(state.nextStory());
    }

    @Benchmark
    public Article linkOneArticle(Linking state) {
        return state.linker.link(state.nextStory());
    }
}

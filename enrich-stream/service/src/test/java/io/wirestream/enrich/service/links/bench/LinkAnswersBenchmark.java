package io.wirestream.enrich.service.links.bench;

import io.wirestream.enrich.service.links.LinkAnswersProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-story cost of what the related-links stage does with index answers, the largest share of the stream thread
 * (docs/performance.md, "Round two"): encoding one story's answers (as the index task sends them and the collector
 * stores them as a part), decoding them (at the collector's input), and ranking them. The answers are shaped like a
 * busy window's: {@code keys} keys, each with {@link io.wirestream.enrich.tagging.related.KeyHits#RANKED_PER_KEY}
 * postings drawn from a pool of earlier stories with wire-length headlines, so a related story comes back under
 * several keys. Invented data; no corpus. Run from the repository root:
 * <pre>
 * mvn -B -o -q -pl enrich-stream/service -am test-compile
 * mvn -B -o -q -pl enrich-stream/service dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp enrich-stream/service/target/test-classes:enrich-stream/service/target/classes:$(cat enrich-stream/service/target/bench.cp) \
 *     org.openjdk.jmh.Main LinkAnswersBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LinkAnswersBenchmark {

    @State(Scope.Thread)
    public static class Answers {
        /** Keys per story: the profile's limit is 20. */
        @Param({"20"})
        public int keys;

        /** Earlier stories the postings are drawn from. */
        @Param({"400"})
        public int pool;

        LinkAnswersProbe probe;
        byte[] encoded;

        @Setup
        public void make() {
            probe = LinkAnswersProbe.invented(keys, pool, 42);
            encoded = probe.encode();
        }
    }

    @Benchmark
    public byte[] encodeAnswers(Answers a) {
        return a.probe.encode();
    }

    @Benchmark
    public Object decodeAnswers(Answers a) {
        return a.probe.decode(a.encoded);
    }

    @Benchmark
    public void rank(Answers a, Blackhole bh) {
        bh.consume(a.probe.rank());
    }
}

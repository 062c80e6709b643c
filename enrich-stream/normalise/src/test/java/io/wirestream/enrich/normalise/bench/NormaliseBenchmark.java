package io.wirestream.enrich.normalise.bench;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-item cost of normalisation (detect, parse, assemble, language) for each wire format, on the demo items the
 * project wrote itself (wire-cli/src/main/resources/demo, one per format), parsed on the calling thread (the default
 * for items up to 64 KiB, {@code inlineMaxBytes=65536}) or handed to the worker pool ({@code inlineMaxBytes=0}).
 * Run from the repository root:
 * <pre>
 * mvn -B -o -q -pl enrich-stream/normalise -am test-compile
 * mvn -B -o -q -pl enrich-stream/normalise dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro \
 *     -cp enrich-stream/normalise/target/test-classes:enrich-stream/normalise/target/classes:$(cat enrich-stream/normalise/target/bench.cp) \
 *     org.openjdk.jmh.Main NormaliseBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"})
public class NormaliseBenchmark {

    /** The demo folder, found from the repository root or from the module folder. */
    static Path demoFolder() {
        for (Path p : List.of(Path.of("wire-cli/src/main/resources/demo"), Path.of("../../wire-cli/src/main/resources/demo"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("run from the repository root: wire-cli/src/main/resources/demo not found");
    }

    @State(Scope.Thread)
    public static class Item {
        @Param({"01-acme-newsml-g2.xml", "02-northstar-nitf.xml", "03-globe-ninjs.json", "04-meridian-iptc7901.txt",
                "05-condor-anpa1312.txt", "06-fieldnotes-rss.xml", "07-webcopy.txt"})
        public String file;

        /** {@link io.wirestream.enrich.normalise.NormaliserLimits#inlineMaxBytes()}: 0 hands every item to a worker. */
        @Param({"65536", "0"})
        public int inlineMaxBytes;

        WireItemNormaliser normaliser;
        RawItem raw;

        @Setup
        public void load() {
            try {
                raw = TestItems.raw("bench", Files.readAllBytes(demoFolder().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            normaliser = new WireItemNormaliser(TestItems.CLOCK, io.wirestream.enrich.normalise.NormaliserLimits.defaults()
                    .withInlineMaxBytes(inlineMaxBytes));
        }

        @TearDown
        public void close() {
            normaliser.close();
        }
    }

    @Benchmark
    public List<Article> normalise(Item item) throws NormalisationException {
        return item.normaliser.normalise(item.raw);
    }
}

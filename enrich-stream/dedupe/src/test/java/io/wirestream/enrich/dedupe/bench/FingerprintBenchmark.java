package io.wirestream.enrich.dedupe.bench;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-item cost of the fingerprint the versions stage computes for every story (exact digest, shingle MinHash and
 * the traits the judge compares: names, tickers, figures, directions), on invented wire stories of about 250 words
 * in eight paragraphs. Run from the repository root:
 * <pre>
 * mvn -B -o -q -pl enrich-stream/dedupe -am test-compile
 * mvn -B -o -q -pl enrich-stream/dedupe dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp enrich-stream/dedupe/target/test-classes:enrich-stream/dedupe/target/classes:$(cat enrich-stream/dedupe/target/bench.cp) \
 *     org.openjdk.jmh.Main FingerprintBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FingerprintBenchmark {

    private static final String[] NAMES = {"Tomas Varenko", "Amara Okonkwo", "Norwell Chemical Corp <NWC>",
            "Lena Halvorsen", "Meridian Bank", "Kestrel Airlines", "the Harbour Authority", "Valparaiso", "Ostrava"};
    private static final String[] VERBS = {"raised", "cut", "said", "expected", "reported", "denied", "approved"};
    private static final String[] UNITS = {"mln dlrs", "pct", "tonnes", "cts a share", "billion yen", "barrels a day"};

    @State(Scope.Thread)
    public static class Stories {
        final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
        final List<String> headlines = new ArrayList<>();
        final List<List<String>> bodies = new ArrayList<>();
        int next;

        @Setup
        public void make() {
            SplittableRandom random = new SplittableRandom(11);
            for (int s = 0; s < 512; s++) {
                headlines.add(pick(random, NAMES).toUpperCase(java.util.Locale.ROOT) + " " + pick(random, VERBS)
                        .toUpperCase(java.util.Locale.ROOT) + " " + random.nextInt(900) + " " + pick(random, UNITS)
                        .toUpperCase(java.util.Locale.ROOT));
                List<String> paragraphs = new ArrayList<>();
                for (int p = 0; p < 8; p++) {
                    StringBuilder sb = new StringBuilder();
                    for (int sentence = 0; sentence < 2; sentence++) {
                        sb.append(pick(random, NAMES)).append(' ').append(pick(random, VERBS)).append(" on ")
                                .append(random.nextInt(28) + 1).append(" March that output rose ")
                                .append(random.nextInt(90)).append('.').append(random.nextInt(10)).append(' ')
                                .append(pick(random, UNITS)).append(" in the quarter, against ")
                                .append(random.nextInt(5000)).append(' ').append(pick(random, UNITS))
                                .append(" a year earlier, according to ").append(pick(random, NAMES)).append(". ");
                    }
                    paragraphs.add(sb.toString().trim());
                }
                bodies.add(paragraphs);
            }
        }
    }

    @Benchmark
    public StorySignature fingerprintOneStory(Stories s) {
        int i = s.next++ & 511;
        return s.fingerprinter.fingerprint(s.headlines.get(i), s.bodies.get(i));
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

package io.wirestream.wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.wire.faults.FaultsCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options declared once and mixed into several commands keep each command's own default. */
class SharedOptionsTest {

    @Test
    void eachCommandShowsAndUsesItsOwnSeedDefault() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs();
        assertThat(bench.seed.value()).isEqualTo(20261128L);
        assertThat(new CommandLine(new BenchCommand()).getUsageMessage()).contains("Seed of the invented stories (default: 20261128)");
        assertThat(new CommandLine(new FaultsCommand()).getUsageMessage()).contains("Seed of the invented stories (default: 20261206)");
    }

    @Test
    void benchTakesSeedAndSettingsFromTheCommandLine() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs("--seed", "7", "--set", "enrich.stream.threads=2", "--set", "enrich.links.max=3");
        assertThat(bench.seed.value()).isEqualTo(7L);
        assertThat(bench.set.values()).containsExactly(
                java.util.Map.entry("enrich.stream.threads", "2"), java.util.Map.entry("enrich.links.max", "3"));
    }
}

package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `wire up --set` and `--stores` reach the settings the local pipeline starts with. */
class UpCommandOptionsTest {

    @Test
    void setValuesAndStoresAreWhatTheRunSetsOverTheLocalDefaults() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--set", "enrich.commit.interval=30ms", "--set",
                "enrich.streams.max.poll.records=200", "--stores", "sqlite,files");
        assertThat(up.extraSettings())
                .containsEntry("enrich.commit.interval", "30ms")
                .containsEntry("enrich.streams.max.poll.records", "200")
                .containsEntry("publish.stores", "sqlite,files")
                .hasSize(3);
        UpCommand plain = new UpCommand();
        new CommandLine(plain).parseArgs();
        assertThat(plain.extraSettings()).isEmpty();
    }
}

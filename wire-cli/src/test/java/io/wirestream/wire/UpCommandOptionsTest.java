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

    @Test
    void theBannerNamesTheDocsOfEveryServiceThatServesThemSubscriberServiceIncluded() {
        String line = UpCommand.apiDocsLine("http://127.0.0.1:18080", "http://127.0.0.1:18083", "http://127.0.0.1:18084", "http://127.0.0.1:18090");
        assertThat(line).contains("http://127.0.0.1:18080/docs", "http://127.0.0.1:18083/docs", "http://127.0.0.1:18084/docs",
                "http://127.0.0.1:18090/docs");
        assertThat(UpCommand.apiDocsLine("http://127.0.0.1:18080", "http://127.0.0.1:18083", null, "http://127.0.0.1:18090"))
                .as("without subscriber-service (the bench), no address of it").doesNotContain("null").doesNotContain("18084");
    }
}

package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateTest {

    @TempDir
    Path dir;

    @Test
    void remembersSeenEntriesAndValidatorsAcrossReopening() throws Exception {
        try (FeedState state = new FeedState(dir, 100)) {
            state.markSeen("a|1");
            state.markSeen("b|1");
            state.saveValidators(new FeedState.Validators("\"v1\"", "Tue, 03 Nov 2026 10:00:00 GMT"));
        }
        try (FeedState state = new FeedState(dir, 100)) {
            assertThat(state.hasSeen("a|1")).isTrue();
            assertThat(state.hasSeen("b|1")).isTrue();
            assertThat(state.hasSeen("a|2")).isFalse();
            assertThat(state.validators()).isEqualTo(new FeedState.Validators("\"v1\"", "Tue, 03 Nov 2026 10:00:00 GMT"));
        }
    }

    @Test
    void dropsAHalfWrittenLastLine() throws Exception {
        try (FeedState state = new FeedState(dir, 100)) {
            state.markSeen("complete");
        }
        Files.writeString(dir.resolve("seen.log"), "half", StandardOpenOption.APPEND);
        try (FeedState state = new FeedState(dir, 100)) {
            assertThat(state.hasSeen("complete")).isTrue();
            assertThat(state.hasSeen("half")).isFalse();
        }
    }

    @Test
    void keepsOnlyTheMostRecentKeysOnceFull() throws Exception {
        try (FeedState state = new FeedState(dir, 10)) {
            for (int i = 0; i < 25; i++) {
                state.markSeen("k" + i);
            }
        }
        try (FeedState state = new FeedState(dir, 10)) {
            assertThat(state.size()).isEqualTo(10);
            assertThat(state.hasSeen("k24")).isTrue();
            assertThat(state.hasSeen("k15")).isTrue();
            assertThat(state.hasSeen("k0")).isFalse();
        }
    }
}

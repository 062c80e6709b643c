package io.wirestream.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFileTest {

    @TempDir
    Path dir;

    Path write(String content, Instant modified) throws Exception {
        Path f = dir.resolve("f.txt");
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    @Test
    void aVersionIsSettledWhenReadTwiceTheSame() throws Exception {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        SavedFile saved = new SavedFile(write("a", t));
        assertThat(saved.read().settled()).as("first read").isFalse();
        assertThat(saved.read().settled()).as("the same version again").isTrue();
        write("b", t.plusSeconds(1));
        assertThat(saved.read().settled()).isFalse();
    }

    @Test
    void theSameBytesInAnotherSaveAreNotTheSameVersion() throws Exception {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        SavedFile saved = new SavedFile(write("", t));
        saved.read();
        write("", t.plusSeconds(1));
        assertThat(saved.read().settled()).as("empty again, in the next save").isFalse();
    }

    @Test
    void aFileModifiedLongAgoIsSettledAtItsFirstReadWhenTheReaderSaysSo() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:10Z"), java.time.ZoneOffset.UTC);
        Path f = write("a", Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(new SavedFile(f, Duration.ofSeconds(1), clock).read().settled()).isTrue();
        write("b", Instant.parse("2026-12-07T10:00:09.500Z"));
        assertThat(new SavedFile(f, Duration.ofSeconds(1), clock).read().settled()).as("saved half a second ago").isFalse();
        assertThat(new SavedFile(f).read().settled()).isFalse();
    }
}

package io.wirestream.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * A file that operators edit while a service runs (agency keys, subscribers), read so that a read in the middle of a
 * save never counts. Editors and scripts often truncate a file and then write it; a read between the two finds an
 * empty or cut file, which can be valid (no keys, fewer subscribers).
 *
 * <p>A read is a finished save when the previous read found the same bytes with the same time stamp: the same version,
 * read twice (an empty file seen in two different saves has the same bytes, not the same time stamp). A reader that
 * re-reads only on demand, which may not come again soon, also gives {@code settledAfter}: a file last modified longer
 * ago than that is a finished save at its first read.
 */
public final class SavedFile {

    /** What one read found, and whether it is a finished save. */
    public record Read(byte[] bytes, boolean settled) {}

    private final Path file;
    private final Duration settledAfter;
    private final Clock clock;
    private byte[] lastBytes;
    private FileTime lastModified;

    /** Settled only when read twice the same. */
    public SavedFile(Path file) {
        this(file, null, Clock.systemUTC());
    }

    public SavedFile(Path file, Duration settledAfter, Clock clock) {
        this.file = file;
        this.settledAfter = settledAfter;
        this.clock = clock;
    }

    /** Reads the file (its time stamp first, so a write between the two makes the next read unsettled, not this one). */
    public synchronized Read read() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        boolean settled = modified.equals(lastModified) && Arrays.equals(bytes, lastBytes)
                || settledAfter != null && modified.toInstant().isBefore(clock.instant().minus(settledAfter));
        lastBytes = bytes;
        lastModified = modified;
        return new Read(bytes, settled);
    }
}

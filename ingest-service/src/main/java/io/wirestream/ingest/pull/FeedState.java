package io.wirestream.ingest.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/**
 * What one feed's poller remembers across restarts, in its own directory under the state dir:
 * {@code seen.log}, one line per entry version already handed to Kafka (appended and forced to disk as each entry is
 * acknowledged), and {@code http.properties}, the ETag and Last-Modified of the last fully processed response.
 * The log keeps the most recent {@code capacity} keys; older ones have long left the feed.
 */
public final class FeedState implements AutoCloseable {

    private final Path dir;
    private final int capacity;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private FileChannel log;

    public FeedState(Path dir, int capacity) throws IOException {
        this.dir = dir;
        this.capacity = capacity;
        Files.createDirectories(dir);
        Path file = dir.resolve("seen.log");
        if (Files.exists(file)) {
            // a crash mid-append leaves a partial last line; it is a key that was not confirmed, so dropping it is right
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.lastIndexOf('\n');
            if (end >= 0) {
                for (String line : content.substring(0, end).split("\n")) {
                    if (!line.isEmpty()) {
                        seen.add(line);
                    }
                }
            }
        }
        trimAndRewriteIfLarge(true);
        log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public synchronized boolean hasSeen(String key) {
        return seen.contains(clean(key));
    }

    /** Records a key durably: on return it survives a crash. */
    public synchronized void markSeen(String key) throws IOException {
        String k = clean(key);
        if (!seen.add(k)) {
            return;
        }
        log.write(ByteBuffer.wrap((k + "\n").getBytes(StandardCharsets.UTF_8)));
        log.force(false);
        if (seen.size() > capacity * 2) {
            trimAndRewriteIfLarge(false);
        }
    }

    public synchronized int size() {
        return seen.size();
    }

    public Validators validators() throws IOException {
        Path file = dir.resolve("http.properties");
        if (!Files.exists(file)) {
            return new Validators(null, null);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new Validators(p.getProperty("etag"), p.getProperty("lastModified"));
    }

    public void saveValidators(Validators v) throws IOException {
        Properties p = new Properties();
        if (v.etag() != null) {
            p.setProperty("etag", v.etag());
        }
        if (v.lastModified() != null) {
            p.setProperty("lastModified", v.lastModified());
        }
        Path tmp = dir.resolve("http.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "conditional GET validators of the last fully processed response");
        }
        Files.move(tmp, dir.resolve("http.properties"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** HTTP validators for a conditional GET; either may be null. */
    public record Validators(String etag, String lastModified) {}

    private void trimAndRewriteIfLarge(boolean opening) throws IOException {
        if (seen.size() <= capacity && !opening) {
            return;
        }
        if (seen.size() <= capacity) {
            return;
        }
        List<String> keep = new ArrayList<>(seen).subList(seen.size() - capacity, seen.size());
        seen.clear();
        seen.addAll(keep);
        Path tmp = dir.resolve("seen.log.tmp");
        Files.writeString(tmp, String.join("\n", keep) + "\n", StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        if (log != null) {
            log.close();
        }
        Files.move(tmp, dir.resolve("seen.log"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (log != null) {
            log = FileChannel.open(dir.resolve("seen.log"), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private static String clean(String key) {
        return key.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}

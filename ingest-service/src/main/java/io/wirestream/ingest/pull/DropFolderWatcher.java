package io.wirestream.ingest.pull;

import io.wirestream.avro.IngestChannel;
import io.wirestream.ingest.publish.IncomingItem;
import io.wirestream.ingest.publish.IntakeResult;
import io.wirestream.ingest.publish.ItemIntake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes files an agency drops into a folder (FTP style). A file is read only once it is complete: it does not end in
 * {@code .part}, {@code .tmp} or {@code .partial}, is not hidden, and its size and modification time were the same in
 * two scans in a row (uploaders that write in place pause between chunks for less than a scan interval). A taken file
 * moves to {@code done/}; one that cannot be read or is refused moves to {@code failed/} with a
 * {@code <name>.reason.txt} beside it. Nothing is ever deleted. While Kafka is unavailable files stay where they are.
 */
public final class DropFolderWatcher {

    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

    /** What one scan did. */
    public record ScanResult(int done, int failed, int waiting) {}

    private record Snapshot(long size, long modifiedMillis) {}

    private final PullSources.DropFolderSource source;
    private final ItemIntake intake;
    private final Path doneDir;
    private final Path failedDir;
    private Map<Path, Snapshot> previous = new HashMap<>();

    public DropFolderWatcher(PullSources.DropFolderSource source, ItemIntake intake) throws IOException {
        this.source = source;
        this.intake = intake;
        this.doneDir = source.directory().resolve("done");
        this.failedDir = source.directory().resolve("failed");
        Files.createDirectories(doneDir);
        Files.createDirectories(failedDir);
    }

    public PullSources.DropFolderSource source() {
        return source;
    }

    /** One scan; never throws, so a scheduler keeps calling it. */
    public ScanResult scanQuietly() {
        try {
            return scan();
        } catch (IOException | RuntimeException e) {
            log.warn("drop folder {} ({}): scan failed: {}", source.directory(), source.agency(), e.toString());
            return new ScanResult(0, 0, 0);
        }
    }

    public synchronized ScanResult scan() throws IOException {
        Map<Path, Snapshot> current = new HashMap<>();
        int done = 0;
        int failed = 0;
        int waiting = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source.directory(), DropFolderWatcher::isCandidate)) {
            for (Path file : files) {
                BasicFileAttributes attrs;
                try {
                    // the link itself, never its target: a link to /etc/passwd or to another agency's folder is no upload
                    attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // gone between listing and reading: the uploader renamed it
                }
                if (attrs.isSymbolicLink()) {
                    moveToFailed(file, "a symbolic link: links are not followed, upload the file itself");
                    intake.countRefusal(source.agency(), "drop_folder", "unreadable", 0);
                    failed++;
                    continue;
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                Snapshot now = new Snapshot(attrs.size(), attrs.lastModifiedTime().toMillis());
                if (!now.equals(previous.get(file))) {
                    current.put(file, now);
                    waiting++;
                    continue;
                }
                switch (take(file)) {
                    case DONE -> done++;
                    case FAILED -> failed++;
                    case RETRY -> {
                        current.put(file, now);
                        waiting++;
                    }
                }
            }
        }
        previous = current;
        return new ScanResult(done, failed, waiting);
    }

    private enum Outcome { DONE, FAILED, RETRY }

    private Outcome take(Path file) throws IOException {
        byte[] payload;
        try {
            long size = Files.size(file);
            if (size > intake.maxItemBytes()) {
                moveToFailed(file, "too large: " + size + " bytes, the limit is " + intake.maxItemBytes());
                intake.countRefusal(source.agency(), "drop_folder", "too_large", size);
                return Outcome.FAILED;
            }
            payload = readNoFollow(file, intake.maxItemBytes());
            if (payload == null) {
                moveToFailed(file, "too large: it grew past the limit of " + intake.maxItemBytes() + " bytes while being read");
                intake.countRefusal(source.agency(), "drop_folder", "too_large", intake.maxItemBytes());
                return Outcome.FAILED;
            }
        } catch (IOException e) {
            moveToFailed(file, "unreadable: " + e);
            intake.countRefusal(source.agency(), "drop_folder", "unreadable", 0);
            return Outcome.FAILED;
        }
        String name = file.getFileName().toString();
        Map<String, String> transport = Map.of("fileName", name, "dropFolder", source.directory().toString());
        IntakeResult result = intake.offer(new IncomingItem(source.agency(), null, null, contentTypeOf(name), null,
                IngestChannel.DROP_FOLDER, transport, payload));
        if (result.isTransient()) {
            log.warn("drop folder {} ({}): {} stays for the next scan: {}", source.directory(), source.agency(), name, result.message());
            return Outcome.RETRY;
        }
        if (!result.isAccepted()) {
            moveToFailed(file, result.status() + " " + result.reasonCode() + ": " + result.message());
            return Outcome.FAILED;
        }
        move(file, doneDir);
        log.info("drop folder {} ({}): {} taken as {}", source.directory(), source.agency(), name, result.receipt().token());
        return Outcome.DONE;
    }

    /**
     * The file's bytes, opened without following a link (a file swapped for a link after the scan fails here) and
     * read no further than the limit; null when it holds more.
     */
    private static byte[] readNoFollow(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16) + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    private void moveToFailed(Path file, String reason) throws IOException {
        Path moved = move(file, failedDir);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
                "file: " + file.getFileName() + "\nagency: " + source.agency() + "\nat: " + Instant.now() + "\nreason: " + reason + "\n",
                StandardCharsets.UTF_8);
        log.warn("drop folder {} ({}): {} moved to failed/: {}", source.directory(), source.agency(), file.getFileName(), reason);
    }

    /** Moves without overwriting: a second file of the same name gets a time suffix. */
    private static Path move(Path file, Path targetDir) throws IOException {
        Path target = targetDir.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = targetDir.resolve(file.getFileName() + "." + System.currentTimeMillis());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isCandidate(Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.endsWith(".part") && !lower.endsWith(".tmp") && !lower.endsWith(".partial")
                && !name.equals("done") && !name.equals("failed");
    }

    static String contentTypeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || lower.endsWith(".nitf") || lower.endsWith(".newsml")) return "application/xml";
        if (lower.endsWith(".json")) return "application/json";
        if (lower.endsWith(".txt")) return "text/plain";
        if (lower.endsWith(".html") || lower.endsWith(".htm")) return "text/html";
        return null;
    }
}

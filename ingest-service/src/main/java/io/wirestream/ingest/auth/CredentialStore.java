package io.wirestream.ingest.auth;

import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.runtime.config.SavedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agency API keys, held only as SHA-256 hashes, read from a file and re-read when the file changes, so a key is added
 * or withdrawn without a restart (rotation: add the new key's line, let the agency switch, remove the old line).
 *
 * <p>File format, one credential per line; an agency may have several lines; {@code #} starts a comment:
 * <pre>
 * # agency  hash-of-key
 * demo      sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * </pre>
 * A file that fails to parse is not applied: the previous credentials stay in force and the problem is logged. A
 * changed file modified within the last second is applied only once two consecutive re-reads find the same content,
 * so a re-read in the middle of a save (the file truncated, then written) never withdraws keys: an empty or cut file
 * is valid, with agencies missing. An older one is applied at its first re-read, as re-reads come only with requests.
 */
public final class CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    /** A file last modified longer ago than this is taken as a finished save at once; a younger one is read twice. */
    private static final Duration SAVE_SETTLES = Duration.ofSeconds(1);

    private final Path file;
    private final Duration recheckEvery;
    private final Clock clock;
    private volatile Map<String, String> agencyByHash = Map.of();
    private volatile Instant nextCheck = Instant.MIN;
    /** The SHA-256 of the file in force; null before the first load and while the file is missing. */
    private String loadedDigest;
    /** Whether a file or its absence has been applied: after that, a changed file waits until it is a finished save. */
    private boolean applied;
    private boolean missingReported;
    private final SavedFile saved;

    public CredentialStore(Path file, Duration recheckEvery, Clock clock) {
        this.file = file;
        this.recheckEvery = recheckEvery;
        this.clock = clock;
        this.saved = new SavedFile(file, SAVE_SETTLES, clock);
        reloadIfChanged();
    }

    /** The agency a presented key belongs to, or empty when the key is unknown. */
    public Optional<String> agencyFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        maybeReload();
        String presentedHash = ApiKeyHash.hash(presentedKey.strip());
        // constant-time comparison over every entry, so response time says nothing about near misses
        String found = null;
        for (Map.Entry<String, String> e : agencyByHash.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII), presentedHash.getBytes(StandardCharsets.US_ASCII))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** How many keys are in force (for readiness and logs). */
    public int size() {
        maybeReload();
        return agencyByHash.size();
    }

    private void maybeReload() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(recheckEvery);
        reloadIfChanged();
    }

    /**
     * Reads the file and applies it if its content differs from what is in force. The content is compared, not the
     * time stamp and size: a key rotated in place keeps the size, and a file system that keeps seconds, a copy that
     * keeps the source's time or two saves within one tick keep the time stamp. The file is a few lines, read at most
     * once per {@code recheckEvery}.
     */
    public synchronized void reloadIfChanged() {
        try {
            SavedFile.Read read = saved.read();
            String digest = Sha256.hex(read.bytes());
            if (digest.equals(loadedDigest)) {
                return;
            }
            if (applied && !read.settled()) {
                // saved just now: the save may still be under way (truncated, then written), and half a file is valid
                // with agencies missing (an empty one withdrew every key). Applied at the next re-read if the same.
                return;
            }
            Map<String, String> parsed = parse(new String(read.bytes(), StandardCharsets.UTF_8).lines().toList());
            agencyByHash = Map.copyOf(parsed);
            loadedDigest = digest;
            applied = true;
            missingReported = false;
            log.info("loaded {} API key(s) for {} agency(ies) from {}", parsed.size(), parsed.values().stream().distinct().count(), file);
        } catch (NoSuchFileException e) {
            if (!missingReported) {
                log.warn("credentials file {} does not exist: every push is refused with 401", file);
                missingReported = true;
            }
            agencyByHash = Map.of();
            loadedDigest = null;
            applied = true;
        } catch (IOException | IllegalArgumentException e) {
            log.error("credentials file {} not applied, previous keys stay in force: {}", file, e.getMessage());
        }
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> byHash = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            if (parts.length != 2 || !AgencyName.isValid(parts[0]) || !HASH.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not '<agency> sha256:<64 lowercase hex>'");
            }
            String previous = byHash.put(parts[1], parts[0]);
            if (previous != null && !previous.equals(parts[0])) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the same key is given to " + previous + " and " + parts[0]);
            }
        }
        return byHash;
    }
}

package io.wirestream.subscriptions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.runtime.config.SavedFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers in force, re-read from their file while the service runs. {@link #check()} (called on a timer)
 * reads the file and compares its content with what is in force; a changed content is judged once two consecutive
 * checks read the same (so a read in the middle of a save neither refuses the file nor applies half of it), then
 * parsed and validated
 * ({@link SubscribersFile}), then handed to the before-apply step (which creates the topics of new subscribers), and
 * only then swapped in, so the next story fanned out sees it. A file that does not parse, does not validate, or whose
 * topics cannot be made is not applied: the previous subscribers stay in force, and the reason is logged once per
 * content, counted in {@code wirestream_subscribers_config_rejected_total}, shown by
 * {@code wirestream_subscribers_config_valid 0} and by {@link #problem()} (the service's readiness). Nothing here
 * throws past {@link #check()}.
 */
public final class LiveSubscribers implements Supplier<SubscriberConfig> {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscribers.class);

    private final Path file;
    private final Map<String, String> env;
    private final boolean readSecrets;
    private final Consumer<SubscriberConfig> beforeApply;
    private final Clock clock;
    private volatile SubscriberConfig current;
    private volatile Instant appliedAt;
    private volatile String problem;
    private volatile String rejectedDigest;
    private final SavedFile saved;
    private Counter rejected;
    private Counter applied;

    /**
     * Reads the file once: a file that cannot be applied at start is an error (the service does not start on no
     * subscribers, which would fan stories out to no one and lose them for every subscriber).
     *
     * @param beforeApply run with a new configuration before it is put in force; if it throws, the configuration is
     *                    not applied (and is tried again at the next check)
     * @throws InvalidSubscribersException when the file cannot be read or is invalid
     */
    public LiveSubscribers(Path file, Map<String, String> env, Consumer<SubscriberConfig> beforeApply, Clock clock) {
        this(file, env, true, beforeApply, clock);
    }

    /**
     * For a service that only reads who may see what (publish-service's read API): webhook secrets are not read
     * ({@link SubscribersFile#withoutWebhookSecrets}) and nothing is made before a file applies.
     *
     * @throws InvalidSubscribersException when the file cannot be read or is invalid
     */
    public static LiveSubscribers withoutWebhookSecrets(Path file, Clock clock) {
        return new LiveSubscribers(file, Map.of(), false, config -> { }, clock);
    }

    private LiveSubscribers(Path file, Map<String, String> env, boolean readSecrets, Consumer<SubscriberConfig> beforeApply,
                            Clock clock) {
        this.file = file;
        this.saved = new SavedFile(file);
        this.env = env;
        this.readSecrets = readSecrets;
        this.beforeApply = beforeApply;
        this.clock = clock;
        SubscriberConfig first;
        try {
            first = parser().parse(saved.read().bytes(), file.toString());
        } catch (IOException e) {
            throw new InvalidSubscribersException(file.toString(), List.of("cannot read the file: " + e));
        }
        beforeApply.accept(first);
        this.current = first;
        this.appliedAt = clock.instant();
        log.info("subscribers from {} in force (version {}): {}", file, shortDigest(first.digest()), ids(first));
    }

    /** Registers the reload figures. */
    public LiveSubscribers bindTo(MeterRegistry metrics) {
        rejected = Counter.builder("wirestream.subscribers.config.rejected")
                .description("Subscribers files not applied (invalid, unreadable, or their topics could not be made)").register(metrics);
        applied = Counter.builder("wirestream.subscribers.config.applied")
                .description("Subscribers files applied since start, the first one included").register(metrics);
        applied.increment();
        Gauge.builder("wirestream.subscribers.config.valid", this, l -> l.problem == null ? 1 : 0)
                .description("1 while the newest subscribers file is the one in force, 0 while it was refused").register(metrics);
        Gauge.builder("wirestream.subscribers.configured", this, l -> l.current.subscribers().size())
                .description("Subscribers in force").register(metrics);
        return this;
    }

    @Override
    public SubscriberConfig get() {
        return current;
    }

    public Path file() {
        return file;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    /** Why the newest file is not in force, or null when it is. */
    public String problem() {
        return problem;
    }

    /** Reads the file and applies it when its content changed and it is valid. Never throws. */
    public synchronized void check() {
        byte[] bytes;
        boolean settled;
        try {
            SavedFile.Read read = saved.read();
            bytes = read.bytes();
            settled = read.settled();
        } catch (NoSuchFileException e) {
            refuse("missing", "the subscribers file " + file + " is missing");
            return;
        } catch (IOException | RuntimeException e) {
            refuse("unreadable", "the subscribers file " + file + " cannot be read: " + e);
            return;
        }
        String digest = Sha256.hex(bytes);
        if (digest.equals(current.digest())) {
            if (problem != null) {
                log.info("subscribers file {} is back to the version in force ({})", file, shortDigest(digest));
                problem = null;
                rejectedDigest = null;
            }
            return;
        }
        if (digest.equals(rejectedDigest) && problem != null && !problem.contains("topics")) {
            return; // already reported; a failure to make topics is tried again
        }
        if (!settled) {
            // first seen now: a save may still be under way (an editor or a script that truncates the file and then
            // writes it), and half a file can be invalid (a false warning) or, worse, valid with subscribers
            // missing. Judged at the next check if it reads the same.
            return;
        }
        SubscriberConfig next;
        try {
            next = parser().parse(bytes, file.toString());
        } catch (InvalidSubscribersException e) {
            refuse(digest, "the subscribers file " + file + " (version " + shortDigest(digest) + ") is invalid, the previous version ("
                    + shortDigest(current.digest()) + ") stays in force: " + String.join("; ", e.problems()));
            return;
        } catch (RuntimeException e) {
            refuse(digest, "the subscribers file " + file + " could not be read, the previous version stays in force: " + e);
            return;
        }
        try {
            beforeApply.accept(next);
        } catch (RuntimeException e) {
            refuse(digest, "the topics of the subscribers in " + file + " (version " + shortDigest(digest)
                    + ") could not be made, the previous version stays in force; trying again: " + e.getMessage());
            return;
        }
        SubscriberConfig before = current;
        current = next;
        appliedAt = clock.instant();
        problem = null;
        rejectedDigest = null;
        if (applied != null) {
            applied.increment();
        }
        log.info("subscribers file {} applied (version {}): {}", file, shortDigest(digest), changes(before, next));
    }

    private SubscribersFile parser() {
        Path dir = file.toAbsolutePath().getParent();
        return readSecrets ? new SubscribersFile(env, dir) : SubscribersFile.withoutWebhookSecrets(dir);
    }

    private void refuse(String digest, String why) {
        boolean firstTime = !digest.equals(rejectedDigest);
        rejectedDigest = digest;
        problem = why;
        if (firstTime) {
            log.error(why);
            if (rejected != null) {
                rejected.increment();
            }
        }
    }

    static String changes(SubscriberConfig before, SubscriberConfig after) {
        Set<String> old = before.byId().keySet();
        Set<String> now = after.byId().keySet();
        List<String> parts = new ArrayList<>();
        Set<String> added = new TreeSet<>(now);
        added.removeAll(old);
        Set<String> removed = new TreeSet<>(old);
        removed.removeAll(now);
        Set<String> changed = new TreeSet<>();
        for (String id : now) {
            if (old.contains(id) && !before.byId(id).equals(after.byId(id))) {
                changed.add(id);
            }
        }
        if (!added.isEmpty()) {
            parts.add("added " + added);
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + removed);
        }
        if (!changed.isEmpty()) {
            parts.add("changed " + changed);
        }
        return parts.isEmpty() ? "no subscriber changed (formatting only)" : String.join(", ", parts);
    }

    private static String ids(SubscriberConfig config) {
        return config.subscribers().isEmpty() ? "no subscribers" : config.byId().keySet().toString();
    }

    public static String shortDigest(String digest) {
        return digest == null || digest.length() < 12 ? String.valueOf(digest) : digest.substring(0, 12);
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.version.StoryState;
import io.wirestream.enrich.dedupe.version.StoryVersionGuard;
import io.wirestream.enrich.dedupe.version.VersionDecision;
import io.wirestream.enrich.dedupe.version.VersionVerdict;
import io.wirestream.enrich.service.codec.DueTimeKey;
import io.wirestream.enrich.service.codec.DueTimers;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs in the task that owns a story uri: applies {@link StoryVersionGuard} against the stored state, audits drops,
 * and sends what passes on. A first version is fingerprinted and probed under its index keys, one probe per partition
 * of the index topic they land on (so about as many probes as partitions, not one per key); later versions go
 * straight to the story's dedupe task, where they follow the first version's fate.
 *
 * <p>A kill is permanent for the story id (issue 15): the state of a killed story is the kill registry, kept in the
 * same changelogged (compacted) store, a few dozen bytes per id, and never purged with the dedupe window, so a later
 * version is dropped as after-kill however late it comes. No format in this pipeline carries a reinstatement the
 * normaliser maps, so nothing lifts a kill; agencies re-file under a new id.
 *
 * <p>The purge costs what expires, not what is stored (issue 13): each live (not killed) state has an entry in
 * {@link #EXPIRY_STORE} keyed by its last update and uri (a {@link DueTimeKey}), and a purge
 * range-scans up to now. An entry is a hint: the state's own updatedAt decides, so entries left by an update are
 * dropped unread. States written before the expiry index are indexed once, on the first purge.
 */
final class StoryVersionProcessor implements Processor<String, Article, String, DedupeMessage> {

    static final String STORE = "dedupe-story-versions";
    static final String EXPIRY_STORE = "dedupe-story-version-expiry";

    private final DedupeSettings settings;
    private final StoryVersionGuard guard = new StoryVersionGuard();
    private final Fingerprinter fingerprinter;
    private ProcessorContext<String, DedupeMessage> context;
    private KeyValueStore<String, StoryState> versions;
    private DueTimers<Long> expiry;

    StoryVersionProcessor(DedupeSettings settings) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings.fingerprint());
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
        this.expiry = new DueTimers<>(context.getStateStore(EXPIRY_STORE));
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        Optional<StoryState> stored = Optional.ofNullable(versions.get(article.getUri()));
        VersionDecision decision = guard.decide(stored, article, Instant.ofEpochMilli(now));
        String uri = article.getUri();
        if (!decision.verdict().publishes()) {
            StoryState state = decision.newState();
            String reason = decision.verdict() == VersionVerdict.DROP_AFTER_KILL ? "after-kill" : "stale-version";
            context.forward(record.withKey(uri).withValue(new AuditEvent(
                    AuditRecords.of(article, reason, uri, state.latestVersion(), null, now))));
            return;
        }
        remember(stored, decision.newState());
        Article published = decision.article();
        if (!decision.firstVersion() || decision.verdict() == VersionVerdict.PUBLISH_KILL) {
            // later versions and kills are not judged again: they follow the first version's fate
            context.forward(record.withKey(uri).withValue(new StoryCandidate(published, null, 0)));
            return;
        }
        IndexedStory indexed = new IndexedStory(uri, published.getAgency(), published.getReceivedAt(),
                fingerprinter.fingerprint(published));
        List<List<String>> probes = probeGroups(IndexKeys.of(indexed.signature(), settings.fingerprint()),
                settings.indexPartitions());
        context.forward(record.withKey(uri).withValue(new StoryCandidate(published, indexed, probes.size())));
        for (List<String> keys : probes) {
            // keyed by the group's first key: the partitioner sends it where every key of the group is owned
            context.forward(record.withKey(keys.get(0)).withValue(new IndexProbe(keys, indexed)));
        }
    }

    /**
     * The index keys grouped by the partition of the index topic they land on (murmur2 of the key's UTF-8 bytes
     * modulo the partitions, as Kafka's default partitioner places a keyed record), in the order of their first key;
     * with {@code partitions} 0, one group per key.
     */
    static List<List<String>> probeGroups(List<String> keys, int partitions) {
        if (partitions <= 0) {
            return keys.stream().map(List::of).toList();
        }
        return io.wirestream.enrich.service.KeyPartitions.group(keys, k -> k, partitions);
    }

    private void remember(Optional<StoryState> stored, StoryState state) {
        versions.put(state.uri(), state);
        stored.filter(old -> !old.killed()).ifPresent(old -> expiry.cancel(old.updatedAt().toEpochMilli(), old.uri()));
        if (!state.killed()) {
            fileExpiry(state);
        }
    }

    private void fileExpiry(StoryState state) {
        expiry.file(state.updatedAt().toEpochMilli(), state.uri(), state.updatedAt().toEpochMilli());
    }

    /** Forgets live states not updated within the window; a killed story's state stays: it is the kill registry. */
    private void purge(long now) {
        if (!expiry.marked(DueTimeKey.LEGACY_INDEXED_MARKER)) {
            indexLegacyStates();
        }
        long cutoff = now - settings.window().toMillis();
        for (KeyValue<String, Long> entry : expiry.takeDueBefore(cutoff)) {
            String uri = DueTimeKey.subject(entry.key);
            StoryState state = versions.get(uri);
            if (state != null && !state.killed() && state.updatedAt().toEpochMilli() == entry.value) {
                versions.put(uri, null);
            }
        }
    }

    /** Gives every live state written before the expiry index its entry, once. */
    private void indexLegacyStates() {
        try (KeyValueIterator<String, StoryState> all = versions.all()) {
            all.forEachRemaining(kv -> {
                if (!kv.value.killed()) {
                    fileExpiry(kv.value);
                }
            });
        }
        expiry.mark(DueTimeKey.LEGACY_INDEXED_MARKER, 1L);
    }
}

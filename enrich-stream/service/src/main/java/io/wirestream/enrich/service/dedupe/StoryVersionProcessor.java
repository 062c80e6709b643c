package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.version.StoryState;
import io.wirestream.enrich.dedupe.version.StoryVersionGuard;
import io.wirestream.enrich.dedupe.version.VersionDecision;
import io.wirestream.enrich.dedupe.version.VersionVerdict;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs in the task that owns a story uri: applies {@link StoryVersionGuard} against the stored state, audits drops,
 * and sends what passes on. A first version is fingerprinted and probed under each of its index keys; later versions
 * go straight to the story's dedupe task, where they follow the first version's fate.
 */
final class StoryVersionProcessor implements Processor<String, Article, String, DedupeMessage> {

    static final String STORE = "dedupe-story-versions";

    private final DedupeSettings settings;
    private final StoryVersionGuard guard = new StoryVersionGuard();
    private final Fingerprinter fingerprinter;
    private ProcessorContext<String, DedupeMessage> context;
    private KeyValueStore<String, StoryState> versions;

    StoryVersionProcessor(DedupeSettings settings) {
        this.settings = settings;
        this.fingerprinter = new Fingerprinter(settings.fingerprint());
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
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
        versions.put(uri, decision.newState());
        Article published = decision.article();
        if (!decision.firstVersion() || decision.verdict() == VersionVerdict.PUBLISH_KILL) {
            // later versions and kills are not judged again: they follow the first version's fate
            context.forward(record.withKey(uri).withValue(new StoryCandidate(published, null, 0)));
            return;
        }
        IndexedStory indexed = new IndexedStory(uri, published.getAgency(), published.getReceivedAt(),
                fingerprinter.fingerprint(published));
        List<String> keys = IndexKeys.of(indexed.signature(), settings.fingerprint());
        context.forward(record.withKey(uri).withValue(new StoryCandidate(published, indexed, keys.size())));
        for (String key : keys) {
            context.forward(record.withKey(key).withValue(new IndexProbe(key, indexed)));
        }
    }

    private void purge(long now) {
        long cutoff = now - settings.window().toMillis();
        try (var all = versions.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.updatedAt().toEpochMilli() < cutoff) {
                    versions.delete(entry.key);
                }
            }
        }
    }
}

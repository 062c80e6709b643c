package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.index.CandidateMatcher;
import io.wirestream.enrich.dedupe.index.DuplicateMatch;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.index.IndexedStoryCodec;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Runs in the task that owns a probe's index keys (an exact digest or LSH band keys, all on this partition), so every
 * copy filed under a key meets here whatever partition its story came from. Verifies the stories filed under the keys
 * against the probe (each once, however many keys it shares), answers the probe's story once with every copy found,
 * files the probe under each key, and tells each already-filed copy wired after the probe, once, that an earlier copy
 * has turned up.
 *
 * <p>The store is a RocksDB window store keyed by index key with the receipt time as timestamp: entries older than the
 * window expire segment by segment, and a key holds at most the bucket capacity, so the work per probe is bounded
 * whatever the number of stories in the window.
 */
final class DedupeIndexProcessor implements Processor<String, DedupeMessage, String, DedupeMessage> {

    static final String STORE = "dedupe-index";

    private final DedupeSettings settings;
    private final CandidateMatcher matcher;
    private ProcessorContext<String, DedupeMessage> context;
    private WindowStore<String, byte[]> index;

    DedupeIndexProcessor(DedupeSettings settings) {
        this.settings = settings;
        this.matcher = new CandidateMatcher(new DuplicateVerifier(settings.fingerprint()));
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.index = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, DedupeMessage> record) {
        if (!(record.value() instanceof IndexProbe probe)) {
            return;
        }
        IndexedStory story = probe.story();
        long at = story.receivedAt().toEpochMilli();
        long window = settings.window().toMillis();
        int capacity = matcher.bucketCapacity();
        // every story filed under any of the probe's keys, once: a near copy shares many bands, and is verified once
        Map<String, IndexedStory> candidates = new LinkedHashMap<>();
        List<String> fileUnder = new ArrayList<>(probe.keys().size());
        for (String key : probe.keys()) {
            int postings = 0;
            boolean filedHere = false;
            try (WindowStoreIterator<byte[]> filed = index.fetch(key, at - window, at + window)) {
                while (filed.hasNext() && postings < capacity) {
                    byte[] posting = filed.next().value;
                    postings++;
                    // a story is filed under every key it shares with others (a near copy under most of the probe's
                    // bands): read its uri, and decode it only the first time
                    String uri = IndexedStoryCodec.uriOf(posting);
                    if (!candidates.containsKey(uri)) {
                        candidates.put(uri, IndexedStoryCodec.decode(posting));
                    }
                    filedHere |= uri.equals(story.uri());
                }
            }
            if (postings < capacity && !filedHere) {
                fileUnder.add(key);
            }
        }
        // similar candidates the judge refused, by reason (names, tickers, figures, direction), on /metrics
        List<DuplicateMatch> matches = matcher.matches(story, new ArrayList<>(candidates.values()),
                reason -> io.micrometer.core.instrument.Metrics.counter("wirestream.dedupe.kept.apart",
                        "reason", reason.name().toLowerCase(java.util.Locale.ROOT)).increment());
        List<CopySeen> copies = new ArrayList<>(matches.size());
        for (DuplicateMatch match : matches) {
            copies.add(CopySeen.of(match.other(), match.kind()));
            if (story.precedes(match.other())) {
                // one notice per later-wired copy, whatever number of this probe's keys it was filed under
                context.forward(record.withKey(match.other().uri()).withValue(
                        new IndexAnswer(match.other().uri(), false, List.of(CopySeen.of(story, match.kind())))));
            }
        }
        // one counted answer per probe, as the story's candidate expects
        context.forward(record.withKey(story.uri()).withValue(new IndexAnswer(story.uri(), true, copies)));
        if (!fileUnder.isEmpty()) {
            byte[] encoded = IndexedStoryCodec.encode(story);
            for (String key : fileUnder) {
                index.put(key, encoded, at);
            }
        }
    }
}

package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Runs on the partition that owns index keys: answers a story's probe message with, for each of its keys (every key
 * of the story that lands on this partition), the newest earlier stories under the key (at most
 * {@link LinkSettings#postingsPerKey()}, newest first, so the cost does not grow with the window), then indexes the
 * story under the key. One answer message goes back per probe message, a single-key probe of a version before
 * issue 16 included. The window store's retention drops postings older than the window.
 */
final class KeyIndexProcessor implements Processor<String, LinkMessage, String, LinkMessage> {

    static final String INDEX_STORE = "related-links-index";
    /**
     * Postings sent back per key: the strongest of the bounded read. Keeps the by-uri topic small (a story's answers
     * are at most keys x this many postings) while the count of stories under the key still sets its weight.
     */
    static final int HITS_SENT_PER_KEY = KeyHits.RANKED_PER_KEY;

    private final LinkSettings settings;
    private ProcessorContext<String, LinkMessage> context;
    private WindowStore<String, Posting> index;

    KeyIndexProcessor(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, LinkMessage> context) {
        this.context = context;
        this.index = context.getStateStore(INDEX_STORE);
    }

    @Override
    public void process(Record<String, LinkMessage> record) {
        LinkMessage m = record.value();
        if (m == null) {
            return;
        }
        long now = record.timestamp();
        switch (m.kind()) {
            case RETRACT -> index.put(m.key().key(), m.posting(), now); // newer than the story's postings: hides it for good
            case RETRACTS -> m.keys().forEach(k -> index.put(k.key(), m.posting(), now));
            case PROBE -> context.forward(record.withKey(m.uri()).withValue(
                    LinkMessage.answers(m.uri(), m.version(), List.of(answer(m.uri(), m.key(), m.posting(), now)))));
            case PROBES -> {
                List<KeyHits> answers = new ArrayList<>(m.keys().size());
                for (ProfileKey key : m.keys()) {
                    answers.add(answer(m.uri(), key, m.posting().withWeight(key.weight()), now));
                }
                context.forward(record.withKey(m.uri()).withValue(LinkMessage.answers(m.uri(), m.version(), answers)));
            }
            default -> { }
        }
    }

    /** What the key holds for the story (read before the story is indexed under it), then indexes the story. */
    private KeyHits answer(String uri, ProfileKey key, Posting posting, long now) {
        long from = Math.max(0, now - settings.window().toMillis());
        List<Posting> read = new ArrayList<>();
        try (KeyValueIterator<Long, Posting> it = index.backwardFetch(key.key(), Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(now + settings.window().toMillis()))) {
            while (it.hasNext() && read.size() < settings.postingsPerKey()) {
                KeyValue<Long, Posting> kv = it.next();
                if (!kv.value.uri().equals(uri)) {
                    read.add(kv.value);
                }
            }
        }
        index.put(key.key(), posting, now);
        return new KeyHits(key, newestLinkable(read)).strongest(HITS_SENT_PER_KEY);
    }

    /**
     * One posting per story, its newest version, and none for a story whose newest posting can never be shown
     * (withheld, or retracted by a kill). Done before {@link KeyHits#strongest} so that cutting to the strongest
     * postings can never drop a retraction and keep an older, visible posting of the same story. A story embargoed
     * until later is kept: the collector ranks on its own clock and decides then.
     */
    static List<Posting> newestLinkable(List<Posting> read) {
        Map<String, Posting> newest = new LinkedHashMap<>();
        for (Posting p : read) {
            newest.merge(p.uri(), p, (a, b) -> b.version() > a.version()
                    || b.version() == a.version() && b.visibleFromMillis() > a.visibleFromMillis() ? b : a);
        }
        List<Posting> out = new ArrayList<>(newest.size());
        for (Posting p : newest.values()) {
            if (p.visibleFromMillis() != Posting.NEVER) {
                out.add(p);
            }
        }
        return out;
    }
}

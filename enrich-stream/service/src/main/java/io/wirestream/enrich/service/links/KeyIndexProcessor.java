package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.Posting;
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
 * Runs on the partition that owns an index key: answers a story's probe with the newest earlier stories under the
 * key (at most {@link LinkSettings#postingsPerKey()}, newest first, so the cost does not grow with the window), then
 * indexes the story under the key. The window store's retention drops postings older than the window.
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
        LinkMessage probe = record.value();
        if (probe == null) {
            return;
        }
        long now = record.timestamp();
        if (probe.kind() == LinkMessage.Kind.RETRACT) {
            index.put(probe.key().key(), probe.posting(), now); // newer than the story's postings: hides it for good
            return;
        }
        if (probe.kind() != LinkMessage.Kind.PROBE) {
            return;
        }
        long from = Math.max(0, now - settings.window().toMillis());
        List<Posting> read = new ArrayList<>();
        try (KeyValueIterator<Long, Posting> it = index.backwardFetch(probe.key().key(), Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(now + settings.window().toMillis()))) {
            while (it.hasNext() && read.size() < settings.postingsPerKey()) {
                KeyValue<Long, Posting> kv = it.next();
                if (!kv.value.uri().equals(probe.uri())) {
                    read.add(kv.value);
                }
            }
        }
        context.forward(record.withKey(probe.uri())
                .withValue(LinkMessage.hits(probe.uri(), probe.version(),
                        new KeyHits(probe.key(), newestLinkable(read)).strongest(HITS_SENT_PER_KEY))));
        index.put(probe.key().key(), probe.posting(), now);
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

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

    /**
     * Decoded postings kept in front of the store, per processor instance: room for about 250 hot keys' newest
     * postings each, a few MB per task.
     */
    static final int CACHED_POSTINGS = 20_000;
    /** Postings kept per cached key beyond what a read takes: room for the story's own postings, which it skips. */
    static final int CACHE_SLACK_PER_KEY = 16;

    private final LinkSettings settings;
    private final PostingCache cache;
    private ProcessorContext<String, LinkMessage> context;
    private WindowStore<String, Posting> index;

    KeyIndexProcessor(LinkSettings settings) {
        this(settings, CACHED_POSTINGS, CACHE_SLACK_PER_KEY);
    }

    /**
     * @param cachedPostings decoded postings kept in front of the store; 0 reads the store every time
     * @param slackPerKey    postings kept per cached key beyond {@link LinkSettings#postingsPerKey()}
     */
    KeyIndexProcessor(LinkSettings settings, int cachedPostings, int slackPerKey) {
        this.settings = settings;
        this.cache = new PostingCache(settings.postingsPerKey() + slackPerKey, cachedPostings);
    }

    @Override
    public void init(ProcessorContext<String, LinkMessage> context) {
        this.context = context;
        this.index = context.getStateStore(INDEX_STORE);
        // a task reopened after an aborted transaction has had its store restored: start from the store again
        cache.clear();
    }

    @Override
    public void close() {
        cache.clear();
    }

    @Override
    public void process(Record<String, LinkMessage> record) {
        LinkMessage m = record.value();
        if (m == null) {
            return;
        }
        long now = record.timestamp();
        switch (m.kind()) {
            case RETRACT -> put(m.key().key(), m.posting(), now); // newer than the story's postings: hides it for good
            case RETRACTS -> m.keys().forEach(k -> put(k.key(), m.posting(), now));
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
        long to = now + settings.window().toMillis();
        List<Posting> read = cache.enabled() ? readCached(key.key(), uri, from, to) : null;
        if (read == null) {
            read = readStore(key.key(), uri, from, to);
        }
        put(key.key(), posting, now);
        return new KeyHits(key, newestLinkable(read)).strongest(HITS_SENT_PER_KEY);
    }

    private void put(String key, Posting posting, long time) {
        index.put(key, posting, time);
        cache.written(key, time, posting);
    }

    /**
     * The newest postings under the key between {@code from} and {@code to}, other than the story's own, from the
     * cache; null when the cache cannot say exactly (it ran out while the store holds older postings).
     */
    private List<Posting> readCached(String key, String uri, long from, long to) {
        PostingCache.KeyPostings kp = cache.get(key);
        if (kp == null) {
            kp = load(key);
        }
        List<Posting> read = new ArrayList<>();
        for (PostingCache.Timed t : kp.newestFirst()) {
            if (t.time() > to) {
                continue;
            }
            if (t.time() < from) {
                return read;
            }
            if (!t.posting().uri().equals(uri)) {
                read.add(t.posting());
                if (read.size() >= settings.postingsPerKey()) {
                    return read;
                }
            }
        }
        return kp.complete() ? read : null;
    }

    /** Fills the cache for a key with its newest postings in the store, whatever their time. */
    private PostingCache.KeyPostings load(String key) {
        List<PostingCache.Timed> newest = new ArrayList<>();
        boolean complete = true;
        try (KeyValueIterator<Long, Posting> it = index.backwardFetch(key, Instant.EPOCH,
                Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (it.hasNext()) {
                if (newest.size() == cache.perKey()) {
                    complete = false;
                    break;
                }
                KeyValue<Long, Posting> kv = it.next();
                newest.add(new PostingCache.Timed(kv.key, kv.value));
            }
        }
        return cache.load(key, newest, complete);
    }

    private List<Posting> readStore(String key, String uri, long from, long to) {
        List<Posting> read = new ArrayList<>();
        try (KeyValueIterator<Long, Posting> it = index.backwardFetch(key, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to))) {
            while (it.hasNext() && read.size() < settings.postingsPerKey()) {
                KeyValue<Long, Posting> kv = it.next();
                if (!kv.value.uri().equals(uri)) {
                    read.add(kv.value);
                }
            }
        }
        return read;
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

package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.KeyPartitions;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;
import io.wirestream.enrich.tagging.related.StoryProfiler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Runs on the partition that owns a story uri: tags and profiles the article, sends it on to the collector and its
 * index keys to the keys' partitions: one probe message per partition of the by-key topic, carrying every key of
 * the story that lands there and the story's posting once (issue 16: one message per key made ~20 records per
 * story on that topic and as many answers back). The article tells the collector how many probe messages it sent.
 * Each posting carries the story's editorial state as the time from which others may link to it: its embargo time,
 * never while withheld, at once when released.
 *
 * <p>A kill is not indexed; instead each key the story was indexed under (remembered here for the link window,
 * in a window store whose retention drops them, so no timer is needed) gets a retraction, grouped by partition as the
 * probes are, that hides the story for
 * good, however little text the kill carries.
 */
final class LinkRouteProcessor implements Processor<String, Article, String, LinkMessage> {

    static final String INDEXED_KEYS_STORE = "related-links-indexed-keys";

    private final ArticleTagger tagger;
    private final StoryProfiler profiler;
    private final java.time.Duration window;
    private final int keyPartitions;
    private ProcessorContext<String, LinkMessage> context;
    private WindowStore<String, IndexedKeys> indexedKeys;

    LinkRouteProcessor(ArticleTagger tagger, StoryProfiler profiler, java.time.Duration window, int keyPartitions) {
        this.tagger = tagger;
        this.keyPartitions = keyPartitions;
        this.profiler = profiler;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, LinkMessage> context) {
        this.context = context;
        this.indexedKeys = context.getStateStore(INDEXED_KEYS_STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        String uri = record.key();
        Article article = record.value();
        if (article == null) {
            context.forward(record.withValue(LinkMessage.tombstone(uri)));
            return;
        }
        Article tagged = tagger.tag(article);
        StoryProfile profile = profiler.profile(tagged);
        if (tagged.getPubstatus() == PubStatus.canceled) {
            retract(uri, tagged.getVersion(), profile, record);
            context.forward(record.withKey(uri).withValue(LinkMessage.killed(uri, tagged.getVersion())));
            profile = new StoryProfile(profile.uri(), profile.version(), profile.timeMillis(), profile.headline(),
                    profile.clusterId(), profile.excludedUris(), List.of()); // a kill is not indexed nor linked
        }
        List<List<ProfileKey>> groups = byKeyPartition(profile.keys());
        context.forward(record.withKey(uri).withValue(LinkMessage.article(uri, tagged.getVersion(),
                RelatedLinkCollector.encode(tagged), profile, groups.size())));
        if (groups.isEmpty()) {
            return;
        }
        // one message per partition of the by-key topic, keyed by its first key so it lands there
        Posting posting = profile.posting(profile.keys().get(0)).withVisibleFrom(visibleFrom(tagged));
        for (List<ProfileKey> group : groups) {
            context.forward(record.withKey(group.get(0).key())
                    .withValue(LinkMessage.probes(uri, tagged.getVersion(), group, posting)));
        }
        List<String> keys = new ArrayList<>(profile.keys().size());
        profile.keys().forEach(k -> keys.add(k.key()));
        indexedKeys.put(uri, new IndexedKeys(tagged.getVersion(), keys), record.timestamp());
    }

    /**
     * The keys grouped by the partition of the by-key topic each lands on (the stage fixes its partition count), in
     * the order of the keys; a message keyed by a group's first key lands where every key of the group does.
     */
    List<List<ProfileKey>> byKeyPartition(List<ProfileKey> keys) {
        return KeyPartitions.group(keys, ProfileKey::key, keyPartitions);
    }

    /** When other stories may show this one: never while withheld, from its embargo time, else at once. */
    static long visibleFrom(Article article) {
        if (article.getPubstatus() == PubStatus.withheld || article.getPubstatus() == PubStatus.canceled) {
            return Posting.NEVER;
        }
        Instant embargo = article.getEmbargoed();
        return embargo == null ? 0L : Math.max(0L, embargo.toEpochMilli());
    }

    private void retract(String uri, long killVersion, StoryProfile profile, Record<String, Article> record) {
        List<String> keys = new ArrayList<>();
        long to = record.timestamp() + window.toMillis();
        long from = Math.max(0, record.timestamp() - window.toMillis());
        try (KeyValueIterator<org.apache.kafka.streams.kstream.Windowed<String>, IndexedKeys> it =
                     indexedKeys.fetch(uri, uri, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            it.forEachRemaining(kv -> kv.value.keys().forEach(k -> {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }));
        }
        profile.keys().forEach(k -> { // what the kill itself names, in case its keys were never remembered
            if (!keys.contains(k.key())) {
                keys.add(k.key());
            }
        });
        List<ProfileKey> retracted = new ArrayList<>(keys.size());
        keys.forEach(k -> retracted.add(new ProfileKey(k, null, 0, false)));
        Posting hidden = new Posting(uri, killVersion, profile.timeMillis(), null, null, 1.0, 0.0, Posting.NEVER);
        for (List<ProfileKey> group : byKeyPartition(retracted)) {
            context.forward(record.withKey(group.get(0).key())
                    .withValue(LinkMessage.retracts(uri, killVersion, group, hidden)));
        }
    }
}

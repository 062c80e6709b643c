package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.enrich.service.bench.BenchStores;
import io.wirestream.enrich.service.bench.BenchStories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The release gate ({@link ArticleReleaseProcessor}) as the topology builds it (the declared defaults of
 * {@link EnrichTopology.Options}, its three RocksDB stores with the registry wire-format key and article serdes), for
 * {@code ReleaseGateBenchmark}. The gate's timer is the wall-clock punctuator the processor schedules, run here by
 * hand after moving the clock, as Kafka Streams runs it once the interval has passed. Before the calls,
 * {@code heldInStore} stories are held under embargoes that never come due in the run, so the stores are as full as
 * a desk's pending embargoes make them. Invented stories ({@link BenchStories}); each call uses a new uri.
 */
public final class ReleaseGateBenchRig implements AutoCloseable {

    private static final int TEMPLATES = 32;
    /**
     * Far enough ahead that no tick of a run reaches it, though every kill moves the clock on by the tombstone grace
     * (7 days): a million kills are 19,000 years.
     */
    private static final Instant FAR_EMBARGO = Instant.parse("+100000-01-01T00:00:00Z");

    private final EnrichTopology.Options options = EnrichTopology.Options.defaults();
    private final BenchStores stores = new BenchStores("release");
    private final MockProcessorContext<String, Article> context = stores.context();
    private final ArticleReleaseProcessor gate = new ArticleReleaseProcessor(options.killTombstoneGrace(),
            options.embargoCheckInterval(), options.embargoMaxAhead());
    private final KeyValueStore<String, Article> held;
    private final Article[] stories = new Article[TEMPLATES];
    private final Article[] kills = new Article[TEMPLATES];
    private long next;
    private long now;

    public ReleaseGateBenchRig(int heldInStore) {
        EnrichSerdes serdes = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient()));
        held = stores.keyValue(context, ArticleReleaseProcessor.HELD_STORE, serdes.key(), serdes.article());
        stores.keyValue(context, ArticleReleaseProcessor.TOMBSTONE_STORE, serdes.key(), Serdes.Long());
        stores.keyValue(context, ArticleReleaseProcessor.TIMER_STORE, Serdes.String(), Serdes.Long());
        for (int t = 0; t < TEMPLATES; t++) {
            stories[t] = BenchStories.story(t, BenchStories.T0);
            kills[t] = Article.newBuilder(stories[t]).setPubstatus(PubStatus.canceled).setVersion(2)
                    .setSignals(List.of("kill")).build();
        }
        // the held stories go in through the gate itself, with its clock set within the horizon of their embargo
        setClock(FAR_EMBARGO.minus(Duration.ofDays(1)).toEpochMilli());
        gate.init(context);
        Article embargoed = Article.newBuilder(stories[0]).setEmbargoed(FAR_EMBARGO).build();
        for (int i = 0; i < heldInStore; i++) {
            embargoed.setUri("urn:bench:held-" + i);
            process(embargoed);
        }
        setClock(BenchStories.T0.toEpochMilli());
        tick(); // the first tick indexes a store written before the timers (once); not what the calls measure
    }

    /** A usable story with nothing held for it: released at once, stamped processedAt. */
    public List<Article> plainStory() {
        Article story = nextStory();
        story.setEmbargoed(null);
        return process(story);
    }

    /** An embargoed story: held (nothing out). */
    public List<Article> holdEmbargoed() {
        Article story = nextStory();
        story.setEmbargoed(Instant.ofEpochMilli(now).plus(EMBARGO_AHEAD));
        return process(story);
    }

    /** The clock moves past the embargo of the story held last and the timer ticks: it goes out. */
    public List<Article> releaseDue() {
        setClock(now + EMBARGO_AHEAD.plus(options.embargoCheckInterval()).toMillis());
        return tick();
    }

    /** How far ahead {@link #holdEmbargoed()} sets the embargo. */
    public static final Duration EMBARGO_AHEAD = Duration.ofMinutes(1);

    /** {@code stories} embargoed stories held and each released by its own tick, as a quiet day's embargoes are. */
    public void releaseEmbargoes(int stories) {
        for (int i = 0; i < stories; i++) {
            holdEmbargoed();
            releaseDue();
        }
    }

    /** One tick of the gate's timer (every {@code enrich.embargo.check.interval}, 1 s) with nothing due. */
    public List<Article> tickNothingDue() {
        return tick();
    }

    /** A kill: out at once as a withdrawn record, its tombstone timer filed. */
    public List<Article> kill() {
        Article kill = kills[(int) (next % TEMPLATES)];
        kill.setUri("urn:bench:story-" + next++);
        return process(kill);
    }

    /** The clock moves past the kill grace and the timer ticks: the tombstone (a null value) goes out. */
    public List<Article> tombstoneDue() {
        setClock(now + options.killTombstoneGrace().plus(options.embargoCheckInterval()).toMillis());
        return tick();
    }

    /** Stories held under embargo now. */
    public long heldStories() {
        long count = 0;
        try (var all = held.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private Article nextStory() {
        Article story = stories[(int) (next % TEMPLATES)];
        story.setUri("urn:bench:story-" + next++);
        return story;
    }

    private void setClock(long millis) {
        now = millis;
        context.setCurrentSystemTimeMs(millis);
    }

    private List<Article> process(Article article) {
        gate.process(new Record<>(article.getUri(), article, now));
        return drain();
    }

    private List<Article> tick() {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(now));
        return drain();
    }

    private List<Article> drain() {
        List<Article> out = new ArrayList<>(2);
        for (var f : context.forwarded()) {
            out.add(f.record().value());
        }
        context.resetForwards();
        return out;
    }

    @Override
    public void close() {
        gate.close();
        stores.close();
    }
}

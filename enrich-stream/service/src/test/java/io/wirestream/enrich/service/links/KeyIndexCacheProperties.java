package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

/**
 * The links index answers the same with its posting cache as without it: a random run of probes and retractions
 * (hot and cold keys, stories indexed again as new versions, records a little out of time order, time moving past
 * the window) goes through two index processors on real RocksDB window stores, one reading the store every time and
 * one with a cache small enough to overflow per key (down to no room beyond what one read takes) and to evict keys, and every answer must be equal.
 */
class KeyIndexCacheProperties {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final LinkSettings SETTINGS = new LinkSettings(WINDOW, 5, 4, 20, 0.05);
    private static final String[] KEYS = {"kw:hot", "kw:warm", "per:cold", "org:rare"};

    @Property(tries = 40)
    void answersWithTheCacheEqualAnswersFromTheStore(@ForAll long seed, @ForAll @IntRange(min = 20, max = 160) int steps,
                                                     @ForAll @IntRange(min = 1, max = 60) int cachedPostings,
                                                     @ForAll @IntRange(min = 0, max = 3) int slackPerKey) {
        List<KeyValue<Long, LinkMessage>> run = randomRun(new Random(seed), steps);
        List<LinkMessage> fromStore = answers(run, 0, 0);
        List<LinkMessage> cached = answers(run, cachedPostings, slackPerKey);
        assertThat(cached).hasSameSizeAs(fromStore);
        for (int i = 0; i < fromStore.size(); i++) {
            assertThat(cached.get(i)).as("answer %d of %d", i, fromStore.size()).isEqualTo(fromStore.get(i));
        }
    }

    /** Probes from stories over about four windows, each record up to 20 minutes before the newest so far. */
    private static List<KeyValue<Long, LinkMessage>> randomRun(Random random, int steps) {
        List<KeyValue<Long, LinkMessage>> run = new ArrayList<>();
        long clock = 1_780_000_000_000L;
        long newest = clock;
        for (int i = 0; i < steps; i++) {
            clock += random.nextInt((int) (4 * WINDOW.toMillis() / steps) + 1);
            long time = Math.max(clock - random.nextInt(20 * 60_000), newest - 20 * 60_000);
            newest = Math.max(newest, time);
            String uri = "story-" + random.nextInt(Math.max(2, steps / 3));
            long version = 1 + random.nextInt(3);
            List<ProfileKey> keys = new ArrayList<>();
            for (String k : KEYS) {
                // the hot key is in most stories, the rare one in few
                if (random.nextInt(KEYS.length * 2) >= indexOf(k) * 2) {
                    keys.add(new ProfileKey(k, null, 0.1 + random.nextInt(9) / 10.0, k.startsWith("per:")));
                }
            }
            if (keys.isEmpty()) {
                keys.add(new ProfileKey(KEYS[0], null, 0.5, false));
            }
            long visibleFrom = switch (random.nextInt(10)) {
                case 0 -> Posting.NEVER;
                case 1 -> time + 60_000;
                default -> 0L;
            };
            Posting posting = new Posting(uri, version, time, random.nextBoolean() ? "Headline " + uri : null,
                    random.nextInt(4) == 0 ? "cluster-" + uri : null, 1.0 + random.nextInt(5) / 4.0, 0.5, visibleFrom);
            LinkMessage m = random.nextInt(8) == 0
                    ? LinkMessage.retracts(uri, version + 1, keys, posting.withVisibleFrom(Posting.NEVER))
                    : LinkMessage.probes(uri, version, keys, posting);
            run.add(KeyValue.pair(time, m));
        }
        return run;
    }

    private static int indexOf(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static List<LinkMessage> answers(List<KeyValue<Long, LinkMessage>> run, int cachedPostings, int slack) {
        Topology topology = new Topology();
        topology.addSource("probes", Serdes.String().deserializer(), LinkBinary.messages().deserializer(), "by-key");
        topology.addProcessor("index", () -> new KeyIndexProcessor(SETTINGS, cachedPostings, slack), "probes");
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(KeyIndexProcessor.INDEX_STORE, WINDOW.plus(Duration.ofHours(1)),
                        Duration.ofMillis(1), true), Serdes.String(), LinkBinary.postings()), "index");
        topology.addSink("answers", "by-uri", Serdes.String().serializer(), LinkBinary.messages().serializer(), "index");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "key-index-cache-" + cachedPostings);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, LinkMessage> in = driver.createInputTopic("by-key", Serdes.String().serializer(),
                    LinkBinary.messages().serializer());
            TestOutputTopic<String, LinkMessage> out = driver.createOutputTopic("by-uri",
                    Serdes.String().deserializer(), LinkBinary.messages().deserializer());
            for (KeyValue<Long, LinkMessage> step : run) {
                in.pipeInput(step.value.uri(), step.value, step.key);
            }
            return out.readValuesToList();
        }
    }
}

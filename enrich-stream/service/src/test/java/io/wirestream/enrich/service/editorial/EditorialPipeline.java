package io.wirestream.enrich.service.editorial;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.service.EnrichSerdes;
import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.enrich.service.EnrichTopology;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology as production composes it (versions and dedupe, tags and links, release), fed by a line
 * normaliser so that tests state editorial state directly: {@code uri|version|status|embargo|signals|headline|body}
 * (signals comma-separated, body paragraphs separated by {@code ~}). The parsers that map real formats into this
 * state have their own tests; here it is what the topology does with it. Every story is written for these tests.
 */
final class EditorialPipeline implements AutoCloseable {

    static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    static final Duration HOLD_BACK = Duration.ofSeconds(2);

    static final ItemNormaliser LINES = raw -> {
        String[] f = StandardCharsets.UTF_8.decode(raw.getPayload().duplicate()).toString().split("\\|", -1);
        if (f.length != 7) {
            throw new NormalisationException("detect", "unknown-format", "expected 7 fields, got " + f.length);
        }
        return List.of(Article.newBuilder()
                .setUri(f[0]).setVersion(Long.parseLong(f[1])).setPubstatus(PubStatus.valueOf(f[2]))
                .setEmbargoed(f[3].isEmpty() ? null : Instant.parse(f[3]))
                .setSignals(f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(",")))
                .setHeadline(f[5]).setBodyParagraphs(f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split("~")))
                .setVersioncreated(raw.getReceivedAt()).setFirstcreated(raw.getReceivedAt())
                .setAgency(raw.getAgency()).setReceivedAt(raw.getReceivedAt()).build());
    };

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RawItem> raw;
    private final TestOutputTopic<String, Article> articles;
    private final List<KeyValue<String, Article>> published = new ArrayList<>();
    private Instant wallClock = START;
    private int seq;

    EditorialPipeline(Path stateDir) throws Exception {
        EnrichSerdes serdes = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient()));
        Settings settings = Settings.ofValues(Map.of("enrich.dedupe.hold.back", HOLD_BACK.toSeconds() + "s"));
        var topology = EnrichTopology.build(LINES, EnrichServiceMain.stages(settings, serdes), serdes,
                EnrichTopology.Options.defaults(), Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "editorial-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        driver = new TopologyTestDriver(topology, props, START);
        raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), serdes.key().deserializer(), serdes.article().deserializer());
    }

    /** Pushes one line as an agency would, then lets the dedupe hold-back pass. */
    void push(String agency, String line) {
        String id = agency + "-" + (++seq);
        RawItem item = RawItem.newBuilder().setItemId(id).setAgency(agency).setReceivedAt(wallClock)
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8))).build();
        raw.pipeInput(agency + "/" + id, item, wallClock);
        settle();
    }

    /** Lets the hold-back and the link answers pass on the wall clock. */
    void settle() {
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofSeconds(1));
        }
    }

    void advance(Duration d) {
        wallClock = wallClock.plus(d);
        driver.advanceWallClockTime(d);
    }

    Instant now() {
        return wallClock;
    }

    /** Everything on wire.articles so far, in order (tombstones as null values). */
    List<KeyValue<String, Article>> published() {
        published.addAll(articles.readKeyValuesToList());
        return published;
    }

    /** The newest record on wire.articles for the uri, or null when none (or a tombstone). */
    Article latest(String uri) {
        Article latest = null;
        for (KeyValue<String, Article> kv : published()) {
            if (kv.key.equals(uri)) {
                latest = kv.value;
            }
        }
        return latest;
    }

    List<Article> of(String uri) {
        return published().stream().filter(kv -> kv.key.equals(uri) && kv.value != null).map(kv -> kv.value).toList();
    }

    <K, V> org.apache.kafka.streams.state.KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}

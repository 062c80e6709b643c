package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The topology exactly as production composes it (real normaliser, versions and dedupe, tags and links, release):
 * a second agency's copy of a story in another format is merged into the first agency's story, not published.
 */
class ProductionCompositionTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void aCopyFromAnotherAgencyInAnotherFormatJoinsTheFirstStorysCluster() throws Exception {
        EnrichSerdes serdes = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient()));
        Settings settings = Settings.ofValues(Map.of("enrich.dedupe.hold.back", "2s"));
        var topology = EnrichTopology.build(new WireItemNormaliser(), EnrichServiceMain.stages(settings, serdes), serdes,
                EnrichTopology.Options.defaults(), Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "composition-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0)) {
            TestInputTopic<String, RawItem> raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
            TestOutputTopic<String, Article> articles = driver.createOutputTopic(Topics.ARTICLES.name(), serdes.key().deserializer(), serdes.article().deserializer());
            TestOutputTopic<String, DedupeAudit> audit = driver.createOutputTopic(Topics.DEDUPE_AUDIT.name(), serdes.key().deserializer(),
                    Topics.DEDUPE_AUDIT.valueSerde(serdes.config()).deserializer());

            raw.pipeInput("acme/1", item("acme", "tram-acme-newsml-g2.xml", T0), T0);
            driver.advanceWallClockTime(Duration.ofMillis(500));
            raw.pipeInput("northstar/1", item("northstar", "tram-northstar-nitf-copy.xml", T0.plusSeconds(1)), T0.plusSeconds(1));
            for (int i = 0; i < 20; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }

            List<Article> published = articles.readValuesToList();
            assertThat(published).extracting(Article::getAgency).as("only the first agency's story is published").containsOnly("acme");
            Article head = published.get(published.size() - 1);
            assertThat(head.getDuplicates()).isNotNull();
            assertThat(head.getDuplicates().getAlsoCarriedBy()).contains("northstar");
            List<DedupeAudit> drops = audit.readValuesToList();
            assertThat(drops).anySatisfy(d -> {
                assertThat(d.getAgency()).isEqualTo("northstar");
                assertThat(d.getReason()).isIn("near-duplicate", "exact-duplicate");
            });
        }
    }

    static RawItem item(String agency, String resource, Instant receivedAt) throws Exception {
        try (InputStream in = ProductionCompositionTest.class.getResourceAsStream("/items/" + resource)) {
            return RawItem.newBuilder().setItemId(agency + "-" + resource).setAgency(agency).setReceivedAt(receivedAt)
                    .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(in.readAllBytes())).build();
        }
    }
}

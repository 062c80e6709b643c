package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.runtime.config.Settings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: an agency's rights reach {@code wire.articles} through the topology as production composes it (real
 * normaliser with the settings' rights file, versions, dedupe, tags, links, release), both the rights an item carries
 * and those the deployment configured for a feed whose format has none; the provider the item names travels too.
 */
class RightsTravelTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

    static final String G2 = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20260301:tram"
                      version="1" standard="NewsML-G2" standardversion="2.29">
             <rightsInfo><copyrightHolder literal="Example Press"/>
              <copyrightNotice>(c) 2026 Example Press</copyrightNotice>
              <usageTerms>Online use only, for 30 days; no resale.</usageTerms></rightsInfo>
             <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example Press"/>
              <versionCreated>2026-03-01T09:29:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
             <contentMeta><headline>New tram line opens on the east bank</headline><language tag="en"/></contentMeta>
             <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
              <p>The city's fourth tram line carried its first passengers on Sunday, linking the east bank to the centre.</p>
             </body></html></inlineXML></contentSet>
            </newsItem>""";

    static final String IPTC_7901 = ("\u0001xyz042 4 i 87 abcde 061\r\n\r\nHarbour-dredging/\r\n"
            + "\u0002Dredging of the harbour channel begins =\r\n\r\n"
            + "   Dredgers began deepening the harbour channel on Sunday so that larger container ships can berth.\r\n"
            + "\u0003010929 GMT Mar 26\r\n\u0004");

    @Test
    void itemRightsAndConfiguredRightsReachTheArticlesTopic(@TempDir Path dir) throws Exception {
        Path rights = dir.resolve("rights.properties");
        Files.writeString(rights, """
                agency.harbourwire.copyrightholder = Harbour Wire
                agency.harbourwire.usageterms = Editorial use in Portugal only.
                """);
        Settings settings = Settings.ofValues(Map.of("enrich.normalise.rights.file", rights.toString()));
        EnrichServiceMain.DECLARED.validate(settings);
        EnrichSerdes serdes = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient()));
        var topology = EnrichTopology.build(
                new WireItemNormaliser(Clock.systemUTC(), EnrichSettings.normaliserLimits(settings)),
                EnrichServiceMain.stages(settings, serdes), serdes, EnrichTopology.Options.defaults(), Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rights-travel-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0)) {
            TestInputTopic<String, RawItem> raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
            TestOutputTopic<String, Article> articles = driver.createOutputTopic(Topics.ARTICLES.name(),
                    serdes.key().deserializer(), serdes.article().deserializer());

            raw.pipeInput("acme/1", item("acme", "g2", G2, T0), T0);
            raw.pipeInput("harbourwire/1", item("harbourwire", "7901", IPTC_7901, T0.plusSeconds(1)), T0.plusSeconds(1));
            for (int i = 0; i < 5; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }

            Map<String, Article> byAgency = new HashMap<>();
            for (Article a : articles.readValuesToList()) {
                byAgency.put(a.getAgency(), a);
            }
            assertThat(byAgency).containsOnlyKeys("acme", "harbourwire");

            Article g2 = byAgency.get("acme");
            assertThat(g2.getCopyrightholder()).isEqualTo("Example Press");
            assertThat(g2.getCopyrightnotice()).isEqualTo("(c) 2026 Example Press");
            assertThat(g2.getUsageterms()).isEqualTo("Online use only, for 30 days; no resale.");
            assertThat(g2.getProvider().getName()).isEqualTo("Example Press");
            assertThat(g2.getProvider().getFrom()).isEqualTo("NewsML-G2 itemMeta/provider");

            Article configured = byAgency.get("harbourwire");
            assertThat(configured.getCopyrightholder()).isEqualTo("Harbour Wire");
            assertThat(configured.getCopyrightnotice()).isEqualTo("© Harbour Wire");
            assertThat(configured.getUsageterms()).isEqualTo("Editorial use in Portugal only.");
            assertThat(configured.getProvider()).as("7901 header names no known agency").isNull();
        }
    }

    static RawItem item(String agency, String id, String payload, Instant receivedAt) {
        return RawItem.newBuilder().setItemId(agency + "-" + id).setAgency(agency).setReceivedAt(receivedAt)
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}

package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzz run: agency items this test writes itself, one per wire format, mutated (bytes flipped, inserted and
 * cut, truncated, nested 100,000 deep, blown up in size, given huge ids, invalid UTF-8, XXE and entity bombs) and
 * pushed through the real normaliser in the topology test driver with the production Streams configuration.
 * Every item must end published or rejected, and no item may stop the topology (a "stall": the driver throws).
 *
 * <p>Default 2,000 items; {@code -Dwirestream.fuzz.items=100000} (and {@code -Dwirestream.fuzz.seed=N}) for the long run.
 */
class NormaliseFuzzTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void everyMutatedItemIsPublishedOrRejectedAndNoneStopsTheTopology() {
        int items = Integer.getInteger("wirestream.fuzz.items", 2_000);
        long seed = Long.getLong("wirestream.fuzz.seed", 20261206L);
        Random random = new Random(seed);

        Map<String, Object> serdeConfig = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient());
        EnrichSerdes serdes = EnrichSerdes.of(serdeConfig);
        var topology = EnrichTopology.build(new WireItemNormaliser(), List.of(), serdes, EnrichTopology.Options.defaults(), Clock.systemUTC());
        Properties props = EnrichService.streamsConfig(Settings.ofValues(Map.of("enrich.state.dir", stateDir.toString())));
        props.putAll(serdeConfig);

        Set<String> published = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        Map<String, Integer> reasons = new TreeMap<>();
        int stalls = 0;
        long slowest = 0;
        Map<String, Long> bySize = new TreeMap<>();
        long started = System.nanoTime();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0)) {
            TestInputTopic<String, RawItem> raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
            TestOutputTopic<String, Article> articles = driver.createOutputTopic(Topics.ARTICLES.name(), serdes.key().deserializer(), serdes.article().deserializer());
            TestOutputTopic<String, Rejection> rejections = driver.createOutputTopic(Topics.REJECTED.name(), serdes.key().deserializer(), serdes.rejection().deserializer());
            // the driver keeps every record written to an internal topic too; drained below, or a long run fills the heap
            TestOutputTopic<byte[], byte[]> repartition = driver.createOutputTopic(
                    props.getProperty(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG) + "-release-by-uri-repartition",
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            for (int i = 0; i < items; i++) {
                Seed s = SEEDS.get(random.nextInt(SEEDS.size()));
                byte[] payload = mutate(s.text().getBytes(StandardCharsets.UTF_8), random);
                RawItem item = RawItem.newBuilder().setItemId("fuzz-" + i).setAgency("fuzz").setReceivedAt(T0)
                        .setContentType(random.nextBoolean() ? s.contentType() : null)
                        .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(payload)).build();
                long t = System.nanoTime();
                try {
                    raw.pipeInput("fuzz/" + i, item, T0);
                } catch (RuntimeException e) {
                    stalls++;
                }
                slowest = Math.max(slowest, System.nanoTime() - t);
                bySize.merge(payload.length > 1_000_000 ? ">1MB" : payload.length > 100_000 ? ">100KB" : "small",
                        System.nanoTime() - t, Long::sum);
                if (i % 500 == 499 || i == items - 1) {
                    repartition.readRecordsToList();
                    articles.readValuesToList().forEach(a -> published.add(a.getRaw().getItemId()));
                    rejections.readValuesToList().forEach(r -> {
                        rejected.add(r.getRaw().getItemId());
                        reasons.merge(r.getStage() + "/" + r.getReason(), 1, Integer::sum);
                    });
                }
            }
            // embargoes a mutation may have produced: let every one come due
            driver.advanceWallClockTime(Duration.ofDays(366 * 200));
            articles.readValuesToList().forEach(a -> published.add(a.getRaw().getItemId()));
        }
        Set<String> accounted = new HashSet<>(published);
        accounted.addAll(rejected);
        System.out.printf("fuzz seed=%d items=%d published=%d rejected=%d both=%d unaccounted=%d stalls=%d seconds=%d slowest item ms=%d%nrejections by stage/reason: %s%nnanoseconds by payload size: %s%n",
                seed, items, published.size(), rejected.size(), published.size() + rejected.size() - accounted.size(),
                items - accounted.size(), stalls, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Duration.ofNanos(slowest).toMillis(), reasons, bySize);

        assertThat(stalls).as("items that stopped the topology").isZero();
        assertThat(accounted).as("every item published or rejected").hasSize(items);
        assertThat(published).as("the mutations leave some items readable").isNotEmpty();
        assertThat(rejected).as("and make some unreadable").isNotEmpty();
    }

    record Seed(String contentType, String text) {}

    /** Items written for this test, one per format the normaliser reads. */
    static final List<Seed> SEEDS = List.of(
            new Seed("application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <nitf><head><title>Harbour ferry adds a night crossing</title>
                    <docdata><doc-id id-string="FZ-NITF-1"/><date.issue norm="20260301T080000+0000"/><du-key version="1" key="ferry"/></docdata>
                    </head><body><body.head><hedline><hl1>Harbour ferry adds a night crossing</hl1></hedline></body.head>
                    <body.content><p>The harbour ferry will run a crossing at midnight from April, the operator said.</p>
                    <p>Tickets cost the same as by day.</p></body.content></body></nitf>
                    """),
            new Seed("application/vnd.iptc.g2.newsitem+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:fuzz.example:2026:orchard" version="1" standard="NewsML-G2" standardversion="2.33">
                    <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:FUZZ"/><versionCreated>2026-03-01T09:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                    <contentMeta><headline>Orchard growers expect an early blossom</headline><language tag="en"/></contentMeta>
                    <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                    <p>Growers in the valley said warm weeks had brought the blossom forward by ten days.</p></body></html></inlineXML></contentSet>
                    </newsItem>
                    """),
            new Seed("application/json", """
                    {"uri": "https://fuzz.example/stories/library-hours", "version": "1", "type": "text",
                     "versioncreated": "2026-03-01T07:00:00Z", "pubstatus": "usable", "language": "en",
                     "headlines": [{"role": "main", "value": "City library extends its weekend hours"}],
                     "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>The central library will open on Sunday afternoons from May.</p>"}]}
                    """),
            new Seed("text/plain", "\u0001ZCZC FZX0001 3 GEN 120\r\n\u0002Rowing club wins its first regional title\r\n"
                    + "RIVERTON, March 1 (Fuzz) - The Riverton rowing club won the regional eights on Sunday\r\n"
                    + "for the first time in its history.\r\n\u0003NNNN\r\n"),
            new Seed("text/plain", """
                    Bakery chain opens its fortieth shop

                    The bakery chain opened its fortieth shop on Saturday and said it would hire sixty people this year.
                    """),
            new Seed("application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Fuzz Wire</title><link>https://fuzz.example/</link><description>d</description>
                    <item><title>Mountain road reopens after rockfall</title><link>https://fuzz.example/road</link>
                    <guid isPermaLink="false">fuzz-rss-1</guid><pubDate>Sun, 01 Mar 2026 11:00:00 GMT</pubDate>
                    <description>The mountain road reopened on Sunday after crews cleared a rockfall that had closed it for a week.</description></item>
                    </channel></rss>
                    """));

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(12);
        switch (kind) {
            case 0 -> { } // the seed as written: the readable baseline
            case 1 -> { // flip a few bytes
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length)); // truncate
            case 3 -> b = insert(b, random.nextInt(b.length), randomBytes(random, 1 + random.nextInt(64))); // insert noise
            case 4 -> b = cut(b, random); // cut a slice out
            case 5 -> b = nest(b, random); // 100,000 deep
            case 6 -> b = blowUp(b, random); // sizes far beyond a story
            case 7 -> b = hugeId(b, random); // a 70,000-character id
            case 8 -> b = insert(b, random.nextInt(b.length), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}); // invalid UTF-8
            case 9 -> b = entities(b, random); // XXE and billion laughs
            case 10 -> { // several mutations at once
                for (int n = 2 + random.nextInt(3); n > 0 && b.length > 1; n--) {
                    b = mutate(b, random);
                }
            }
            default -> b = splice(b, SEEDS.get(random.nextInt(SEEDS.size())).text().getBytes(StandardCharsets.UTF_8), random);
        }
        return b.length == 0 ? new byte[] {' '} : b;
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] r = new byte[n];
        random.nextBytes(r);
        return r;
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    static byte[] cut(byte[] b, Random random) {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(64));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, from);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    static byte[] nest(byte[] b, Random random) {
        int depth = random.nextBoolean() ? 100_000 : 1 + random.nextInt(2_000);
        String text = new String(b, StandardCharsets.UTF_8);
        String open;
        String close;
        if (text.trim().startsWith("{")) {
            open = "{\"a\":[".repeat(depth);
            close = "]}".repeat(depth);
            int at = text.indexOf("\"bodies\"");
            return (at < 0 ? open + close : text.substring(0, at) + "\"deep\": " + open + "1" + close + ", " + text.substring(at))
                    .getBytes(StandardCharsets.UTF_8);
        }
        open = "<d>".repeat(depth);
        close = "</d>".repeat(depth);
        int at = Math.max(0, text.lastIndexOf('<'));
        return (text.substring(0, at) + open + close + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] blowUp(byte[] b, Random random) {
        // mostly up to 300 KB; now and then past a megabyte, as in issue 13
        int target = random.nextInt(20) == 0 ? 1_500_000 : 10_000 + random.nextInt(300_000);
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(80));
        byte[] slice = java.util.Arrays.copyOfRange(b, from, from + len);
        ByteArrayOutputStream grown = new ByteArrayOutputStream(target + b.length);
        grown.write(b, 0, from);
        while (grown.size() < target) {
            grown.writeBytes(slice);
        }
        grown.write(b, from, b.length - from);
        return grown.toByteArray();
    }

    static byte[] hugeId(byte[] b, Random random) {
        String id = "id" + "7".repeat(70_000);
        String text = new String(b, StandardCharsets.UTF_8);
        // the first occurrence only: after a blow-up the id may repeat thousands of times, and 70 KB each fills the heap
        text = replaceOnce(text, "FZ-NITF-1", id);
        text = replaceOnce(text, "urn:newsml:fuzz.example:2026:orchard", "urn:" + id);
        text = replaceOnce(text, "https://fuzz.example/stories/library-hours", "https://fuzz.example/" + id);
        text = replaceOnce(text, "fuzz-rss-1", id);
        text = replaceOnce(text, "FZX0001", id);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        return at < 0 ? text : text.substring(0, at) + with + text.substring(at + what.length());
    }

    static byte[] entities(byte[] b, Random random) {
        String text = new String(b, StandardCharsets.UTF_8);
        String doctype = random.nextBoolean()
                ? "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                : "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                        + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>";
        String ref = doctype.contains("xxe") ? "&xxe;" : "&h;";
        int decl = text.indexOf("?>");
        String withDoctype = decl >= 0 ? text.substring(0, decl + 2) + doctype + text.substring(decl + 2) : doctype + text;
        int p = withDoctype.indexOf("</p>");
        if (p < 0) {
            p = withDoctype.indexOf("</title>");
        }
        return (p < 0 ? withDoctype : withDoctype.substring(0, p) + ref + withDoctype.substring(p)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] splice(byte[] a, byte[] other, Random random) {
        int at = random.nextInt(a.length);
        int from = random.nextInt(other.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(a, 0, at);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }
}

package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: every one becomes a refusal with a stage and a reason, never a crash or a fetch. */
class SafetyTest {

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <nitf><body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head></body></nitf>""";
        NormalisationException e = TestItems.refusal("ep", xxe);
        assertThat(e.stage()).isEqualTo("parse");
        assertThat(e.reason()).isEqualTo("xml-entity-refused");
        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY % ext SYSTEM "http://10.255.255.1/evil.dtd"> %ext;]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>""";
        assertThat(TestItems.refusal("ep", parameterEntity).reason()).isEqualTo("xml-entity-refused");
    }

    @Test
    void entityExpansionBombsAreRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n<!ENTITY a0 \"laugh\">\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<nitf><body><body.head><hedline><hl1>&a9;</hl1></hedline></body.head></body></nitf>");
        assertThat(TestItems.refusal("ep", bomb.toString()).reason()).isEqualTo("xml-entity-refused");
    }

    @Test
    void anExternalDtdIsNeitherFetchedNorNeeded() throws NormalisationException {
        String nitf = """
                <?xml version="1.0"?>
                <!DOCTYPE nitf SYSTEM "http://10.255.255.1/unreachable/nitf-3-3.dtd">
                <nitf><body><body.head><hedline><hl1>Harbour reopens</hl1></hedline></body.head>
                <body.content><p>The harbour reopened&nbsp;on Tuesday &mdash; a day early.</p></body.content></body></nitf>""";
        long start = System.nanoTime();
        Article a = TestItems.one("ep", nitf);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // HTML entities the NITF uses without a DTD still read as their characters
        assertThat(a.getBodyParagraphs()).containsExactly("The harbour reopened on Tuesday — a day early.");
    }

    @Test
    void deepOrHugeJsonIsRefused() {
        String deep = "{\"uri\":\"urn:x\",\"headline\":\"h\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThat(TestItems.refusal("ep", deep).reason()).isEqualTo("json-too-deep");
        NormaliserLimits small = new NormaliserLimits(16 * 1024 * 1024, 1000, 1000, 64, 1000, Duration.ofSeconds(10), SourceDefaults.none());
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, small)) {
            String huge = "{\"uri\":\"urn:x\",\"headline\":\"" + "a".repeat(5000) + "\"}";
            NormalisationException e = TestItems.refusal(n, TestItems.raw("ep", huge.getBytes(StandardCharsets.UTF_8)));
            assertThat(e.reason()).isEqualTo("json-too-large");
        }
    }

    @Test
    void payloadSizeIsBounded() {
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, NormaliserLimits.defaults().withMaxPayloadBytes(1024))) {
            NormalisationException e = TestItems.refusal(n, TestItems.raw("ep", new byte[4096]));
            assertThat(e.stage()).isEqualTo("detect");
            assertThat(e.reason()).isEqualTo("too-large");
        }
    }

    @Test
    void eachPayloadHasABoundedTime() {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (int i = 0; i < 3000; i++) {
            rss.append("<item><guid>g").append(i).append("</guid><title>Story number ").append(i)
                    .append(" about the harbour</title><description>The harbour story number ").append(i)
                    .append(" has a body with a few words in it.</description></item>");
        }
        rss.append("</channel></rss>");
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK,
                NormaliserLimits.defaults().withTimePerItem(Duration.ofMillis(5)))) {
            long start = System.nanoTime();
            NormalisationException e = TestItems.refusal(n, TestItems.raw("ep", rss.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(e.reason()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void emptyBlankBinaryAndNonNewsPayloads() {
        assertThat(TestItems.refusal("ep", new byte[0]).reason()).isEqualTo("empty-payload");
        assertThat(TestItems.refusal("ep", "  \n\t ").reason()).isEqualTo("empty-payload");
        NormalisationException binary = TestItems.refusal("ep", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        assertThat(binary.stage()).isEqualTo("detect");
        assertThat(binary.reason()).isEqualTo("unknown-format");
        assertThat(TestItems.refusal("ep", "{\"temperature\": 21, \"unit\": \"C\"}").reason()).isEqualTo("unknown-format");
        assertThat(TestItems.refusal("ep", "<invoice><total>3</total></invoice>").getMessage()).contains("invoice");
    }

    @Test
    void aWrongHintDoesNotWinOverClearBytes() throws NormalisationException {
        String g2 = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:x:h\" version=\"1\">"
                + "<itemMeta><itemClass qcode=\"ninat:text\"/><versionCreated>2024-03-05T09:00:00Z</versionCreated></itemMeta>"
                + "<contentMeta><headline>Hinted wrongly</headline></contentMeta></newsItem>";
        List<Article> out = TestItems.normaliser().normalise(TestItems.raw("ep", g2.getBytes(StandardCharsets.UTF_8),
                "application/json", "ninjs"));
        assertThat(out.get(0).getSourceFormat()).isEqualTo("newsml-g2");
    }

    @Test
    void tooManyStoriesInOnePayload() {
        NormaliserLimits two = new NormaliserLimits(1 << 20, 2, 1000, 64, 1 << 20, Duration.ofSeconds(10), SourceDefaults.none());
        String rss = "<rss><channel>" + "<item><title>t</title><description>d d d</description></item>".repeat(3)
                + "</channel></rss>";
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, two)) {
            assertThat(TestItems.refusal(n, TestItems.raw("ep", rss.getBytes(StandardCharsets.UTF_8))).reason())
                    .isEqualTo("too-many-items");
        }
    }

    /** Whatever the bytes, the normaliser answers with articles or a refusal, never another exception. */
    @Property(tries = 300)
    void anyInputIsArticlesOrARefusal(@ForAll("payloads") String payload) {
        try {
            List<Article> out = TestItems.normaliser().normalise(TestItems.raw("fuzz", payload.getBytes(StandardCharsets.UTF_8)));
            assertThat(out).isNotEmpty().allSatisfy(a -> {
                assertThat(a.getHeadline()).isNotBlank();
                assertThat(a.getAgency()).isEqualTo("fuzz");
            });
        } catch (NormalisationException e) {
            assertThat(e.stage()).isIn("detect", "parse", "normalise");
            assertThat(e.reason()).isNotBlank().doesNotContain(" ");
        }
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> prefix = Arbitraries.of("", "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">",
                "<nitf><body><body.content><p>", "{\"uri\":\"u\",\"headline\":", "[{\"uri\":1,\"bodies\":[",
                "\u0016\u0016\u0001a1234\u001fx\n", "\u0001abc1 2 i 9\r\n\u0002", "<rss><channel><item><title>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "<html><body><article><p>",
                "LONDON (EP) - ", "<NewsML><NewsItem>");
        return net.jqwik.api.Combinators.combine(prefix, noise).as((p, n) -> p + n);
    }
}

package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, the normaliser's part: hostile input ends in a clear refusal or a sane article, never a
 * StackOverflowError, an OutOfMemoryError, another exception or a hang. The timeout only guards against a hang;
 * the normaliser's own time budget is far shorter.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final int DEEP = 100_000;

    /** Runs the payload; returns the refusal's reason, or "article" when it became sane articles. */
    private static String outcome(byte[] payload) {
        try {
            List<Article> out = TestItems.normaliser().normalise(TestItems.raw("hostile", payload));
            assertThat(out).isNotEmpty().allSatisfy(a -> assertThat(a.getHeadline()).isNotBlank());
            return "article";
        } catch (NormalisationException e) {
            assertThat(e.reason()).isNotBlank();
            return e.reason();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonNestedAHundredThousandDeepIsRefused() {
        String arrays = "{\"uri\":\"urn:x\",\"headline\":\"h\",\"x\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}";
        String objects = "{\"uri\":\"urn:x\",\"headline\":\"h\",\"x\":" + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP) + "}";
        String apJson = "{\"api_version\":\"2\",\"data\":{\"item\":" + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP) + "}}";
        assertThat(outcome(utf8(arrays))).isEqualTo("json-too-deep");
        assertThat(outcome(utf8(objects))).isEqualTo("json-too-deep");
        assertThat(outcome(utf8(apJson))).isIn("json-too-deep", "unknown-format");
    }

    @Test
    void xmlNestedAHundredThousandDeepIsRefusedOrReadSanely() {
        String nitf = "<nitf><head><title>Deep</title></head><body><body.content>" + "<div>".repeat(DEEP) + "<p>x</p>"
                + "</div>".repeat(DEEP) + "</body.content></body></nitf>";
        String g2 = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" version=\"1\"><itemMeta>"
                + "<itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>Deep</headline></contentMeta>"
                + "<contentSet><inlineXML>" + "<span>".repeat(DEEP) + "x" + "</span>".repeat(DEEP)
                + "</inlineXML></contentSet></newsItem>";
        String html = "<html><head><title>Deep page</title></head><body><article>" + "<div>".repeat(DEEP) + "<p>x</p>"
                + "</div>".repeat(DEEP) + "</article></body></html>";
        for (String payload : List.of(nitf, g2, html)) {
            assertThat(outcome(utf8(payload))).isIn("article", "too-complex", "malformed-xml", "timeout", "no-story-text",
                    "no-headline");
        }
    }

    @Test
    void externalEntitiesAndBillionLaughsAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <nitf><body><body.head><hedline><hl1>&secret;</hl1></hedline></body.head></body></nitf>""";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<nitf><body><body.head><hedline><hl1>&l10;</hl1></hedline></body.head></body></nitf>");
        assertThat(outcome(utf8(xxe))).isEqualTo("xml-entity-refused");
        assertThat(outcome(utf8(laughs.toString()))).isEqualTo("xml-entity-refused");
    }

    @Test
    void invalidUtf8IsReadSanely() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><body><body.head><hedline><hl1>Bad bytes "));
        b.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        b.writeBytes(utf8("</hl1></hedline></body.head><body.content><p>The harbour reopened on Tuesday.</p>"
                + "</body.content></body></nitf>"));
        assertThat(outcome(b.toByteArray())).isIn("article", "malformed-xml");
        ByteArrayOutputStream j = new ByteArrayOutputStream();
        j.writeBytes(utf8("{\"uri\":\"urn:bad\",\"type\":\"text\",\"headline\":\"Bad "));
        j.writeBytes(new byte[] {(byte) 0xC0, (byte) 0x80, (byte) 0xF8, (byte) 0x88});
        j.writeBytes(utf8("\",\"body_text\":\"The harbour reopened on Tuesday.\"}"));
        assertThat(outcome(j.toByteArray())).isIn("article", "malformed-json");
    }

    @Test
    void aWrongDeclaredCharsetIsReadSanely() {
        // declared UTF-16 but the bytes are UTF-8; declared latin-1 but the bytes are UTF-8; a charset that is no charset
        for (String decl : List.of("UTF-16", "ISO-8859-1", "x-no-such-charset", "UTF-32BE")) {
            String xml = "<?xml version=\"1.0\" encoding=\"" + decl + "\"?><nitf><body><body.head><hedline>"
                    + "<hl1>Café reopens</hl1></hedline></body.head><body.content><p>The café reopened on Tuesday.</p>"
                    + "</body.content></body></nitf>";
            assertThat(outcome(utf8(xml))).as(decl).isIn("article", "malformed-xml");
        }
    }
}

package io.wirestream.ingest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SniffingNewsClassifierTest {

    final SniffingNewsClassifier classifier = new SniffingNewsClassifier();

    Classification of(String body, String contentType) {
        return classifier.classify(body.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    @Test
    void recognisesXmlNewsFormatsByTheirRootElement() {
        assertThat(of("<?xml version=\"1.0\"?>\n<!-- wire -->\n<nitf><head><title>Storm</title></head></nitf>", "application/xml").format()).isEqualTo("nitf");
        assertThat(of("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\"/>", null).format()).isEqualTo("newsml-g2");
        assertThat(of("<rss version=\"2.0\"><channel/></rss>", "text/xml").format()).isEqualTo("rss");
        assertThat(of("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", null).format()).isEqualTo("atom");
    }

    @Test
    void refusesXmlThatIsNotNewsWithTheRootInTheReason() {
        Classification c = of("<invoice><total>3</total></invoice>", "application/xml");
        assertThat(c.verdict()).isEqualTo(Classification.Verdict.NOT_NEWS);
        assertThat(c.reason()).contains("<invoice>");
    }

    @Test
    void recognisesJsonNewsAndRefusesOtherJson() {
        assertThat(of("{\"uri\":\"urn:x\",\"headline\":\"Storm hits coast\",\"body_text\":\"...\"}", "application/json").format()).isEqualTo("ninjs");
        assertThat(of("{\"title\":\"Storm\",\"body\":\"Rain.\"}", null).isNews()).isTrue();
        assertThat(of("{\"price\": 3}", "application/json").verdict()).isEqualTo(Classification.Verdict.NOT_NEWS);
        assertThat(of("{\"headline\": ", "application/json").reason()).startsWith("malformed JSON");
        assertThat(of("[{\"headline\":\"a\"}]", "application/json").reason()).contains("batch");
    }

    @Test
    void recognisesAgencyControlCharacterFormats() {
        byte[] anpa = "\u0016\u0016\u0001a0123 r BC-Storm\u0002   Storm hits coast\u0003".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(classifier.classify(anpa, "application/octet-stream", null).format()).isEqualTo("anpa-1312");
        byte[] iptc = "\u0001ZCZC 123\u0002Storm text\u0003".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(classifier.classify(iptc, null, null).format()).isEqualTo("iptc-7901");
    }

    @Test
    void takesPlainWireTextButNotScraps() {
        assertThat(of("BERLIN (Wire) - A storm hit the northern coast on Tuesday, officials said.", "text/plain").format()).isEqualTo("text");
        assertThat(of("ok", "text/plain").verdict()).isEqualTo(Classification.Verdict.NOT_NEWS);
    }

    @Test
    void emptyBodiesAreNotNews() {
        assertThat(of("", null).reason()).contains("empty");
        assertThat(of("  \n\t ", null).verdict()).isEqualTo(Classification.Verdict.NOT_NEWS);
    }

    @Test
    void refusesImagesArchivesAndPdfAsUnsupportedMediaTypes() {
        assertThat(of("BERLIN (Wire) - text that would otherwise pass as news copy", "image/png").verdict())
                .isEqualTo(Classification.Verdict.UNSUPPORTED_MEDIA_TYPE);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertThat(classifier.classify(png, "application/xml", null).verdict()).isEqualTo(Classification.Verdict.UNSUPPORTED_MEDIA_TYPE);
        assertThat(of("%PDF-1.7 ...", null).reason()).contains("PDF");
    }

    @Test
    void binaryNoiseIsNotNews() {
        byte[] noise = new byte[256];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i * 37 + 11);
        }
        assertThat(classifier.classify(noise, null, null).isNews()).isFalse();
    }
}

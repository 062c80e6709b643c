package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireItemNormaliserTest {

    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    @Test
    void theAgencyComesFromTheRawItemNeverTheBody() throws NormalisationException {
        String g2 = "<newsItem xmlns=\"" + NAR + "\" guid=\"urn:x:a\" version=\"1\"><itemMeta><itemClass qcode=\"ninat:text\"/>"
                + "<provider literal=\"Some Other Agency\"/><versionCreated>2024-03-05T09:00:00Z</versionCreated></itemMeta>"
                + "<contentMeta><headline>Whose story</headline><creditline>Some Other Agency</creditline></contentMeta></newsItem>";
        Article a = TestItems.one("ep", g2);
        assertThat(a.getAgency()).isEqualTo("ep");
        assertThat(a.getRaw().getAgency()).isEqualTo("ep");
        assertThat(a.getUri()).startsWith("urn:wirestream:ep:");
        assertThat(a.getEntities()).isEmpty();
        assertThat(a.getDuplicates()).isNull();
        assertThat(a.getProcessedAt()).isNull();
    }

    @Test
    void ingestIdsAndVersionsFillWhatTheFormatLacks() throws NormalisationException {
        String nitf = "<nitf><body><body.head><hedline><hl1>No id in the bytes</hl1></hedline></body.head>"
                + "<body.content><p>The body says little.</p></body.content></body></nitf>";
        RawItem raw = RawItem.newBuilder(TestItems.raw("ep", nitf))
                .setSourceItemId("EP-778").setSourceVersion("5").build();
        Article a = TestItems.normaliser().normalise(raw).get(0);
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:EP-778");
        assertThat(a.getVersion()).isEqualTo(5);
        assertThat(a.getSourceIds()).extracting("scheme", "value")
                .contains(org.assertj.core.groups.Tuple.tuple("ingest-source-item-id", "EP-778"));
        // with no time anywhere, the receipt time stands in; the version then follows it
        assertThat(a.getVersioncreated()).isEqualTo(TestItems.RECEIVED);
        Article b = TestItems.one("ep", nitf);
        assertThat(b.getVersion()).isEqualTo(TestItems.RECEIVED.getEpochSecond());
    }

    @Test
    void wireHeadlinePrefixesBecomeSignals() throws NormalisationException {
        String ninjs = "{\"uri\":\"urn:x:p\",\"type\":\"text\",\"headline\":\"UPDATE 2-Harbour reopens after storm\","
                + "\"versioncreated\":\"2024-03-05T09:00:00Z\",\"body_text\":\"The harbour reopened.\"}";
        Article a = TestItems.one("ep", ninjs);
        assertThat(a.getHeadline()).isEqualTo("Harbour reopens after storm");
        assertThat(a.getSignals()).contains("update");
        assertThat(a.getHeadlines()).extracting(Headline::getRole, Headline::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("as-sent", "UPDATE 2-Harbour reopens after storm"));
        String kill = ninjs.replace("UPDATE 2-", "KILL: ");
        Article k = TestItems.one("ep", kill);
        assertThat(k.getSignals()).contains("kill");
        assertThat(k.getPubstatus().name()).isEqualTo("canceled");
    }

    @Test
    void editorsNotesAtTheTopAreAdviceNotStory() throws NormalisationException {
        String ninjs = "{\"uri\":\"urn:x:eds\",\"type\":\"text\",\"headline\":\"Budget plan\","
                + "\"versioncreated\":\"2024-03-05T09:00:00Z\",\"body_html\":\"<p>EMBARGOED until 00:01 GMT 6 March 2024</p>"
                + "<p>Eds: corrects spelling of minister's name.</p><p>The ministry published its plan.</p>\"}";
        Article a = TestItems.one("ep", ninjs);
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-06T00:01:00Z"));
        assertThat(a.getSignals()).contains("correction");
        assertThat(a.getBodyParagraphs()).containsExactly("The ministry published its plan.");
    }

    @Test
    void languageIsDetectedWhenAbsent() throws NormalisationException {
        String ninjs = "{\"uri\":\"urn:x:de\",\"type\":\"text\",\"headline\":\"Hafen wieder offen\","
                + "\"versioncreated\":\"2024-03-05T09:00:00Z\",\"body_text\":\"Der Hafen von Lissabon ist nach dem Sturm"
                + " wieder für Containerschiffe geöffnet worden, teilte die Hafenbehörde am Dienstag mit.\"}";
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("ep", ninjs));
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("de");
        assertThat(r.diagnostics().get(0).languageSource()).isEqualTo("detected");
    }

    @Test
    void everyArticleIsAValidAvroRecord() throws Exception {
        String ninjs = "{\"uri\":\"urn:x:avro\",\"type\":\"text\",\"headline\":\"Round trip\","
                + "\"versioncreated\":\"2024-03-05T09:00:00.123456Z\",\"body_html\":\"<p>Body.</p>\"}";
        Article a = TestItems.one("ep", ninjs);
        ByteBuffer encoded = Article.getEncoder().encode(a);
        Article back = Article.getDecoder().decode(encoded);
        assertThat(back).isEqualTo(a);
        assertThat(back.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:00:00.123Z"));
    }

    @Test
    void theNormaliserIsPure() throws NormalisationException {
        String ninjs = "{\"uri\":\"urn:x:same\",\"type\":\"text\",\"headline\":\"Same in, same out\","
                + "\"versioncreated\":\"2024-03-05T09:00:00Z\",\"body_text\":\"One paragraph.\"}";
        RawItem raw = RawItem.newBuilder().setItemId("r1").setAgency("ep").setReceivedAt(TestItems.RECEIVED)
                .setChannel(IngestChannel.FEED).setTransport(Map.of())
                .setPayload(ByteBuffer.wrap(ninjs.getBytes(StandardCharsets.UTF_8))).build();
        assertThat(TestItems.normaliser().normalise(raw)).isEqualTo(TestItems.normaliser().normalise(raw));
        assertThat(raw.getPayload().remaining()).isEqualTo(ninjs.length());
    }
}

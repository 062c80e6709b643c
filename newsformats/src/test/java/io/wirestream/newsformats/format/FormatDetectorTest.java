package io.wirestream.newsformats.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

    private final FormatDetector detector = new FormatDetector();

    private Detection detect(String s) {
        return detector.detect(s.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void emptyAndBlankPayloadsAreUnknownWithAReason() {
        assertThat(detector.detect(new byte[0], null, null))
                .satisfies(d -> {
                    assertThat(d.format()).isEqualTo(WireFormat.UNKNOWN);
                    assertThat(d.reason()).contains("empty");
                });
        assertThat(detector.detect(null, "text/plain", "web-text").format()).isEqualTo(WireFormat.UNKNOWN);
        assertThat(detect("   \n\t  ").reason()).contains("blank");
    }

    @Test
    void newsmlG2RootsInTheNarNamespace() {
        String item = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\"/>";
        Detection d = detect(item);
        assertThat(d.format()).isEqualTo(WireFormat.NEWSML_G2);
        assertThat(d.confidence()).isGreaterThan(0.95);
        assertThat(detect("<g2:newsMessage xmlns:g2=\"http://iptc.org/std/nar/2006-10-01/\"></g2:newsMessage>").format())
                .isEqualTo(WireFormat.NEWSML_G2);
        assertThat(detect("<catalog xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>").format()).isEqualTo(WireFormat.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<NewsML Version=\"1.2\"><NewsItem/></NewsML>|NEWSML_1",
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><!DOCTYPE nitf SYSTEM \"nitf.dtd\"><nitf><head/></nitf>|NITF",
        "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body/></nitf>|NITF",
        "<rss version=\"2.0\"><channel/></rss>|RSS",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>|ATOM",
        "<!DOCTYPE html><html><body><p>x</p></body></html>|WEB_HTML",
        "<div class=\"story\"><p>One.</p><p>Two.</p></div>|WEB_HTML",
        "<config><a/></config>|UNKNOWN",
    })
    void xmlFamiliesByRootElement(String payload, WireFormat expected) {
        assertThat(detect(payload).format()).isEqualTo(expected);
    }

    @Test
    void g2FragmentsWithoutANamespaceAreNotItems() {
        Detection d = detect("<groupSet root=\"G1\"><group id=\"G1\"><itemRef residref=\"x\"><title>t</title></itemRef></group></groupSet>");
        assertThat(d.format()).isEqualTo(WireFormat.UNKNOWN);
        assertThat(d.reason()).contains("fragment");
        assertThat(detect("<contentSet><inlineXML><nitf><body><p>x</p></body></nitf></inlineXML></contentSet>").format())
                .isEqualTo(WireFormat.UNKNOWN);
    }

    @Test
    void anpaAnd7901EnvelopesByControlCharacters() {
        String anpa = "\u0016\u0016\u0001a1234\u001fnews\nr s\u0013\u0011 BC-Slug   01-02 0300\n\u0002body\u0003";
        assertThat(detect(anpa).format()).isEqualTo(WireFormat.ANPA_1312);
        // the US stripped on the way: the sequence ends its line, the text has '^' header lines
        String noUs = "\u0001a1234\r\nr s\u0013\u0011 BC-Slug   01-02 0300\r\n\u0002^Headline<\r\n\tBody.\r\n\u0003";
        assertThat(detect(noUs).format()).isEqualTo(WireFormat.ANPA_1312);
        String iptc = "\u0001abc123 3 i 120  xyz 001\r\n\r\nslug/\r\n\u0002Headline =\r\n\r\n   Body.\r\n\u0003101010 GMT Jan 20\r\n";
        assertThat(detect(iptc).format()).isEqualTo(WireFormat.IPTC_7901);
    }

    @Test
    void a7901HeaderWithATwoLetterCategoryIsStillAHeader() {
        // German services write categories such as "pl" (politics) and "wi" (economy): one to three letters
        String iptc = "\u0001xyz042 4 pl 87 abcde XYZ 240115-99-000042\r\nslug/\r\n\u0002Headline =\r\n\r\n   Body.\r\n\u0003";
        Detection d = detect(iptc);
        assertThat(d.format()).isEqualTo(WireFormat.IPTC_7901);
        assertThat(d.reason()).startsWith("IPTC 7901 header");
    }

    @Test
    void jsonFamiliesByTheirKeys() {
        assertThat(detect("{\"uri\":\"urn:x\",\"type\":\"text\",\"headlines\":[]}").format()).isEqualTo(WireFormat.NINJS);
        assertThat(detect("{\"guid\":\"g\",\"headline\":\"h\",\"body_html\":\"<p>b</p>\"}").format()).isEqualTo(WireFormat.NINJS);
        assertThat(detect("{\"api_version\":\"1.1\",\"data\":{\"item\":{\"altids\":{\"itemid\":\"abc\"}}}}").format())
                .isEqualTo(WireFormat.AP_JSON);
        Detection schema = detect("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\"}");
        assertThat(schema.format()).isEqualTo(WireFormat.UNKNOWN);
        assertThat(schema.reason()).contains("JSON Schema");
        assertThat(detect("{\"temperature\": 21}").format()).isEqualTo(WireFormat.UNKNOWN);
        // a schema that describes ninjs items is a schema (its uri, headline... are under properties)
        assertThat(detect("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"id\":\"x\",\"type\":\"object\","
                + "\"title\":\"News in JSON\",\"properties\":{\"uri\":{\"type\":\"string\"}}}").format())
                .isEqualTo(WireFormat.UNKNOWN);
        assertThat(detect("{\"$schema\":\"x\",\"uri\":\"u\",\"type\":\"object\",\"definitions\":{},\"headline\":{}}").format())
                .isEqualTo(WireFormat.UNKNOWN);
        // an item may name the schema it follows: with a uri and item fields it is an item
        assertThat(detect("{\"$schema\":\"https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json\",\"uri\":\"urn:x\","
                + "\"headlines\":[{\"value\":\"h\"}],\"versionCreated\":\"2019-07-03T04:05:00Z\"}").format())
                .isEqualTo(WireFormat.NINJS);
        // a ninjs document that carries AP-style altids is still ninjs
        assertThat(detect("{\"$standard\":{\"name\":\"ninjs\"},\"uri\":\"u\",\"headline\":\"h\",\"altids\":{\"itemid\":\"i\"}}")
                .format()).isEqualTo(WireFormat.NINJS);
        assertThat(detect("{\"altids\":{\"itemid\":\"i\"},\"editorialpriority\":\"r\",\"headline\":\"h\"}").format())
                .isEqualTo(WireFormat.AP_JSON);
        assertThat(detect("{\"uri\":\"urn:e\",\"title\":\"Summit\",\"eventDetails\":{}}").format()).isEqualTo(WireFormat.NINJS);
    }

    @Test
    void aShortBriefNeedsADateline() {
        String brief = "Berlin (dpa) - Der Bundestag hat das Gesetz am Donnerstag mit breiter Mehrheit beschlossen.";
        assertThat(detect(brief).format()).isEqualTo(WireFormat.WEB_TEXT);
        String note = "The build needs Java 17 and Maven; run the tests before you push a change.";
        assertThat(detect(note).format()).isEqualTo(WireFormat.UNKNOWN);
        assertThat(detect("Berlin (dpa) - Gesetz beschlossen.").format()).isEqualTo(WireFormat.UNKNOWN);
    }

    @Test
    void plainTextNeedsANewsMarkerUnlessTheHintSaysWebText() {
        String words = " Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"
                + " et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut"
                + " aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse.";
        String news = "12:30 GMT 03 March 2022\n\nLISBON (Example News) - The harbour reopened on Tuesday." + words;
        assertThat(detect(news).format()).isEqualTo(WireFormat.WEB_TEXT);
        assertThat(detect(words).format()).isEqualTo(WireFormat.UNKNOWN);
        assertThat(detector.detect(words.getBytes(StandardCharsets.UTF_8), "text/plain", null).format())
                .isEqualTo(WireFormat.WEB_TEXT);
    }

    @Test
    void aWrongHintNeverBeatsClearBytes() {
        byte[] g2 = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>".getBytes(StandardCharsets.UTF_8);
        Detection d = detector.detect(g2, "application/json", "ninjs");
        assertThat(d.format()).isEqualTo(WireFormat.NEWSML_G2);
        assertThat(d.reason()).contains("hint ninjs ignored");
    }

    @Test
    void binaryIsUnknown() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        assertThat(detector.detect(jpeg, "image/jpeg", null).reason()).contains("JPEG");
    }

    @Test
    void hintsAndContentTypesAreReadLoosely() {
        assertThat(WireFormat.fromHint("NewsML-G2")).isEqualTo(WireFormat.NEWSML_G2);
        assertThat(WireFormat.fromHint("IPTC_7901")).isEqualTo(WireFormat.IPTC_7901);
        assertThat(WireFormat.fromHint("anpa")).isEqualTo(WireFormat.ANPA_1312);
        assertThat(WireFormat.fromHint("nonsense")).isNull();
        assertThat(WireFormat.fromContentType("application/vnd.iptc.g2.newsitem+xml; charset=utf-8"))
                .isEqualTo(WireFormat.NEWSML_G2);
        assertThat(WireFormat.fromContentType("application/json")).isNull();
    }

    @Test
    void ritzauItemsAndTheirQueueAnswer() {
        Detection item = detect("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<RBNews xmlns=\"http://tempuri.org/\">"
                + "<NewsID>1</NewsID><headline>Havnen åbner</headline></RBNews>");
        assertThat(item.format()).isEqualTo(WireFormat.RITZAU_XML);
        assertThat(item.reason()).contains("RBNews");
        Detection queue = detect("<XMLNewsQueuedResponse><error>0</error><errormsg/><news>"
                + "<RBNews><NewsID>1</NewsID></RBNews><RBNews><NewsID>2</NewsID></RBNews></news></XMLNewsQueuedResponse>");
        assertThat(queue.format()).isEqualTo(WireFormat.RITZAU_XML);
        assertThat(queue.reason()).contains("holding <RBNews> items");
        assertThat(WireFormat.fromHint("ritzau")).isEqualTo(WireFormat.RITZAU_XML);
    }

    @Test
    void aNinjsListWrapperIsNinjsButOtherPagedJsonIsNot() {
        Detection list = detect("{\"total\":2,\"limit\":10,\"offset\":0,\"item\":[{\"uri\":\"urn:a\",\"type\":\"story\","
                + "\"headline\":\"One\",\"body_text\":\"x\"},{\"uri\":\"urn:b\",\"headline\":\"Two\"}]}");
        assertThat(list.format()).isEqualTo(WireFormat.NINJS);
        assertThat(list.reason()).contains("list wrapper");
        // paging around objects that are not news, and an AP envelope, keep their own answers
        assertThat(detect("{\"total\":1,\"limit\":10,\"offset\":0,\"item\":[{\"sku\":\"A1\",\"price\":3}]}").format())
                .isEqualTo(WireFormat.UNKNOWN);
        assertThat(detect("{\"api_version\":\"2\",\"total\":1,\"data\":{\"item\":{\"altids\":{\"itemid\":\"i\"}}}}").format())
                .isEqualTo(WireFormat.AP_JSON);
    }

    @Test
    void anRfc822MessageIsEmail() {
        Detection mail = detect("""
                Return-Path: <desk@example.org>
                From: Marta Quillen <marta@example.org>
                To: newsdesk@example.net
                Subject: Harbour reopens
                Date: Tue, 4 Jun 2024 09:30:00 +0200
                Message-ID: <a1b2@example.org>
                Content-Type: text/plain; charset=utf-8

                The harbour reopened on Tuesday.
                """);
        assertThat(mail.format()).isEqualTo(WireFormat.EMAIL);
        assertThat(mail.confidence()).isGreaterThanOrEqualTo(0.8);
        assertThat(detect("From jane@example.org Tue Jun  4 09:30:00 2024\nFrom: jane@example.org\nSubject: x\n\nBody\n")
                .format()).isEqualTo(WireFormat.EMAIL);
        assertThat(WireFormat.fromContentType("message/rfc822")).isEqualTo(WireFormat.EMAIL);
    }

    @Test
    void storiesThatOpenWithAFieldLikeLineAreNotMail() {
        String words = " The harbour authority said on Tuesday that the ferry service would resume within the week after"
                + " repairs to the northern quay were finished ahead of schedule, and that fares would stay the same for"
                + " the summer. Islanders had waited three weeks for the crossing to reopen.";
        // a story with "Subject:" and "Date:" lines but no field only mail carries
        Detection story = detect("Subject: ferry\nDate: 4 June 2024\n\nLISBON (Example News) - The harbour reopened."
                + words);
        assertThat(story.format()).isEqualTo(WireFormat.WEB_TEXT);
        // header-like lines without the blank line that ends a header block
        assertThat(detect("From: the desk\nSubject: ferry\nLISBON (Example News) - The harbour reopened." + words)
                .format()).isEqualTo(WireFormat.WEB_TEXT);
        // a mail hint does not turn prose into a message, nor a message hint make web text of one
        assertThat(detector.detect(words.getBytes(StandardCharsets.UTF_8), "message/rfc822", null).format())
                .isEqualTo(WireFormat.UNKNOWN);
    }
}

package io.wirestream.enrich.normalise.editorial;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format, every editorial state: an item written for this test in each format as usable, embargoed with a
 * readable time, embargoed with a time that cannot be read, withheld, killed and corrected, through the whole
 * normaliser. Each format uses its own explicit marker (a field where the format has one, the agency convention
 * where it has none); see the table in the module README.
 */
public class EditorialStateMatrixTest {

    public enum State { USABLE, EMBARGOED, EMBARGO_UNREADABLE, WITHHELD, KILLED, CORRECTED }

    /** One format: its item for a state, and the embargo instant a readable embargo in it means. */
    record Format(String name, Function<State, String> item, Instant embargoEnd) {}

    /** Tuesday 5 March 2024 09:30 UTC; "0001 GMT Thursday" after it is 7 March 00:01 UTC. */
    static final String ITEM_TIME = "2024-03-05T09:30:00Z";
    static final Instant THURSDAY = Instant.parse("2024-03-07T00:01:00Z");
    static final String FREE_TEXT_EMBARGO = "EMBARGOED until 0001 GMT Thursday";
    static final String VAGUE_EMBARGO = "EMBARGOED until further notice";

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Format f : formats()) {
            for (State s : State.values()) {
                out.add(Arguments.of(f.name(), s, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void eachFormatMapsEachStateIntoTheOneModel(String format, State state, Format f) throws NormalisationException {
        Article a = TestItems.one("ep", f.item().apply(state));
        assertThat(a.getSourceFormat()).as("detected format").isEqualTo(format);
        List<String> signals = a.getSignals();
        switch (state) {
            case USABLE -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
                assertThat(a.getEmbargoed()).isNull();
                assertThat(signals).doesNotContain("kill", "hold", "correction", "embargo-unreadable");
            }
            case EMBARGOED -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
                assertThat(a.getEmbargoed()).isEqualTo(f.embargoEnd());
                assertThat(signals).doesNotContain("kill", "embargo-unreadable");
            }
            case EMBARGO_UNREADABLE -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
                assertThat(signals).contains("hold", "embargo-unreadable").doesNotContain("kill");
            }
            case WITHHELD -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
                assertThat(signals).contains("hold").doesNotContain("kill", "embargo-unreadable");
            }
            case KILLED -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.canceled);
                assertThat(signals).contains("kill");
            }
            case CORRECTED -> {
                assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
                assertThat(signals).contains("correction").doesNotContain("kill", "hold");
            }
        }
    }

    static List<Format> formats() {
        return List.of(
                new Format("newsml-g2", EditorialStateMatrixTest::g2, THURSDAY),
                new Format("newsml-1", EditorialStateMatrixTest::newsMl1, THURSDAY),
                new Format("nitf", EditorialStateMatrixTest::nitf, THURSDAY),
                new Format("anpa-1312", EditorialStateMatrixTest::anpa, Instant.parse("2024-03-07T00:01:00Z")),
                new Format("iptc-7901", EditorialStateMatrixTest::iptc7901, Instant.parse("2024-03-07T00:01:00Z")),
                new Format("ninjs", EditorialStateMatrixTest::ninjs, THURSDAY),
                new Format("ap-json", EditorialStateMatrixTest::apJson, THURSDAY),
                new Format("rss", EditorialStateMatrixTest::rss, THURSDAY),
                new Format("atom", EditorialStateMatrixTest::atom, THURSDAY),
                new Format("web-text", EditorialStateMatrixTest::webText, THURSDAY));
    }

    // ---- NewsML-G2: pubStatus, embargoed, signal, edNote (IPTC NewsML-G2 itemMeta)
    public static String g2(State s) {
        String status = switch (s) {
            case WITHHELD -> "stat:withheld";
            case KILLED -> "stat:canceled";
            default -> "stat:usable";
        };
        String extra = switch (s) {
            case EMBARGOED -> "<embargoed>2024-03-07T00:01:00Z</embargoed>";
            case EMBARGO_UNREADABLE -> "<edNote>" + VAGUE_EMBARGO + "</edNote>";
            case CORRECTED -> "<signal qcode=\"sig:correction\"/>";
            default -> "";
        };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20240305:quay" version="2"
                  standard="NewsML-G2" standardversion="2.29" xml:lang="en">
                 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example Press"/>
                  <versionCreated>%s</versionCreated><pubStatus qcode="%s"/>%s</itemMeta>
                 <contentMeta><headline>Quay wall repaired in Lisbon</headline></contentMeta>
                 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                  <p>Engineers finished repairs to the quay wall on Tuesday, the port authority said.</p>
                 </body></html></inlineXML></contentSet>
                </newsItem>""".formatted(ITEM_TIME, status, extra);
    }

    // ---- NewsML 1.2: NewsManagement Status, StatusWillChange, Instruction
    static String newsMl1(State s) {
        String status = switch (s) {
            case EMBARGOED, EMBARGO_UNREADABLE -> "Embargoed";
            case WITHHELD -> "Withheld";
            case KILLED -> "Canceled";
            default -> "Usable";
        };
        String extra = switch (s) {
            case EMBARGOED -> "<StatusWillChange><FutureStatus FormalName=\"Usable\"/>"
                    + "<DateAndTime>20240307T000100Z</DateAndTime></StatusWillChange>";
            case CORRECTED -> "<Instruction FormalName=\"Correction\"/>";
            default -> "";
        };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <NewsML Version="1.2"><NewsEnvelope><DateAndTime>20240305T093000Z</DateAndTime></NewsEnvelope>
                 <NewsItem xml:lang="en">
                  <Identification><NewsIdentifier><ProviderId>example.org</ProviderId><DateId>20240305</DateId>
                   <NewsItemId>QUAY-1</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>
                  <NewsManagement><NewsItemType FormalName="News"/><ThisRevisionCreated>20240305T093000Z</ThisRevisionCreated>
                   <Status FormalName="%s"/>%s</NewsManagement>
                  <NewsComponent><NewsLines><HeadLine>Quay wall repaired in Lisbon</HeadLine></NewsLines>
                   <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="text/plain"/>
                    <DataContent>Engineers finished repairs to the quay wall on Tuesday, the port authority said.</DataContent>
                   </ContentItem></NewsComponent>
                 </NewsItem></NewsML>""".formatted(status, extra);
    }

    // ---- NITF 3.x: docdata management-status, ed-msg, correction
    static String nitf(State s) {
        String status = switch (s) {
            case EMBARGOED, EMBARGO_UNREADABLE -> "embargoed";
            case WITHHELD -> "withheld";
            case KILLED -> "canceled";
            default -> "usable";
        };
        String extra = switch (s) {
            case EMBARGOED -> "<ed-msg info=\"" + FREE_TEXT_EMBARGO + "\"/>";
            case EMBARGO_UNREADABLE -> "<ed-msg info=\"" + VAGUE_EMBARGO + "\"/>";
            case CORRECTED -> "<correction info=\"Corrects the name of the port authority.\" id-string=\"QUAY-1\"/>";
            default -> "";
        };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <nitf version="-//IPTC//DTD NITF 3.4//EN"><head><title>Quay wall repaired</title>
                  <docdata management-status="%s"><doc-id id-string="QUAY-1"/><date.issue norm="20240305T093000Z"/>%s</docdata>
                 </head>
                 <body><body.head><hedline><hl1>Quay wall repaired in Lisbon</hl1></hedline></body.head>
                  <body.content><p>Engineers finished repairs to the quay wall on Tuesday, the port authority said.</p></body.content>
                 </body></nitf>""".formatted(status, extra);
    }

    // ---- ANPA-1312: take key on the keyword line (AP: Kill, Correction), editors' notes, embargo header lines
    static String anpa(State s) {
        String take = switch (s) {
            case KILLED -> "Kill";
            case CORRECTED -> "Correction";
            default -> "";
        };
        String note = switch (s) {
            case EMBARGOED -> "^" + FREE_TEXT_EMBARGO + "<\n";
            case EMBARGO_UNREADABLE -> "^" + VAGUE_EMBARGO + "<\n";
            case WITHHELD -> "^Eds: HOLD this story until further notice.<\n";
            default -> "";
        };
        // the trailer dates the item Tuesday 5 March 2024 09:30 GMT
        return ctl("""
                <SYN><SYN><SOH>a0421<US>wire
                u f<DC3><DC1> BC-Quay-Wall%s      03-05 0120
                <STX>^BC-Quay-Wall%s,0112<
                ^Quay wall repaired in Lisbon<
                %s<TAB>   LISBON, Portugal (EP) _ Engineers finished repairs to the quay wall on Tuesday, the port authority said.
                <TAB>   Ships will berth there again from next week.
                <TAB>   <ETX>EP-WS-03-05-24 0930GMT<
                <EOT>""".formatted(take.isEmpty() ? "" : " " + take, take.isEmpty() ? "" : ", " + take, note));
    }

    // ---- IPTC 7901: no status field; editors' lines and capital markers (dpa STORNO, KORREKTUR) as agencies send
    static String iptc7901(State s) {
        String slug = s == State.KILLED ? "Portugal-ports/STORNO/" : s == State.CORRECTED ? "Portugal-ports/KORREKTUR/"
                : "Portugal-ports/";
        String note = switch (s) {
            case EMBARGOED -> FREE_TEXT_EMBARGO + "\n\n";
            case EMBARGO_UNREADABLE -> VAGUE_EMBARGO + "\n\n";
            case WITHHELD -> "Eds: HOLD this story until further notice.\n\n";
            default -> "";
        };
        // the trailer dates the item 5 March 2024 09:30 GMT
        return ctl(("""
                <SOH>xyz201 2 i 90  abc 011

                %s
                <STX>Quay wall repaired in Lisbon =

                %s   Lisbon (EP) - Engineers finished repairs to the quay wall on
                Tuesday, the port authority said.

                <ETX>050930 GMT Mar 24
                <DEL>
                <EOT>""").formatted(slug, note).replace("\n", "\r\n"));
    }

    // ---- ninjs: pubstatus, embargoed, ednote
    static String ninjs(State s) {
        String status = switch (s) {
            case WITHHELD -> "withheld";
            case KILLED -> "canceled";
            default -> "usable";
        };
        String extra = switch (s) {
            case EMBARGOED -> ", \"embargoed\": \"2024-03-07T00:01:00Z\"";
            case EMBARGO_UNREADABLE -> ", \"ednote\": \"" + VAGUE_EMBARGO + "\"";
            case CORRECTED -> ", \"ednote\": \"Corrects the name of the port authority.\"";
            default -> ", \"ednote\": \"Updates with senator's withdrawal from committee post\"";
        };
        return """
                {"uri": "http://example.org/items/quay-1", "type": "text", "version": "2", "versioncreated": "%s",
                 "pubstatus": "%s", "language": "en", "headline": "Quay wall repaired in Lisbon",
                 "body_text": "Engineers finished repairs to the quay wall on Tuesday, the port authority said."%s}"""
                .formatted(ITEM_TIME, status, extra);
    }

    // ---- AP Media API JSON: pubstatus, embargoed, ednote ("Eds: Corrects ...")
    static String apJson(State s) {
        String status = switch (s) {
            case WITHHELD -> "withheld";
            case KILLED -> "canceled";
            default -> "usable";
        };
        String extra = switch (s) {
            case EMBARGOED -> ", \"embargoed\": \"2024-03-07T00:01:00Z\"";
            case EMBARGO_UNREADABLE -> ", \"ednote\": \"Eds: " + VAGUE_EMBARGO + "\"";
            case CORRECTED -> ", \"ednote\": \"Eds: Corrects the name of the port authority.\"";
            default -> ", \"ednote\": \"Eds: Moves on general news wires.\"";
        };
        return """
                {"api_version": "2", "data": {"item": {
                  "uri": "https://api.example.org/content/q1", "altids": {"itemid": "q1"}, "version": 1, "type": "text",
                  "language": "en", "versioncreated": "%s", "pubstatus": "%s", "headline": "Quay wall repaired in Lisbon",
                  "body_nitf": "<nitf><body><body.content><p>Engineers finished repairs to the quay wall on Tuesday.</p></body.content></body></nitf>"%s
                }}}""".formatted(ITEM_TIME, status, extra);
    }

    /** Feeds and web copy carry no editorial fields: agencies put the desk's line above the story and a prefix on the headline. */
    static String deskLine(State s) {
        return switch (s) {
            case EMBARGOED -> "Eds: " + FREE_TEXT_EMBARGO;
            case EMBARGO_UNREADABLE -> "Eds: " + VAGUE_EMBARGO;
            case WITHHELD -> "Eds: HOLD this story until further notice.";
            case CORRECTED -> "Eds: Corrects the name of the port authority.";
            default -> null;
        };
    }

    static String headline(State s) {
        return (s == State.KILLED ? "KILL: " : "") + "Quay wall repaired in Lisbon";
    }

    // ---- RSS 2.0
    static String rss(State s) {
        String desk = deskLine(s) == null ? "" : "<p>" + deskLine(s) + "</p>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example</title>
                 <item><title>%s</title><guid isPermaLink="false">quay-1</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
                  <content:encoded><![CDATA[%s<p>Engineers finished repairs to the quay wall on Tuesday, the port authority said.</p>]]></content:encoded>
                 </item></channel></rss>""".formatted(headline(s), desk);
    }

    // ---- Atom
    static String atom(State s) {
        String desk = deskLine(s) == null ? "" : "<p>" + deskLine(s) + "</p>";
        return """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Example wire</title>
                 <entry><id>tag:example.org,2024:quay-1</id><title>%s</title><updated>%s</updated>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s<p>Engineers finished repairs to the quay wall on Tuesday, the port authority said.</p></div></content>
                 </entry></feed>""".formatted(headline(s), ITEM_TIME, desk);
    }

    // ---- web copy (scraped text)
    public static String webText(State s) {
        // a page has no headline prefix convention: a kill is the desk line above the story
        String line = s == State.KILLED ? "Eds: KILL this story. It was sent in error." : deskLine(s);
        String desk = line == null ? "" : line + "\n\n";
        return """
                09:30 GMT05 March 2024

                %s

                %sLISBON (Example News) - Engineers finished repairs to the quay wall on Tuesday, the port authority said.

                Ships will berth there again from next week, the authority added. The repairs took three weeks and cost
                less than planned, according to the city council, which paid for half of the work.

                Harbour pilots said the new wall would let larger container ships use the eastern berths in winter.
                """.formatted("Quay wall repaired in Lisbon", desk);
    }
}

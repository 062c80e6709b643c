package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.nio.charset.Charset;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NitfParserTest {

    /** An invented NITF 3.3 story, declared and encoded as latin-1, with a DOCTYPE naming an external DTD. */
    static final String NITF_33 = """
            <?xml version="1.0" encoding="iso-8859-1"?>
            <!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">
            <nitf version="-//IPTC//DTD NITF 3.3//EN">
             <head>
              <title>Rail strike</title>
              <meta name="anpa-category" content="f"/>
              <tobject tobject.type="News"><tobject.subject tobject.subject.refnum="04000000" tobject.subject.type="Economy"/></tobject>
              <docdata management-status="usable">
               <doc-id id-string="EX.2024.0042"/>
               <urgency ed-urg="3"/>
               <date.issue norm="20240305T081500+0100"/>
               <date.release norm="20240305T120000+0100"/>
               <doc.copyright year="2024" holder="Example Press"/>
               <key-list><keyword key="rail"/><keyword key="strike"/></key-list>
              </docdata>
             </head>
             <body>
              <body.head>
               <hedline><hl1>Rail workers walk out over pay</hl1><hl2>Commuters face second day of disruption</hl2></hedline>
               <byline>By Jonas Ekberg<byttl>Transport Correspondent</byttl></byline>
               <dateline><location><city>Malmö</city></location></dateline>
               <abstract><p>Trains across the south stood still.</p></abstract>
              </body.head>
              <body.content>
               <p>MALMÖ (EP) - Rail workers across southern Sweden walked out on Tuesday, <br/>halting commuter services
               for the second time this month.</p>
               <p>The union said talks had broken&nbsp;down over a pay offer it called <person>inadequate</person>.</p>
               <hl2>Talks to resume</hl2>
               <p>Mediators hope to bring both sides back to the table on Friday.</p>
               <p>ends</p>
              </body.content>
              <body.end><tagline>Example Press, Stockholm bureau</tagline></body.end>
             </body>
            </nitf>
            """;

    @Test
    void readsHeadAndBody() throws NormalisationException {
        Article a = TestItems.one("ep", NITF_33.getBytes(Charset.forName("ISO-8859-1")));
        assertThat(a.getSourceFormat()).isEqualTo("nitf");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:EX.2024.0042");
        assertThat(a.getHeadline()).isEqualTo("Rail workers walk out over pay");
        assertThat(a.getHeadlines()).extracting(Headline::getRole, Headline::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("sub", "Commuters face second day of disruption"));
        assertThat(a.getByline()).isEqualTo("Jonas Ekberg");
        assertThat(a.getDescription()).isEqualTo("Trains across the south stood still.");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T07:15:00Z"));
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-05T11:00:00Z"));
        assertThat(a.getUrgency()).isEqualTo(3);
        assertThat(a.getCopyrightnotice()).isEqualTo("Copyright 2024 Example Press");
        assertThat(a.getKeywords()).containsExactly("rail", "strike");
        assertThat(a.getTagline()).isEqualTo("Example Press, Stockholm bureau");
        assertThat(a.getLocated()).isEqualTo("MALMÖ");
        assertThat(a.getDatelineSource()).isEqualTo("EP");
        assertThat(a.getSubjects()).extracting(Subject::getCode)
                .containsExactly("anpa-category:f", "subj:04000000", "medtop:04000000");
        // the <br/> was a hard wrap; the sign-off line is gone; the subhead is kept
        assertThat(a.getBodyParagraphs()).containsExactly(
                "Rail workers across southern Sweden walked out on Tuesday, halting commuter services for the second"
                        + " time this month.",
                "The union said talks had broken down over a pay offer it called inadequate.",
                "Talks to resume",
                "Mediators hope to bring both sides back to the table on Friday.");
        assertThat(a.getBodyHtml()).contains("<h2>Talks to resume</h2>").doesNotContain("person");
        assertThat(a.getLanguage()).isEqualTo("en");
    }

    @Test
    void the2006NamespaceWithoutDocIdGetsAStableContentId() throws NormalisationException {
        String nitf = """
                <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
                 <head><docdata><date.issue norm="20240305T0815Z"/></docdata></head>
                 <body><body.head><hedline><hl1>Ferry service resumes on the northern route</hl1></hedline></body.head>
                  <body.content><block><p>The ferry company said the northern route would run again from Monday.</p></block></body.content>
                 </body>
                </nitf>""";
        Article a = TestItems.one("ep", nitf);
        Article b = TestItems.one("ep", nitf.replace("20240305T0815Z", "20240305T0915Z"));
        assertThat(a.getUri()).startsWith("urn:wirestream:ep:hash:").isEqualTo(b.getUri());
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T08:15:00Z"));
        assertThat(a.getBodyParagraphs()).containsExactly("The ferry company said the northern route would run again from Monday.");
    }

    @Test
    void malformedNitfIsRefusedWithWhere() {
        NormalisationException e = TestItems.refusal("ep", "<nitf><head><title>Broken</head></nitf>");
        assertThat(e.stage()).isEqualTo("parse");
        assertThat(e.reason()).isEqualTo("malformed-xml");
        assertThat(e.getMessage()).contains("line");
    }
}

package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.SourceId;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.enrich.normalise.model.TimeSource;
import java.time.Instant;
import java.time.ZoneId;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class NewsMlG2ParserTest {

    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    /** An invented G2 text item with inline XHTML. */
    static String textItem(String guid, String pubStatus, String signals, String versionCreated) {
        return """
                <newsItem xmlns="%s" guid="%s" version="3" standard="NewsML-G2" standardversion="2.29" xml:lang="en">
                 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
                 <rightsInfo><copyrightHolder literal="Example Press"/><copyrightNotice>(c) 2024 Example Press</copyrightNotice></rightsInfo>
                 <itemMeta>
                  <itemClass qcode="ninat:text"/>
                  <provider literal="Example Press"/>
                  <versionCreated>%s</versionCreated>
                  <firstCreated>2024-03-05T07:00:00Z</firstCreated>
                  <embargoed>2024-03-05T12:00:00Z</embargoed>
                  <pubStatus qcode="%s"/>
                  %s
                  <link rel="irel:seeAlso" href="https://example.org/harbour"><title>Harbour authority</title></link>
                 </itemMeta>
                 <contentMeta>
                  <urgency>2</urgency>
                  <located qcode="geo:lis"><name>Lisbon</name></located>
                  <by>Ana Prado</by>
                  <headline>Lisbon harbour reopens after storm</headline>
                  <headline role="hlrole:short">Harbour reopens</headline>
                  <description role="drol:summary">Container traffic resumed on Tuesday.</description>
                  <slugline>Portugal-harbour</slugline>
                  <keyword>ports</keyword><keyword>weather</keyword>
                  <subject type="cpnat:abstract" qcode="subj:04015000"><name>transport</name>
                   <sameAs qcode="medtop:20000349"><name>transport</name></sameAs></subject>
                  <language tag="en-GB"/>
                  <altId type="idType:internal">EP-0042</altId>
                  <creditline>Example Press</creditline>
                 </contentMeta>
                 <contentSet>
                  <inlineXML contenttype="application/xhtml+xml">
                   <html xmlns="http://www.w3.org/1999/xhtml"><head><title>ignored</title></head><body>
                    <p>LISBON (EP) - The port of Lisbon reopened on Tuesday after <a href="https://example.org/storm">storm damage</a> closed it for three days.</p>
                    <p>About forty ships had waited offshore.</p>
                   </body></html>
                  </inlineXML>
                 </contentSet>
                </newsItem>""".formatted(NAR, guid, versionCreated, pubStatus, signals);
    }

    @Test
    void readsATextItem() throws NormalisationException {
        Article a = TestItems.one("ep", textItem("urn:newsml:example.org:20240305:harbour", "stat:usable",
                "<signal qcode=\"sig:update\"/><signal qcode=\"sig:correction\"/><signal qcode=\"prod:web\"/>",
                "2024-03-05T09:30:00+01:00"));
        assertThat(a.getSourceFormat()).isEqualTo("newsml-g2");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:urn:newsml:example.org:20240305:harbour");
        assertThat(a.getVersion()).isEqualTo(3);
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T08:30:00Z"));
        assertThat(a.getFirstcreated()).isEqualTo(Instant.parse("2024-03-05T07:00:00Z"));
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-05T12:00:00Z"));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getSignals()).containsExactly("update", "correction");
        assertThat(a.getUrgency()).isEqualTo(2);
        assertThat(a.getLanguage()).isEqualTo("en-GB");
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getHeadline()).isEqualTo("Lisbon harbour reopens after storm");
        assertThat(a.getHeadlines()).extracting(Headline::getRole).containsExactly("main", "short");
        assertThat(a.getDescription()).isEqualTo("Container traffic resumed on Tuesday.");
        assertThat(a.getKeywords()).containsExactly("ports", "weather");
        assertThat(a.getTagline()).isEqualTo("Example Press");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) 2024 Example Press");
        assertThat(a.getDateline()).isEqualTo("LISBON (EP) -");
        assertThat(a.getLocated()).isEqualTo("LISBON");
        assertThat(a.getSubjects()).extracting(Subject::getCode, Subject::getOrigin).containsExactly(
                Tuple.tuple("subj:04015000", "source"), Tuple.tuple("medtop:20000349", "source"),
                Tuple.tuple("medtop:04000000", "mapped"));
        assertThat(a.getSourceIds()).extracting(SourceId::getScheme)
                .contains("g2:guid", "g2:provider", "g2:slugline", "idType:internal");
        assertThat(a.getRelated()).extracting(RelatedLink::getUri, RelatedLink::getTitle)
                .containsExactly(Tuple.tuple("https://example.org/harbour", "Harbour authority"));
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The port of Lisbon reopened on Tuesday after storm damage closed it for three days.",
                "About forty ships had waited offshore.");
        assertThat(a.getBodyHtml()).contains("<a href=\"https://example.org/storm\">storm damage</a>")
                .doesNotContain("LISBON (EP)").doesNotContain("ignored");
        assertThat(a.getAgency()).isEqualTo("ep");
        assertThat(a.getRaw().getItemId()).startsWith("receipt-");
        assertThat(a.getReceivedAt()).isEqualTo(TestItems.RECEIVED);
    }

    @Test
    void canceledIsAKill() throws NormalisationException {
        Article a = TestItems.one("ep", textItem("urn:x:1", "stat:canceled", "", "2024-03-05T09:30:00Z"));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.canceled);
        assertThat(a.getSignals()).contains("kill");
    }

    @Test
    void zonelessTimesAreReadInTheAgencysZone() throws NormalisationException {
        String item = textItem("urn:x:2", "stat:usable", "", "2024-03-05T09:30:00");
        NormalisationResult plain = TestItems.normaliser().normaliseDetailed(TestItems.raw("ep", item));
        assertThat(plain.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(plain.diagnostics().get(0).versionCreatedSource()).isEqualTo(TimeSource.ITEM_NO_ZONE);
        try (WireItemNormaliser helsinki = new WireItemNormaliser(TestItems.CLOCK,
                NormaliserLimits.defaults().withAgencyZone("EP", ZoneId.of("Europe/Helsinki")))) {
            Article a = helsinki.normalise(TestItems.raw("ep", item)).get(0);
            assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T07:30:00Z"));
        }
    }

    @Test
    void aNewsMessageGivesOneArticlePerTextItemAndSaysWhatItSkipped() throws NormalisationException {
        String message = """
                <newsMessage xmlns="%s">
                 <header><sent>2024-03-05T10:00:00Z</sent></header>
                 <itemSet>
                  %s
                  <newsItem guid="urn:x:nitf" version="1" standard="NewsML-G2" standardversion="2.29">
                   <itemMeta><itemClass qcode="ninat:text"/><provider literal="EP"/></itemMeta>
                   <contentSet><inlineXML contenttype="application/nitf+xml">
                    <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
                     <body.head><hedline><hl1>Second story in the message</hl1></hedline></body.head>
                     <body.content><p>Its body came as inline NITF.</p></body.content></body></nitf>
                   </inlineXML></contentSet>
                  </newsItem>
                  <newsItem guid="urn:x:photo" version="1" standard="NewsML-G2" standardversion="2.29">
                   <itemMeta><itemClass qcode="ninat:picture"/><provider literal="EP"/>
                    <versionCreated>2024-03-05T09:00:00Z</versionCreated></itemMeta>
                   <contentMeta><headline>A photo caption</headline></contentMeta>
                  </newsItem>
                 </itemSet>
                </newsMessage>""".formatted(NAR, textItem("urn:x:first", "stat:usable", "", "2024-03-05T09:30:00Z")
                .replace(" xmlns=\"" + NAR + "\"", ""));
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("ep", message));
        assertThat(r.articles()).extracting(Article::getHeadline)
                .containsExactly("Lisbon harbour reopens after storm", "Second story in the message");
        // no versionCreated in the second item: the message header's sent time stands in
        assertThat(r.articles().get(1).getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(r.skipped()).singleElement().asString().contains("urn:x:photo").contains("ninat:picture");
    }

    @Test
    void aPackageLinksToItsMembers() throws NormalisationException {
        String pkg = """
                <packageItem xmlns="%s" guid="urn:x:pkg" version="4" standard="NewsML-G2" standardversion="2.29">
                 <itemMeta><itemClass qcode="ninat:composite"/><provider literal="EP"/>
                  <versionCreated>2024-03-05T11:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                 <contentMeta><headline>Storm coverage package</headline></contentMeta>
                 <groupSet root="root">
                  <group id="root" role="grpRole:main">
                   <itemRef residref="urn:x:story-1" contenttype="application/vnd.iptc.g2.newsitem+xml">
                    <itemClass qcode="ninat:text"/><title>Harbour reopens</title></itemRef>
                   <itemRef residref="urn:x:photo-1"><itemClass qcode="ninat:picture"/><headline>Ships at anchor</headline></itemRef>
                  </group>
                 </groupSet>
                </packageItem>""".formatted(NAR);
        Article a = TestItems.one("ep", pkg);
        assertThat(a.getHeadline()).isEqualTo("Storm coverage package");
        assertThat(a.getBodyParagraphs()).isEmpty();
        assertThat(a.getRelated()).extracting(RelatedLink::getUri, RelatedLink::getTitle, RelatedLink::getOrigin)
                .containsExactly(Tuple.tuple("urn:wirestream:ep:urn:x:story-1", "Harbour reopens", "publisher"),
                        Tuple.tuple("urn:wirestream:ep:urn:x:photo-1", "Ships at anchor", "publisher"));
        assertThat(a.getRelated().get(0).getReason()).contains("package member").contains("grpRole:main");
    }

    @Test
    void picturesAndConceptsAreNotArticles() {
        String picture = """
                <newsItem xmlns="%s" guid="urn:x:p" version="1" standard="NewsML-G2" standardversion="2.29">
                 <itemMeta><itemClass qcode="ninat:picture"/><provider literal="EP"/></itemMeta>
                 <contentMeta><headline>Ships at anchor</headline></contentMeta></newsItem>""".formatted(NAR);
        NormalisationException e = TestItems.refusal("ep", picture);
        assertThat(e.reason()).isEqualTo("not-text");
        assertThat(e.getMessage()).contains("ninat:picture");
        String concept = "<conceptItem xmlns=\"" + NAR + "\" guid=\"c\" version=\"1\" standard=\"NewsML-G2\" "
                + "standardversion=\"2.29\"><itemMeta><itemClass qcode=\"cinat:concept\"/></itemMeta></conceptItem>";
        assertThat(TestItems.refusal("ep", concept).reason()).isEqualTo("not-text");
    }

    @Test
    void anItemWithoutAnyTextHasNoHeadline() {
        String shell = """
                <newsItem xmlns="%s" guid="urn:x:empty" version="1" standard="NewsML-G2" standardversion="2.29">
                 <itemMeta><itemClass qcode="ninat:text"/><provider literal="EP"/>
                  <versionCreated>2024-03-05T09:00:00Z</versionCreated></itemMeta>
                 <contentSet><inlineXML contenttype="application/nitf+xml"></inlineXML></contentSet>
                </newsItem>""".formatted(NAR);
        NormalisationException e = TestItems.refusal("ep", shell);
        assertThat(e.stage()).isEqualTo("normalise");
        assertThat(e.reason()).isEqualTo("no-headline");
    }

    @Test
    void plainInlineDataAndAMissingHeadlineDerivedFromTheLead() throws NormalisationException {
        String item = """
                <newsItem xmlns="%s" guid="urn:x:plain" version="1" standard="NewsML-G2" standardversion="2.29">
                 <itemMeta><itemClass qcode="ninat:text"/><provider literal="EP"/>
                  <versionCreated>2024-03-05T09:00:00Z</versionCreated></itemMeta>
                 <contentSet><inlineData contenttype="text/plain">   Snow closed the mountain pass on Monday. Drivers
                were told to wait.
                   Ploughs were at work by noon.</inlineData></contentSet>
                </newsItem>""".formatted(NAR);
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("ep", item));
        Article a = r.articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("Snow closed the mountain pass on Monday");
        assertThat(r.diagnostics().get(0).headlineDerived()).isTrue();
        assertThat(a.getBodyParagraphs()).containsExactly(
                "Snow closed the mountain pass on Monday. Drivers were told to wait.", "Ploughs were at work by noon.");
    }

    @Test
    void malformedXmlIsRefused() {
        NormalisationException e = TestItems.refusal("ep", "<newsItem xmlns=\"" + NAR + "\"><itemMeta></newsItem>");
        assertThat(e.reason()).isEqualTo("malformed-xml");
    }
}

package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: each format's rights fields (copyright holder, notice, usage terms) reach the canonical article, and the
 * provider the item names travels on it (issue 17). Every item is written for this test.
 */
class RightsFieldsTest {

    private static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    @Test
    void newsMlG2RightsInfoInTheItemsLanguage() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <newsItem xmlns="%s" guid="urn:newsml:example.org:20240305:rights" version="1" standard="NewsML-G2"
                          standardversion="2.29">
                 <rightsInfo>
                  <copyrightHolder qcode="nprov:EXP"><name>Example Press Agency</name></copyrightHolder>
                  <copyrightNotice xml:lang="de">(c) 2024 Example Press, alle Rechte vorbehalten</copyrightNotice>
                  <copyrightNotice xml:lang="en">(c) 2024 Example Press, all rights reserved</copyrightNotice>
                  <usageTerms xml:lang="de">Nur für redaktionelle Zwecke.</usageTerms>
                  <usageTerms xml:lang="en">Editorial use only; no archiving beyond 30 days.</usageTerms>
                 </rightsInfo>
                 <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:EXP"/>
                  <versionCreated>2024-03-05T09:30:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                 <contentMeta><headline>Ferry timetable changes for spring</headline><language tag="en"/></contentMeta>
                 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
                  <body><p>The island ferry adds two sailings a day from April.</p></body></html></inlineXML></contentSet>
                </newsItem>""".formatted(NAR));
        assertThat(a.getCopyrightholder()).isEqualTo("Example Press Agency");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) 2024 Example Press, all rights reserved");
        assertThat(a.getUsageterms()).isEqualTo("Editorial use only; no archiving beyond 30 days.");
        assertThat(a.getProvider().getName()).isEqualTo("nprov:EXP");
        assertThat(a.getProvider().getFrom()).isEqualTo("NewsML-G2 itemMeta/provider");
        assertThat(a.getProvider().getKey()).isNull();
    }

    @Test
    void newsMlG2HolderGivenOnlyByQcodeIsItsCodeAndStandsInForTheNotice() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <newsItem xmlns="%s" guid="urn:newsml:example.org:20240305:holder" version="1" standard="NewsML-G2">
                 <rightsInfo><copyrightHolder qcode="nprov:dpa"/></rightsInfo>
                 <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:dpa"/>
                  <versionCreated>2024-03-05T09:30:00Z</versionCreated></itemMeta>
                 <contentMeta><headline>Bridge closed for repairs</headline></contentMeta>
                 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
                  <body><p>The old bridge is closed to traffic until Friday while its deck is repaired.</p></body></html>
                 </inlineXML></contentSet>
                </newsItem>""".formatted(NAR));
        assertThat(a.getCopyrightholder()).isEqualTo("dpa");
        assertThat(a.getCopyrightnotice()).isEqualTo("© dpa");
        assertThat(a.getUsageterms()).isNull();
        assertThat(a.getProvider().getKey()).isEqualTo("dpa");
    }

    @Test
    void nitfDocCopyrightAndDocRights() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <nitf><head><title>Ferry timetable</title>
                 <docdata><doc-id id-string="EP-20240305-77" regsrc="Example Press"/>
                  <date.issue norm="20240305T093000Z"/>
                  <doc.copyright year="2024" holder="Example Press"/>
                  <doc.rights owner="EP" agent="EP" geography="Portugal" startdate="20240305T093000Z"
                              enddate="20240405T093000Z" type="Display on the subscriber's own sites"
                              limitations="No resale to third parties"/>
                 </docdata></head>
                <body><body.head><hedline><hl1>Ferry timetable changes for spring</hl1></hedline></body.head>
                 <body.content><p>The island ferry adds two sailings a day from April.</p></body.content></body></nitf>""");
        assertThat(a.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(a.getCopyrightnotice()).isEqualTo("Copyright 2024 Example Press");
        assertThat(a.getUsageterms()).isEqualTo("Display on the subscriber's own sites. No resale to third parties. "
                + "Territory: Portugal. Valid from 20240305T093000Z until 20240405T093000Z.");
        assertThat(a.getProvider().getName()).isEqualTo("Example Press");
        assertThat(a.getProvider().getFrom()).isEqualTo("NITF doc-id regsrc");
    }

    @Test
    void nitfRightsOwnerIsTheHolderWhenThereIsNoDocCopyright() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <nitf><head><docdata><doc-id id-string="EP-20240305-78"/><date.issue norm="20240305T093000Z"/>
                  <doc.rights owner="Example Press" type="Editorial use only"/></docdata></head>
                <body><body.head><hedline><hl1>Harbour dredging starts</hl1></hedline></body.head>
                 <body.content><p>Dredgers began deepening the harbour channel on Tuesday.</p></body.content></body></nitf>""");
        assertThat(a.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(a.getCopyrightnotice()).isEqualTo("© Example Press");
        assertThat(a.getUsageterms()).isEqualTo("Editorial use only.");
    }

    @Test
    void newsMl1RightsMetadata() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <NewsML><NewsEnvelope><DateAndTime>20240305T100000Z</DateAndTime></NewsEnvelope>
                 <NewsItem xml:lang="en">
                  <Identification><NewsIdentifier><ProviderId>example.org</ProviderId><DateId>20240305</DateId>
                   <NewsItemId>TX-77</NewsItemId><RevisionId>1</RevisionId>
                   <PublicIdentifier>urn:newsml:example.org:20240305:TX-77:1</PublicIdentifier></NewsIdentifier></Identification>
                  <NewsManagement><ThisRevisionCreated>20240305T093000Z</ThisRevisionCreated><Status FormalName="Usable"/></NewsManagement>
                  <NewsComponent>
                   <NewsLines><HeadLine>Ferry timetable changes for spring</HeadLine></NewsLines>
                   <RightsMetadata>
                    <Copyright><CopyrightHolder>Example Press</CopyrightHolder><CopyrightDate>2024</CopyrightDate></Copyright>
                    <UsageRights><UsageType>No archival use</UsageType><Geography>Europe</Geography></UsageRights>
                   </RightsMetadata>
                   <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="text/plain"/>
                    <DataContent>The island ferry adds two sailings a day from April.</DataContent></ContentItem>
                  </NewsComponent>
                 </NewsItem></NewsML>""");
        assertThat(a.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(a.getCopyrightnotice()).isEqualTo("© Example Press");
        assertThat(a.getUsageterms()).isEqualTo("No archival use. Territory: Europe.");
        assertThat(a.getProvider().getName()).isEqualTo("example.org");
    }

    @Test
    void ninjs2LowerCaseAndNinjs3CamelCase() throws NormalisationException {
        Article two = TestItems.one("ep", """
                {"uri": "urn:newsml:example.org:20240305:n2", "type": "text", "versioncreated": "2024-03-05T09:30:00Z",
                 "headline": "Ferry timetable changes for spring", "body_text": "The island ferry adds two sailings a day.",
                 "copyrightholder": "Example Press", "copyrightnotice": "(c) 2024 Example Press",
                 "usageterms": "Editorial use only."}""");
        assertThat(two.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(two.getCopyrightnotice()).isEqualTo("(c) 2024 Example Press");
        assertThat(two.getUsageterms()).isEqualTo("Editorial use only.");
        assertThat(two.getProvider().getFrom()).isEqualTo("ninjs copyrightholder");

        Article three = TestItems.one("ep", """
                {"uri": "urn:newsml:example.org:20240305:n3", "type": "text", "versionCreated": "2024-03-05T09:30:00Z",
                 "headlines": [{"role": "main", "value": "Harbour dredging starts"}],
                 "bodies": [{"role": "main", "contentType": "text/plain", "value": "Dredgers began work on Tuesday."}],
                 "copyrightHolder": "Example Press", "usageTerms": "No use in print."}""");
        assertThat(three.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(three.getCopyrightnotice()).isEqualTo("© Example Press");
        assertThat(three.getUsageterms()).isEqualTo("No use in print.");
    }

    @Test
    void apMediaJsonUsageTermsArrayIsJoined() throws NormalisationException {
        Article a = TestItems.one("ap", """
                {"api_version": "2", "data": {"item": {
                  "altids": {"itemid": "r1"}, "version": 1, "type": "text", "language": "en", "provider": "AP",
                  "versioncreated": "2024-03-05T09:30:00Z", "headline": "Harbour dredging starts",
                  "copyrightnotice": "(c) 2024 Example Press",
                  "usageterms": ["Editorial use only.", "Not for sale in Portugal."],
                  "body_nitf": "<nitf><body><body.content><p>Dredgers began work on Tuesday.</p></body.content></body></nitf>"
                }}}""");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) 2024 Example Press");
        assertThat(a.getUsageterms()).isEqualTo("Editorial use only. Not for sale in Portugal.");
        assertThat(a.getCopyrightholder()).isNull();
        assertThat(a.getProvider().getName()).isEqualTo("AP");
        assertThat(a.getProvider().getKey()).isEqualTo("ap");
    }

    @Test
    void aFormatWithoutRightsCarriesNoneAndNoProvider() throws NormalisationException {
        Article a = TestItems.one("ep", """
                <rss version="2.0"><channel><title>Example feed</title>
                 <item><title>Harbour dredging starts</title><guid>https://example.org/dredging</guid>
                  <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
                  <description>Dredgers began deepening the harbour channel on Tuesday.</description></item>
                </channel></rss>""");
        assertThat(a.getCopyrightholder()).isNull();
        assertThat(a.getCopyrightnotice()).isNull();
        assertThat(a.getUsageterms()).isNull();
        assertThat(a.getProvider()).isNull();
    }
}

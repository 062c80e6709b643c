package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsMl1ParserTest {

    /** An invented NewsML 1.2 envelope with two items: NITF content, and embargoed plain text. */
    static final String NEWSML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <NewsML Version="1.2">
             <NewsEnvelope><DateAndTime>20240305T100000Z</DateAndTime><Priority FormalName="3"/></NewsEnvelope>
             <NewsItem xml:lang="en">
              <Identification><NewsIdentifier><ProviderId>example.org</ProviderId><DateId>20240305</DateId>
               <NewsItemId>TX-LIS-001</NewsItemId><RevisionId PreviousRevision="1" Update="N">2</RevisionId>
               <PublicIdentifier>urn:newsml:example.org:20240305:TX-LIS-001:2</PublicIdentifier></NewsIdentifier>
               <NameLabel>Portugal-harbour</NameLabel></Identification>
              <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20240305T080000+0000</FirstCreated>
               <ThisRevisionCreated>20240305T093000+0000</ThisRevisionCreated><Status FormalName="Usable"/>
               <Urgency FormalName="2"/></NewsManagement>
              <NewsComponent>
               <NewsLines><HeadLine>Lisbon harbour reopens</HeadLine><ByLine>Ana Prado</ByLine>
                <DateLine>LISBON, Mar 5, 2024 (EP) -</DateLine><CopyrightLine>(c) Example Press 2024</CopyrightLine></NewsLines>
               <DescriptiveMetadata><Language FormalName="en"/>
                <SubjectCode><Subject FormalName="04000000"/></SubjectCode>
                <Property FormalName="Keyword" Value="ports"/></DescriptiveMetadata>
               <NewsComponent><Role FormalName="Logo"/><ContentItem><MediaType FormalName="Photo"/></ContentItem></NewsComponent>
               <ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF3.1"/>
                <DataContent><nitf><body><body.content>
                 <p>The port reopened on Tuesday after three days of repairs.</p>
                 <p>About forty ships had waited offshore.</p>
                </body.content></body></nitf></DataContent></ContentItem>
              </NewsComponent>
             </NewsItem>
             <NewsItem>
              <Identification><NewsIdentifier><ProviderId>example.org</ProviderId><DateId>20240305</DateId>
               <NewsItemId>TX-LIS-002</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>
              <NewsManagement><ThisRevisionCreated>20240305T094500Z</ThisRevisionCreated><Status FormalName="Embargoed"/>
               <StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240306T000000Z</DateAndTime></StatusWillChange>
              </NewsManagement>
              <NewsComponent><NewsLines><HeadLine>Budget figures under embargo</HeadLine></NewsLines>
               <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="text/plain"/>
                <DataContent>The finance ministry will publish the figures at midnight.</DataContent></ContentItem>
              </NewsComponent>
             </NewsItem>
            </NewsML>""";

    @Test
    void everyNewsItemBecomesAnArticle() throws NormalisationException {
        List<Article> out = TestItems.normalise("ep", NEWSML);
        assertThat(out).hasSize(2);
        Article a = out.get(0);
        assertThat(a.getSourceFormat()).isEqualTo("newsml-1");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:urn:newsml:example.org:20240305:TX-LIS-001");
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getSignals()).contains("update");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(a.getFirstcreated()).isEqualTo(Instant.parse("2024-03-05T08:00:00Z"));
        assertThat(a.getUrgency()).isEqualTo(2);
        assertThat(a.getHeadline()).isEqualTo("Lisbon harbour reopens");
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getLocated()).isEqualTo("LISBON");
        assertThat(a.getDatelineSource()).isEqualTo("EP");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) Example Press 2024");
        assertThat(a.getKeywords()).containsExactly("ports");
        assertThat(a.getSubjects()).extracting(Subject::getCode).containsExactly("subj:04000000", "medtop:04000000");
        assertThat(a.getBodyParagraphs()).containsExactly("The port reopened on Tuesday after three days of repairs.",
                "About forty ships had waited offshore.");

        Article embargoed = out.get(1);
        // Embargoed with a StatusWillChange time is usable from that time on, not withheld for good (issue 15)
        assertThat(embargoed.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(embargoed.getEmbargoed()).isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
        assertThat(embargoed.getUrgency()).isEqualTo(3); // from the envelope priority
        assertThat(embargoed.getUri()).isEqualTo("urn:wirestream:ep:example.org:TX-LIS-002");
        assertThat(embargoed.getBodyParagraphs()).containsExactly("The finance ministry will publish the figures at midnight.");
    }

    @Test
    void truncatedNewsMlIsRefused() {
        assertThat(TestItems.refusal("ep", NEWSML.substring(0, 400)).reason()).isEqualTo("malformed-xml");
    }
}

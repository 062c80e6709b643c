package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ritzau's XML (issue 17); every item is invented for the test. */
class RitzauXmlParserTest {

    private static String rbNews(String id, String headline, String date) {
        return """
                <RBNews xmlns="http://tempuri.org/" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
                  <NewsID>%s</NewsID>
                  <ServiceQueueId>88%s</ServiceQueueId>
                  <version>2</version>
                  <PublishDate>%s</PublishDate>
                  <Priority>3</Priority>
                  <headline>%s</headline>
                  <subtitle>Færgen sejler igen fra mandag efter tre ugers reparation.</subtitle>
                  <origin>Mette Holm/ritzau/</origin>
                  <strapline>Trafik/Færger</strapline>
                  <TilRedaktionen>&lt;p&gt;Opdateret med citat fra havnefogeden.&lt;/p&gt;</TilRedaktionen>
                  <IPTCList><a:int>04015000</a:int><a:int>17</a:int></IPTCList>
                  <content>&lt;p&gt;Færgen til øerne sejler igen fra mandag, oplyser havnen.&lt;/p&gt;&lt;p&gt;Billetterne gælder fortsat.&lt;/p&gt;</content>
                </RBNews>""".formatted(id, id, date, headline);
    }

    @Test
    void readsOneRbNewsItem() throws NormalisationException {
        Article a = TestItems.one("ritzau", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + rbNews("4711", "Færgen sejler igen", "2024-06-03T08:15:00"));
        assertThat(a.getSourceFormat()).isEqualTo("ritzau-xml");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ritzau:4711");
        assertThat(a.getVersion()).isEqualTo(2L);
        assertThat(a.getHeadline()).isEqualTo("Færgen sejler igen");
        assertThat(a.getDescription()).isEqualTo("Færgen sejler igen fra mandag efter tre ugers reparation.");
        assertThat(a.getByline()).isEqualTo("Mette Holm/ritzau/");
        assertThat(a.getKeywords()).containsExactly("Trafik", "Færger");
        assertThat(a.getBodyParagraphs()).containsExactly("Færgen til øerne sejler igen fra mandag, oplyser havnen.",
                "Billetterne gælder fortsat.");
        // PublishDate has no zone: Ritzau's own (Copenhagen, summer time in June) is built in
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-06-03T06:15:00Z"));
        assertThat(a.getSubjects()).extracting(Subject::getCode).contains("subj:04015000", "ritzau-iptc:17");
        assertThat(a.getSourceIds()).extracting("scheme").contains("ritzau:newsid", "ritzau:queue-id", "ritzau:priority");
    }

    @Test
    void aQueueAnswerGivesOneArticlePerItem() throws NormalisationException {
        String queue = "<XMLNewsQueuedResponse xmlns=\"http://tempuri.org/\"><error>0</error><errormsg/><news>"
                + rbNews("5001", "Første nyhed", "2024-06-03T08:15:00")
                + rbNews("5002", "Anden nyhed", "2024-06-03T08:20:00")
                + "</news></XMLNewsQueuedResponse>";
        List<Article> out = TestItems.normalise("ritzau", queue);
        assertThat(out).extracting(Article::getHeadline).containsExactly("Første nyhed", "Anden nyhed");
        assertThat(out).extracting(Article::getUri)
                .containsExactly("urn:wirestream:ritzau:5001", "urn:wirestream:ritzau:5002");
    }

    @Test
    void aQueueErrorWithoutItemsIsRefusedWithItsMessage() {
        NormalisationException e = TestItems.refusal("ritzau",
                "<XMLNewsQueuedResponse><error>3</error><errormsg>login refused</errormsg></XMLNewsQueuedResponse>");
        assertThat(e.reason()).isEqualTo("no-items");
        assertThat(e.getMessage()).contains("login refused");
        assertThat(TestItems.refusal("ritzau", "<XMLNewsQueuedResponse><error>0</error></XMLNewsQueuedResponse>")
                .reason()).isEqualTo("no-items");
    }

    @Test
    void plainTextContentBecomesParagraphs() throws NormalisationException {
        String item = "<RBNews><NewsID>9</NewsID><headline>Kort nyhed</headline><PublishDate>2024-06-03 10:00:00"
                + "</PublishDate><content>Første afsnit.\n\nAndet afsnit &amp; mere.</content></RBNews>";
        Article a = TestItems.one("ritzau", item);
        assertThat(a.getBodyParagraphs()).containsExactly("Første afsnit.", "Andet afsnit & mere.");
    }
}

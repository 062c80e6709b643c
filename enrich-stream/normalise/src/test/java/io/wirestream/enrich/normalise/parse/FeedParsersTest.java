package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParsersTest {

    @Test
    void rssItemsBecomeArticles() throws NormalisationException {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                 <channel><title>Example News</title><language>en-us</language><copyright>(c) Example News</copyright>
                  <item><title>Harbour reopens after storm</title><link>https://news.example.org/harbour</link>
                   <guid isPermaLink="false">ex-1001</guid><pubDate>Tue, 05 Mar 2024 04:30:00 EST</pubDate>
                   <description>Short teaser.</description>
                   <content:encoded><![CDATA[<p>The harbour reopened on Tuesday.</p><p>Forty ships waited.</p>]]></content:encoded>
                   <category>ports</category><dc:creator>Ana Prado</dc:creator></item>
                  <item><title>Snow closes pass</title><link>https://news.example.org/snow</link>
                   <pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
                   <description>&lt;p&gt;Snow closed the pass.&lt;/p&gt;</description></item>
                 </channel>
                </rss>""";
        List<Article> out = TestItems.normalise("feeds", rss);
        assertThat(out).hasSize(2);
        Article a = out.get(0);
        assertThat(a.getSourceFormat()).isEqualTo("rss");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:feeds:ex-1001");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(a.getDescription()).isEqualTo("Short teaser.");
        assertThat(a.getBodyParagraphs()).containsExactly("The harbour reopened on Tuesday.", "Forty ships waited.");
        assertThat(a.getLanguage()).isEqualTo("en-US");
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getKeywords()).containsExactly("ports");
        Article b = out.get(1);
        assertThat(b.getUri()).isEqualTo("urn:wirestream:feeds:https://news.example.org/snow");
        assertThat(b.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(b.getBodyParagraphs()).containsExactly("Snow closed the pass.");
    }

    @Test
    void atomEntriesWithXhtmlContentAndRelatedLinks() throws NormalisationException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                 <title>Example wire</title><rights>(c) Example Press</rights>
                 <entry><id>tag:example.org,2024:harbour</id><title type="html">Harbour &lt;em&gt;reopens&lt;/em&gt;</title>
                  <updated>2024-03-05T09:30:00+01:00</updated><published>2024-03-05T07:00:00Z</published>
                  <author><name>Ana Prado</name></author><category term="ports" label="Ports"/>
                  <link rel="alternate" href="https://example.org/harbour"/>
                  <link rel="related" href="https://example.org/storm" title="Storm closes ports"/>
                  <summary>Ships move again.</summary>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The harbour reopened.</p><p>Ships moved again.</p></div></content>
                 </entry>
                </feed>""";
        Article a = TestItems.one("ep", atom);
        assertThat(a.getSourceFormat()).isEqualTo("atom");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:tag:example.org,2024:harbour");
        assertThat(a.getHeadline()).isEqualTo("Harbour reopens");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T08:30:00Z"));
        assertThat(a.getFirstcreated()).isEqualTo(Instant.parse("2024-03-05T07:00:00Z"));
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) Example Press");
        assertThat(a.getKeywords()).containsExactly("Ports");
        assertThat(a.getDescription()).isEqualTo("Ships move again.");
        assertThat(a.getBodyParagraphs()).containsExactly("The harbour reopened.", "Ships moved again.");
        assertThat(a.getRelated()).extracting(RelatedLink::getUri).containsExactly("https://example.org/storm");
        assertThat(a.getLanguage()).isEqualTo("en");
    }

    @Test
    void anAgencyExtensionBodyWinsOverAPlaceholderContent() throws NormalisationException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="http://example.org/ns/content">
                 <entry><id>urn:ex:1</id><title>Singer cancels tour</title><updated>2024-03-05T09:30:00Z</updated>
                  <content type="text">placeholder</content>
                  <x:meta><x:first_line>The singer cancelled the rest of her tour on Monday.</x:first_line>
                   <x:body>  Her label said she needed rest.

                  Refunds will be made automatically.</x:body>
                   <x:tags><x:tag value="Music"/><x:tag value="Tours"/></x:tags></x:meta>
                 </entry>
                </feed>""";
        Article a = TestItems.one("ep", atom);
        assertThat(a.getBodyParagraphs()).containsExactly("The singer cancelled the rest of her tour on Monday.",
                "Her label said she needed rest.", "Refunds will be made automatically.");
        assertThat(a.getKeywords()).containsExactly("Music", "Tours");
    }

    @Test
    void brokenFeedsAreRefused() {
        assertThat(TestItems.refusal("feeds", "<rss version=\"2.0\"><channel><item><title>Cut off").reason())
                .isEqualTo("malformed-xml");
        assertThat(TestItems.refusal("feeds", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</entry></feed>")
                .reason()).isEqualTo("malformed-xml");
        assertThat(TestItems.refusal("feeds", "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>")
                .reason()).isEqualTo("no-items");
    }
}

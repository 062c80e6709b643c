package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Test Wire</title>
                <link>https://wire.example/</link>
                <item>
                  <title>Second story</title>
                  <link>https://wire.example/2</link>
                  <guid isPermaLink="false">wire-2</guid>
                  <dc:creator>Reporter Two</dc:creator>
                  <pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
                </item>
                <item>
                  <title>First story</title>
                  <link>https://wire.example/1</link>
                  <description>No guid, no date: the link names it.</description>
                </item>
              </channel>
            </rss>
            """;

    static final String ATOM = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Atom Wire</title>
              <entry>
                <id>urn:wire:a1</id>
                <title>Atom story</title>
                <updated>2026-11-03T10:00:00Z</updated>
                <link rel="alternate" href="https://wire.example/a1"/>
                <summary>Rain.</summary>
              </entry>
            </feed>
            """;

    @Test
    void readsRssItemsAsOneItemFeedsThatKeepTheirNamespaces() throws Exception {
        FeedDocument feed = FeedParser.parse(RSS.getBytes(StandardCharsets.UTF_8));
        assertThat(feed.kind()).isEqualTo("rss");
        assertThat(feed.title()).isEqualTo("Test Wire");
        assertThat(feed.entries()).extracting(FeedEntry::id).containsExactly("wire-2", "https://wire.example/1");
        assertThat(feed.entries()).extracting(FeedEntry::version).containsExactly("Tue, 03 Nov 2026 10:00:00 GMT", null);

        String first = new String(feed.entries().get(0).xml(), StandardCharsets.UTF_8);
        assertThat(first).contains("<rss", "<channel>", "<title>Test Wire</title>", "Second story", "Reporter Two")
                .contains("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .doesNotContain("First story");
        // the cut-out item is a well-formed feed in its own right
        FeedDocument reparsed = FeedParser.parse(feed.entries().get(0).xml());
        assertThat(reparsed.entries()).singleElement().extracting(FeedEntry::id).isEqualTo("wire-2");
    }

    @Test
    void readsAtomEntriesAsStandaloneEntryDocuments() throws Exception {
        FeedDocument feed = FeedParser.parse(ATOM.getBytes(StandardCharsets.UTF_8));
        assertThat(feed.kind()).isEqualTo("atom");
        FeedEntry entry = feed.entries().get(0);
        assertThat(entry.id()).isEqualTo("urn:wire:a1");
        assertThat(entry.version()).isEqualTo("2026-11-03T10:00:00Z");
        assertThat(entry.link()).isEqualTo("https://wire.example/a1");
        assertThat(new String(entry.xml(), StandardCharsets.UTF_8)).contains("<entry", "xmlns=\"http://www.w3.org/2005/Atom\"", "Rain.");
    }

    @Test
    void refusesDoctypesSoNoEntityCanBeExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> FeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesDocumentsThatAreNotFeeds() {
        assertThatThrownBy(() -> FeedParser.parse("<nitf/>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("neither RSS nor Atom");
        assertThatThrownBy(() -> FeedParser.parse("<rss><channel>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not well-formed");
    }
}

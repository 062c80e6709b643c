package io.wirestream.enrich.normalise.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Page furniture after the story, share widgets above it, and text wrapped before a capitalised word. */
class TrailingFurnitureTest {

    static final String PAGE = String.join("\n",
            "Ferry strike halts crossings to the Frisian islands",
            "",
            "Share on Facebook  Share on X  Copy link",
            "",
            "HARLINGEN (Coastline Daily) - Ferry crews walked out on Monday over a pay dispute, halting all crossings to",
            "Terschelling and Vlieland and stranding hundreds of visitors on the islands overnight.",
            "",
            "The operator said it hoped to restart a reduced timetable on Tuesday morning.",
            "",
            "Coastline Daily - news from the northern coast",
            "",
            "Comments",
            "Be the first to comment on this story.",
            "",
            "Most read",
            "Storm warning for the Wadden Sea",
            "New bridge opens in Leeuwarden");

    Article normalise(String text) throws Exception {
        RawItem raw = RawItem.newBuilder().setItemId("t").setAgency("coastline").setReceivedAt(Instant.parse("2026-03-02T09:00:00Z"))
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))).build();
        return new WireItemNormaliser().normalise(raw).get(0);
    }

    @Test
    void shareWidgetsAreNotTheHeadlineAndTheTrailingSectionsAreNotBody() throws Exception {
        Article a = normalise(PAGE);
        assertThat(a.getHeadline()).isEqualTo("Ferry strike halts crossings to the Frisian islands");
        assertThat(a.getBodyParagraphs()).hasSize(2);
        assertThat(String.join("\n", a.getBodyParagraphs()))
                .doesNotContain("Share on", "Comments", "first to comment", "Most read", "Storm warning", "New bridge");
        assertThat(a.getTagline()).isEqualTo("Coastline Daily - news from the northern coast");
    }

    @Test
    void aLineWrappedBeforeACapitalisedWordIsJoinedIntoOneParagraph() throws Exception {
        Article a = normalise(PAGE);
        assertThat(a.getBodyParagraphs().get(0)).contains("crossings to Terschelling and Vlieland");
    }

    @Test
    void aSectionHeaderBeforeTheStoryStartsCutsNothing() throws Exception {
        String page = String.join("\n",
                "Trending",
                "",
                "Orchard growers count frost damage after cold night",
                "",
                "UTRECHT (Coastline Daily) - Fruit growers in the centre of the country said on Tuesday that a night of hard",
                "frost had damaged up to a third of the apple blossom in some orchards.");
        Article a = normalise(page);
        assertThat(a.getBodyParagraphs()).isNotEmpty();
        assertThat(a.getBodyParagraphs().get(0)).contains("apple blossom");
    }
}

package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LinkBinaryTest {

    static final ProfileKey LAVROV = new ProfileKey("per:sergei lavrov", "Sergei Lavrov", 0.82, true);
    static final ProfileKey HARBOUR = new ProfileKey("kw:harbour", null, 0.31, false);
    static final Posting EARLIER = new Posting("a:harbour-1", 3, 1_780_000_000_000L, "Lavrov and Alhakim discuss Basra harbour — \u00e9t\u00e9 \u6e2f",
            "cluster-7", 1.25, 0.82);
    static final Posting NO_TITLE = new Posting("b:harbour-2", 1, 1_780_000_100_000L, null, null, 0.9, 0.31);
    static final StoryProfile PROFILE = new StoryProfile("c:harbour-3", 2, 1_780_000_200_000L, "Iraq and Russia near a deal",
            null, new LinkedHashSet<>(List.of("c:harbour-3", "d:copy")), List.of(LAVROV, HARBOUR));

    static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void everyRecordOfTheStageSurvivesTheBinaryFormUnchanged() {
        assertThat(roundTrip(LinkBinary.postings(), EARLIER)).isEqualTo(EARLIER);
        assertThat(roundTrip(LinkBinary.postings(), NO_TITLE)).isEqualTo(NO_TITLE);

        KeyHits hits = new KeyHits(LAVROV, List.of(EARLIER, NO_TITLE), 17);
        LinkMessage hitsMessage = LinkMessage.hits("c:harbour-3", 2, hits);
        LinkMessage back = roundTrip(LinkBinary.messages(), hitsMessage);
        assertThat(back.kind()).isEqualTo(LinkMessage.Kind.HITS);
        assertThat(back.hits()).isEqualTo(hits);
        assertThat(back.key()).isEqualTo(LAVROV);

        LinkMessage article = LinkMessage.article("c:harbour-3", 2, new byte[] {1, 2, 3, 0, -1}, PROFILE);
        LinkMessage articleBack = roundTrip(LinkBinary.messages(), article);
        assertThat(articleBack.article()).containsExactly(1, 2, 3, 0, -1);
        assertThat(articleBack.profile()).isEqualTo(PROFILE);
        assertThat(articleBack.profile().excludedUris()).containsExactly("c:harbour-3", "d:copy");

        LinkMessage tombstone = roundTrip(LinkBinary.messages(), LinkMessage.tombstone("c:harbour-3"));
        assertThat(tombstone.kind()).isEqualTo(LinkMessage.Kind.TOMBSTONE);
        assertThat(tombstone.version()).isEqualTo(Long.MAX_VALUE);
        assertThat(tombstone.article()).isNull();

        LinkParts.Part part = new LinkParts.Part(new LinkParts.ArticlePart(new byte[] {9}, PROFILE), null);
        assertThat(roundTrip(LinkBinary.parts(), part).article().profile()).isEqualTo(PROFILE);
        assertThat(roundTrip(LinkBinary.parts(), new LinkParts.Part(null, hits)).hits()).isEqualTo(hits);
    }

    @Test
    void recordsWrittenAsJsonBeforeTheBinaryFormAreStillRead() {
        byte[] json = JsonSerde.of(Posting.class).serializer().serialize("t", EARLIER);
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(LinkBinary.postings().deserializer().deserialize("t", json)).isEqualTo(EARLIER);

        LinkMessage message = LinkMessage.probe("c:harbour-3", 2, LAVROV, PROFILE.posting(LAVROV));
        byte[] jsonMessage = JsonSerde.of(LinkMessage.class).serializer().serialize("t", message);
        LinkMessage read = LinkBinary.messages().deserializer().deserialize("t", jsonMessage);
        assertThat(read.posting()).isEqualTo(message.posting());
        assertThat(read.key()).isEqualTo(LAVROV);
    }

    @Test
    void theBinaryFormIsSmallerThanTheJsonItReplaces() {
        KeyHits hits = new KeyHits(LAVROV, java.util.Collections.nCopies(32, EARLIER), 64);
        LinkMessage message = LinkMessage.hits("c:harbour-3", 2, hits);
        int binary = LinkBinary.messages().serializer().serialize("t", message).length;
        int json = JsonSerde.of(LinkMessage.class).serializer().serialize("t", message).length;
        assertThat(binary).isLessThan(json);
    }

    @Test
    void anUnknownFormatIsAClearError() {
        assertThatThrownBy(() -> LinkBinary.postings().deserializer().deserialize("t", new byte[] {7, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown Posting format 7");
    }

    @Test
    void aPostingsEditorialStateSurvivesAndReleasedPostingsKeepTheirFormerBytes() throws Exception {
        Posting embargoed = EARLIER.withVisibleFrom(1_790_000_000_000L);
        Posting never = NO_TITLE.withVisibleFrom(Posting.NEVER);
        assertThat(roundTrip(LinkBinary.postings(), embargoed)).isEqualTo(embargoed);
        assertThat(roundTrip(LinkBinary.postings(), never)).isEqualTo(never);

        // what the former writer produced for a released posting: every field in order, no visible-from time
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(EARLIER.uri());
            out.writeLong(EARLIER.version());
            out.writeLong(EARLIER.timeMillis());
            byte[] headline = EARLIER.headline().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeBoolean(true);
            out.writeInt(headline.length);
            out.write(headline);
            byte[] cluster = EARLIER.clusterId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeBoolean(true);
            out.writeInt(cluster.length);
            out.write(cluster);
            out.writeDouble(EARLIER.norm());
            out.writeDouble(EARLIER.weight());
        }
        assertThat(LinkBinary.postings().serializer().serialize("t", EARLIER)).isEqualTo(bytes.toByteArray());
        assertThat(LinkBinary.postings().deserializer().deserialize("t", bytes.toByteArray()).visibleFromMillis()).isZero();
    }
}

package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.service.codec.StateWriter;
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

        LinkMessage article = LinkMessage.article("c:harbour-3", 2, new byte[] {1, 2, 3, 0, -1}, PROFILE, 2);
        LinkMessage articleBack = roundTrip(LinkBinary.messages(), article);
        assertThat(articleBack.article()).containsExactly(1, 2, 3, 0, -1);
        assertThat(articleBack.profile()).isEqualTo(PROFILE);
        assertThat(articleBack.profile().excludedUris()).containsExactly("c:harbour-3", "d:copy");
        assertThat(articleBack.expectedAnswers()).isEqualTo(2);

        LinkMessage probes = LinkMessage.probes("c:harbour-3", 2, List.of(LAVROV, HARBOUR), PROFILE.posting(LAVROV));
        assertThat(roundTrip(LinkBinary.messages(), probes)).isEqualTo(probes);
        LinkMessage retracts = LinkMessage.retracts("c:harbour-3", 3, List.of(HARBOUR),
                NO_TITLE.withVisibleFrom(Posting.NEVER));
        assertThat(roundTrip(LinkBinary.messages(), retracts)).isEqualTo(retracts);
        LinkMessage answers = LinkMessage.answers("c:harbour-3", 2,
                List.of(hits, new KeyHits(HARBOUR, List.of(NO_TITLE.withWeight(0.5)), 1)));
        assertThat(roundTrip(LinkBinary.messages(), answers).answers()).isEqualTo(answers.answers());

        LinkMessage tombstone = roundTrip(LinkBinary.messages(), LinkMessage.tombstone("c:harbour-3"));
        assertThat(tombstone.kind()).isEqualTo(LinkMessage.Kind.TOMBSTONE);
        assertThat(tombstone.version()).isEqualTo(Long.MAX_VALUE);
        assertThat(tombstone.article()).isNull();

        LinkParts.Part part = new LinkParts.Part(new LinkParts.ArticlePart(new byte[] {9}, PROFILE), null, null);
        assertThat(roundTrip(LinkBinary.parts(), part).article().profile()).isEqualTo(PROFILE);
        assertThat(roundTrip(LinkBinary.parts(), new LinkParts.Part(null, hits, null)).hits()).isEqualTo(hits);
        assertThat(roundTrip(LinkBinary.parts(), new LinkParts.Part(null, null, List.of(hits))).answers())
                .containsExactly(hits);
    }

    @Test
    void recordsWrittenAsJsonBeforeTheBinaryFormAreStillRead() {
        byte[] json = StateCodec.json(Posting.class).serializer().serialize("t", EARLIER);
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(LinkBinary.postings().deserializer().deserialize("t", json)).isEqualTo(EARLIER);

        LinkMessage message = LinkMessage.probe("c:harbour-3", 2, LAVROV, PROFILE.posting(LAVROV));
        byte[] jsonMessage = StateCodec.json(LinkMessage.class).serializer().serialize("t", message);
        LinkMessage read = LinkBinary.messages().deserializer().deserialize("t", jsonMessage);
        assertThat(read.posting()).isEqualTo(message.posting());
        assertThat(read.key()).isEqualTo(LAVROV);
    }

    @Test
    void theBinaryFormIsSmallerThanTheJsonItReplaces() {
        KeyHits hits = new KeyHits(LAVROV, java.util.Collections.nCopies(32, EARLIER), 64);
        LinkMessage message = LinkMessage.hits("c:harbour-3", 2, hits);
        int binary = LinkBinary.messages().serializer().serialize("t", message).length;
        int json = StateCodec.json(LinkMessage.class).serializer().serialize("t", message).length;
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
        try (StateWriter out = new StateWriter(bytes)) {
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

    /**
     * A message as the writer before issue 16 laid it out (every field of the former record, nothing after), for the
     * single-key probes, retractions and answers and the articles that may still be on an internal topic after an
     * upgrade.
     */
    static byte[] formerMessageBytes(LinkMessage m) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            out.writeByte(1);
            out.writeByte(m.kind().ordinal());
            out.writeUTF(m.uri());
            out.writeLong(m.version());
            out.writeInt(m.article() == null ? -1 : m.article().length);
            if (m.article() != null) {
                out.write(m.article());
            }
            out.writeBoolean(m.profile() != null);
            if (m.profile() != null) {
                LinkBinary.writeProfile(out, m.profile());
            }
            out.writeBoolean(m.key() != null);
            if (m.key() != null) {
                LinkBinary.writeKey(out, m.key());
            }
            out.writeBoolean(m.posting() != null);
            if (m.posting() != null) {
                LinkBinary.writePosting(out, m.posting());
            }
            out.writeBoolean(m.hits() != null);
            if (m.hits() != null) {
                LinkBinary.writeHits(out, m.hits());
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void singleKeyMessagesAndArticlesInTheFormerLayoutAreStillRead() throws Exception {
        LinkMessage probe = LinkMessage.probe("c:harbour-3", 2, LAVROV, PROFILE.posting(LAVROV));
        LinkMessage read = LinkBinary.messages().deserializer().deserialize("t", formerMessageBytes(probe));
        assertThat(read).isEqualTo(probe);
        assertThat(read.kind().toKeys()).isTrue();

        KeyHits hits = new KeyHits(LAVROV, List.of(EARLIER, NO_TITLE), 17);
        LinkMessage hitsRead = LinkBinary.messages().deserializer().deserialize("t",
                formerMessageBytes(LinkMessage.hits("c:harbour-3", 2, hits)));
        assertThat(hitsRead.allHits()).containsExactly(hits);
        assertThat(hitsRead.kind().isAnswer()).isTrue();

        LinkMessage article = LinkMessage.legacyArticle("c:harbour-3", 2, new byte[] {4, 2}, PROFILE);
        LinkMessage articleRead = LinkBinary.messages().deserializer().deserialize("t", formerMessageBytes(article));
        assertThat(articleRead.probes()).isNull();
        assertThat(articleRead.expectedAnswers()).as("one answer per key, as it was sent").isEqualTo(2);
    }

    @Test
    void aPartWrittenBeforeIssue16IsStillRead() throws Exception {
        KeyHits hits = new KeyHits(LAVROV, List.of(EARLIER), 3);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            out.writeByte(1);
            out.writeBoolean(false);
            out.writeBoolean(true);
            LinkBinary.writeHits(out, hits);
        }
        LinkParts.Part part = LinkBinary.parts().deserializer().deserialize("t", bytes.toByteArray());
        assertThat(part.hits()).isEqualTo(hits);
        assertThat(part.answers()).isNull();
    }

    @Test
    void aStoryAnsweredUnderSeveralKeysIsCarriedOnce() {
        ProfileKey[] keys = {LAVROV, HARBOUR, new ProfileKey("kw:basra", null, 0.2, false),
                new ProfileKey("kw:talks", null, 0.1, false), new ProfileKey("per:alhakim", "Mohamed Alhakim", 0.7, true)};
        List<KeyHits> answers = new java.util.ArrayList<>();
        int singles = 0;
        for (ProfileKey k : keys) {
            KeyHits h = new KeyHits(k, List.of(EARLIER.withWeight(k.weight()), NO_TITLE.withWeight(k.weight() / 2)), 2);
            answers.add(h);
            singles += LinkBinary.messages().serializer().serialize("t", LinkMessage.hits("c:harbour-3", 2, h)).length;
        }
        LinkMessage message = LinkMessage.answers("c:harbour-3", 2, answers);
        byte[] grouped = LinkBinary.messages().serializer().serialize("t", message);

        assertThat(LinkBinary.messages().deserializer().deserialize("t", grouped).answers()).isEqualTo(answers);
        assertThat(grouped.length).as("each headline once, not once per key").isLessThan(singles / 2);
    }
}

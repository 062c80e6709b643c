package io.wirestream.enrich.dedupe.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.TemplatedStories;
import io.wirestream.enrich.dedupe.TemplatedStories.Story;
import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.Judgement;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexedStoryCodecTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final Instant at = Instant.parse("2026-05-04T09:00:00Z");

    IndexedStory indexed(String uri, Story story) {
        return new IndexedStory(uri, "ntb", at, fingerprinter.fingerprint(story.headline(), story.paragraphs()));
    }

    @Test
    void aStoryWithItsTraitsReadsBackAsWritten() {
        IndexedStory story = indexed("ntb:1", TemplatedStories.dividend("Halvard Mills", "HVM", "12"));
        assertThat(story.signature().traits()).isNotNull();
        assertThat(IndexedStoryCodec.decode(IndexedStoryCodec.encode(story))).isEqualTo(story);
    }

    @Test
    void theUriIsReadWithoutTheRestInEveryFormat() throws IOException {
        IndexedStory story = indexed("ntb:åsgard/7", TemplatedStories.dividend("Halvard Mills", "HVM", "12"));
        assertThat(IndexedStoryCodec.uriOf(IndexedStoryCodec.encode(story))).isEqualTo("ntb:åsgard/7");
        assertThat(IndexedStoryCodec.uriOf(formatOne(story))).isEqualTo("ntb:åsgard/7");
        byte[] unknown = IndexedStoryCodec.encode(story);
        unknown[0] = 9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexedStoryCodec.uriOf(unknown))
                .hasMessageContaining("unknown indexed-story format 9");
    }

    /** Format 1, byte for byte as the release before traits wrote it (state on disk during a rolling upgrade). */
    static byte[] formatOne(IndexedStory story) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(story.uri());
            out.writeUTF(story.agency());
            out.writeLong(story.receivedAt().toEpochMilli());
            out.writeUTF(story.signature().exact());
            out.writeInt(story.signature().shingleCount());
            out.writeShort(story.signature().minHash().length);
            for (int value : story.signature().minHash()) {
                out.writeShort(value);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aStoryFiledBeforeTraitsStillReadsAndIsJudgedBySimilarityAlone() throws IOException {
        IndexedStory halvard = indexed("ntb:1", TemplatedStories.dividend("Halvard Mills", "HVM", "12"));
        IndexedStory old = IndexedStoryCodec.decode(formatOne(halvard));
        assertThat(old.uri()).isEqualTo("ntb:1");
        assertThat(old.signature().traits()).isNull();
        assertThat(old.signature().minHash()).isEqualTo(halvard.signature().minHash());

        StorySignature orrin = indexed("ap:2", TemplatedStories.dividend("Orrin Savings Bank", "OSB", "12")).signature();
        DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);
        Judgement judgement = verifier.judge(orrin, old.signature());
        assertThat(judgement.kind()).contains(MatchKind.NEAR);
        assertThat(judgement.reason()).isEqualTo(Judgement.Reason.SIMILAR_TEXT_ONLY);
        assertThat(verifier.judge(orrin, halvard.signature()).reason()).isEqualTo(Judgement.Reason.SUBJECT_DIFFERS);
    }

    /**
     * Format 2 as written before the sketch flag (bit 4): the terms were the first kept, their low bit not a kind
     * mark. Emulated by clearing the flag and flipping every term's low bit; such traits must still compare with new
     * ones (a refile merges, another company stays apart).
     */
    static byte[] formatTwoBeforeTheSketch(IndexedStory story) throws IOException {
        io.wirestream.enrich.dedupe.fingerprint.StoryTraits t = story.signature().traits();
        io.wirestream.enrich.dedupe.fingerprint.StoryTraits old = new io.wirestream.enrich.dedupe.fingerprint.StoryTraits(
                flipped(t.leadNames()), flipped(t.leadTickers()), flipped(t.leadFigures()), t.openingFigures(),
                sortedFlipped(t.present()), t.presentComplete(), t.directions(), t.correction(), false, false);
        byte[] bytes = IndexedStoryCodec.encode(new IndexedStory(story.uri(), story.agency(), story.receivedAt(),
                new StorySignature(story.signature().exact(), story.signature().shingleCount(),
                        story.signature().minHash(), old)));
        return bytes;
    }

    static short[] flipped(short[] values) {
        short[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= 1;
        }
        return out;
    }

    static short[] sortedFlipped(short[] values) {
        short[] out = flipped(values);
        java.util.Arrays.sort(out);
        return out;
    }

    @Test
    void traitsFiledBeforeTheSketchStillReadAndCompareWithNewOnes() throws IOException {
        Story halvardStory = TemplatedStories.dividend("Halvard Mills", "HVM", "12");
        IndexedStory halvard = indexed("ntb:1", halvardStory);
        IndexedStory old = IndexedStoryCodec.decode(formatTwoBeforeTheSketch(halvard));
        assertThat(old.signature().traits().sketch()).isFalse();
        assertThat(old.signature().traits().present()).isNotEqualTo(halvard.signature().traits().present());

        DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);
        StorySignature refile = indexed("ap:2", halvardStory.refiled("UPDATE 1-")).signature();
        assertThat(verifier.judge(refile, old.signature()).reason()).isEqualTo(Judgement.Reason.SAME_STORY);
        StorySignature orrin = indexed("ap:3", TemplatedStories.dividend("Orrin Savings Bank", "OSB", "12")).signature();
        assertThat(verifier.judge(orrin, old.signature()).reason()).isEqualTo(Judgement.Reason.SUBJECT_DIFFERS);
    }

    /** Format 2, byte for byte as the release before format 3 wrote it: lead arrays first, each as two-byte hashes. */
    static byte[] formatTwo(IndexedStory story) throws IOException {
        io.wirestream.enrich.dedupe.fingerprint.StoryTraits traits = story.signature().traits();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(java.util.Arrays.copyOfRange(formatOne(story), 1, formatOne(story).length));
            for (short[] values : new short[][] {traits.leadNames(), traits.leadTickers(), traits.leadFigures(),
                    traits.present()}) {
                out.writeByte(values.length);
                for (short value : values) {
                    out.writeShort(value);
                }
            }
            out.writeByte((traits.presentComplete() ? 1 : 0) | (traits.correction() ? 2 : 0)
                    | (traits.sketch() ? 4 : 0) | (traits.placesComplete() ? 8 : 0));
            out.writeShort(traits.directions());
            out.writeByte(traits.openingFigures());
        }
        byte[] body = bytes.toByteArray();
        byte[] withFormat = new byte[body.length + 1];
        withFormat[0] = 2;
        System.arraycopy(body, 0, withFormat, 1, body.length);
        return withFormat;
    }

    @Test
    void formatTwoStillReadsAsWrittenAndFormatThreeIsSmallerForAStoryKeptWhole() throws IOException {
        for (Story story : java.util.List.of(TemplatedStories.dividend("Halvard Mills", "HVM", "12"),
                TemplatedStories.councilNotice("Tom Hale will chair the meeting.", "April 16"),
                TemplatedStories.rateTable(3))) {
            IndexedStory indexed = indexed("ntb:1", story);
            byte[] two = formatTwo(indexed);
            assertThat(IndexedStoryCodec.decode(two)).isEqualTo(indexed);
            byte[] three = IndexedStoryCodec.encode(indexed);
            assertThat(three[0]).isEqualTo((byte) 3);
            assertThat(IndexedStoryCodec.decode(three)).isEqualTo(indexed);
            if (indexed.signature().traits().presentComplete()) {
                // every lead term is kept, so each costs one byte, not two (a lead term cut from a long table costs one more)
                assertThat(three.length).isLessThan(two.length);
            }
        }
    }
}

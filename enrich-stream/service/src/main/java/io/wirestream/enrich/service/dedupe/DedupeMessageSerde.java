package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.service.codec.StateReader;
import io.wirestream.enrich.service.codec.StateWriter;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.CopyReply;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.JoinRequest;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the stage's internal messages on its own repartition topics. These topics are private to the stage (no
 * other service reads them), so they are {@link StateCodec} records rather than registry schemas; nested articles go
 * through the pipeline's article serde. After the codec's format byte, byte 1 is the message kind.
 *
 * <p>Kinds are only ever added: a probe carrying the keys of one index partition ({@code PROBES}) came after the
 * single-key probe ({@code PROBE}); a single-key probe still on the index topic after an upgrade is read as a probe
 * with one key, answered once and counted once, as its candidate expects. An instance of the former release cannot
 * read {@code PROBES}, so an upgrade stops every instance before starting the new one (no rolling bounce).
 */
final class DedupeMessageSerde implements Serde<DedupeMessage> {

    private static final byte CANDIDATE = 1;
    private static final byte PROBE = 2;
    private static final byte ANSWER = 3;
    private static final byte CLUSTER = 4;
    private static final byte REPLY = 5;
    private static final byte JOIN = 6;
    private static final byte PROBES = 7;

    private final DedupeBinary binary;
    private final StateCodec<DedupeMessage> codec;

    DedupeMessageSerde(Serde<Article> articleSerde, String articlesTopic) {
        this.binary = new DedupeBinary(articleSerde, articlesTopic);
        this.codec = StateCodec.of("dedupe message", this::write, this::read);
    }

    @Override
    public Serializer<DedupeMessage> serializer() {
        return codec.serializer();
    }

    @Override
    public Deserializer<DedupeMessage> deserializer() {
        return codec.deserializer();
    }

    byte[] encode(DedupeMessage message) {
        return codec.encode(message);
    }

    DedupeMessage decode(byte[] data) {
        return codec.decode(data);
    }

    private void write(StateWriter out, DedupeMessage message) throws IOException {
        if (message instanceof StoryCandidate c) {
            out.writeByte(CANDIDATE);
            binary.writeArticle(out, c.article());
            DedupeBinary.writeIndexed(out, c.indexed());
            out.writeInt(c.expectedAnswers());
        } else if (message instanceof IndexProbe p) {
            out.writeByte(PROBES);
            out.writeShort(p.keys().size());
            for (String key : p.keys()) {
                out.writeUTF(key);
            }
            DedupeBinary.writeIndexed(out, p.story());
        } else if (message instanceof IndexAnswer a) {
            out.writeByte(ANSWER);
            out.writeUTF(a.storyUri());
            out.writeBoolean(a.counted());
            DedupeBinary.writeCopies(out, a.copies());
        } else if (message instanceof ClusterEvent e) {
            out.writeByte(CLUSTER);
            out.writeUTF(e.headUri());
            binary.writeArticle(out, e.head());
            DedupeBinary.writeCopy(out, e.member());
        } else if (message instanceof CopyReply r) {
            out.writeByte(REPLY);
            DedupeBinary.writeCopy(out, r.story());
            out.writeUTF(r.copyUri());
            out.writeBoolean(r.publishedHead());
        } else if (message instanceof JoinRequest j) {
            out.writeByte(JOIN);
            out.writeUTF(j.survivorUri());
            DedupeBinary.writeCopy(out, j.member());
            DedupeBinary.writeAudit(out, j.audit());
            out.writeBoolean(j.listed());
        } else {
            throw new SerializationException("audit events are not repartitioned");
        }
    }

    private DedupeMessage read(StateReader in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case CANDIDATE -> new StoryCandidate(binary.readArticle(in), DedupeBinary.readIndexed(in), in.readInt());
            // written before probes were grouped by partition: one key
            case PROBE -> new IndexProbe(in.readUTF(), DedupeBinary.readIndexed(in));
            case PROBES -> new IndexProbe(readKeys(in), DedupeBinary.readIndexed(in));
            case ANSWER -> new IndexAnswer(in.readUTF(), in.readBoolean(), DedupeBinary.readCopies(in));
            case CLUSTER -> new ClusterEvent(in.readUTF(), binary.readArticle(in), DedupeBinary.readCopy(in));
            case REPLY -> new CopyReply(DedupeBinary.readCopy(in), in.readUTF(), in.readBoolean());
            // a request written before the listed flag existed ends after its audit: listed, as it was then
            case JOIN -> new JoinRequest(in.readUTF(), DedupeBinary.readCopy(in), DedupeBinary.readAudit(in),
                    !in.hasMore() || in.readBoolean());
            default -> throw new SerializationException("unknown dedupe message kind " + kind);
        };
    }

    /** A probe's keys: an unsigned short count (a story has a few dozen), then each key. */
    private static List<String> readKeys(StateReader in) throws IOException {
        int count = in.readUnsignedShort();
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(in.readUTF());
        }
        return keys;
    }
}

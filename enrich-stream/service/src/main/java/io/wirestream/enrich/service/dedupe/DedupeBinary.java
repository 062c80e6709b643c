package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.service.BinarySerde;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.index.IndexedStoryCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary building blocks shared by the stage's internal serdes: nullable strings, copies, indexed stories, and
 * articles nested through the article serde (so they stay in whatever format the pipeline's article topic uses).
 */
final class DedupeBinary {

    private final Serde<Article> articleSerde;
    private final String articlesTopic;

    DedupeBinary(Serde<Article> articleSerde, String articlesTopic) {
        this.articleSerde = articleSerde;
        this.articlesTopic = articlesTopic;
    }

    void writeArticle(DataOutputStream out, Article article) throws IOException {
        if (article == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = articleSerde.serializer().serialize(articlesTopic, article);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Articles kept as state on their own, nested as above. */
    BinarySerde<Article> articles() {
        return new BinarySerde<>(this::writeArticle, this::readArticle);
    }

    Article readArticle(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        return articleSerde.deserializer().deserialize(articlesTopic, bytes);
    }

    static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeIndexed(DataOutputStream out, IndexedStory story) throws IOException {
        out.writeBoolean(story != null);
        if (story != null) {
            IndexedStoryCodec.write(out, story);
        }
    }

    static IndexedStory readIndexed(DataInputStream in) throws IOException {
        return in.readBoolean() ? IndexedStoryCodec.read(in) : null;
    }

    static void writeCopy(DataOutputStream out, CopySeen copy) throws IOException {
        out.writeBoolean(copy != null);
        if (copy != null) {
            out.writeUTF(copy.uri());
            out.writeUTF(copy.agency() == null ? "" : copy.agency());
            out.writeLong(copy.receivedAtMillis());
            out.writeByte(copy.kind().ordinal());
        }
    }

    static CopySeen readCopy(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new CopySeen(in.readUTF(), in.readUTF(), in.readLong(), MatchKind.values()[in.readByte()]);
    }

    static void writeCopies(DataOutputStream out, List<CopySeen> copies) throws IOException {
        out.writeInt(copies.size());
        for (CopySeen copy : copies) {
            writeCopy(out, copy);
        }
    }

    static List<CopySeen> readCopies(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<CopySeen> copies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            copies.add(readCopy(in));
        }
        return copies;
    }

    /** An audit record travelling inside a {@link DedupeMessage.JoinRequest}: its fields, raw reference included. */
    static void writeAudit(DataOutputStream out, io.wirestream.avro.DedupeAudit audit) throws IOException {
        out.writeUTF(audit.getUri());
        out.writeLong(audit.getVersion());
        out.writeUTF(audit.getAgency());
        writeNullable(out, audit.getHeadline());
        out.writeUTF(audit.getReason());
        writeNullable(out, audit.getSurvivorUri());
        writeNullable(out, audit.getClusterId());
        out.writeLong(audit.getReceivedAt().toEpochMilli());
        out.writeLong(audit.getDecidedAt().toEpochMilli());
        io.wirestream.avro.RawRef raw = audit.getRaw();
        out.writeBoolean(raw != null);
        if (raw != null) {
            out.writeUTF(raw.getItemId());
            writeNullable(out, raw.getAgency());
            writeNullable(out, raw.getTopic());
            out.writeInt(raw.getPartition() == null ? -1 : raw.getPartition());
            out.writeLong(raw.getOffset() == null ? -1 : raw.getOffset());
        }
        writeNullable(out, audit.getMatchedBy());
    }

    static io.wirestream.avro.DedupeAudit readAudit(DataInputStream in) throws IOException {
        io.wirestream.avro.DedupeAudit.Builder audit = io.wirestream.avro.DedupeAudit.newBuilder()
                .setUri(in.readUTF()).setVersion(in.readLong()).setAgency(in.readUTF())
                .setHeadline(readNullable(in)).setReason(in.readUTF()).setSurvivorUri(readNullable(in))
                .setClusterId(readNullable(in)).setReceivedAt(java.time.Instant.ofEpochMilli(in.readLong()))
                .setDecidedAt(java.time.Instant.ofEpochMilli(in.readLong()));
        if (in.readBoolean()) {
            String itemId = in.readUTF();
            String agency = readNullable(in);
            String topic = readNullable(in);
            int partition = in.readInt();
            long offset = in.readLong();
            audit.setRaw(io.wirestream.avro.RawRef.newBuilder().setItemId(itemId).setAgency(agency).setTopic(topic)
                    .setPartition(partition < 0 ? null : partition).setOffset(offset < 0 ? null : offset).build());
        }
        audit.setMatchedBy(readNullable(in));
        return audit.build();
    }
}

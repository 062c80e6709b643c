package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.RawRef;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.index.IndexedStoryCodec;
import io.wirestream.enrich.dedupe.version.StoryState;
import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.service.codec.StateReader;
import io.wirestream.enrich.service.codec.StateWriter;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The layouts of the fields the stage's records share (copies, indexed stories, audits) and of articles nested
 * through the article serde, so they stay in whatever format the pipeline's article topic uses.
 */
final class DedupeBinary {

    private final Serde<Article> articleSerde;
    private final String articlesTopic;

    DedupeBinary(Serde<Article> articleSerde, String articlesTopic) {
        this.articleSerde = articleSerde;
        this.articlesTopic = articlesTopic;
    }

    /** The version guard's per-story state. */
    static StateCodec<StoryState> storyStates() {
        return StateCodec.of("story state", (out, s) -> {
            out.writeUTF(s.uri());
            out.writeLong(s.latestVersion());
            out.writeBoolean(s.killed());
            out.writeMillis(s.updatedAt());
        }, in -> new StoryState(in.readUTF(), in.readLong(), in.readBoolean(), in.readMillis()));
    }

    /** Articles kept as state on their own, nested as below. */
    StateCodec<Article> articles() {
        return StateCodec.of("article", this::writeArticle, this::readArticle);
    }

    void writeArticle(StateWriter out, Article article) throws IOException {
        out.writeSized(article == null ? null : articleSerde.serializer().serialize(articlesTopic, article));
    }

    Article readArticle(StateReader in) throws IOException {
        byte[] bytes = in.readSized();
        return bytes == null ? null : articleSerde.deserializer().deserialize(articlesTopic, bytes);
    }

    static void writeIndexed(StateWriter out, IndexedStory story) throws IOException {
        out.writeOptional(story, IndexedStoryCodec::write);
    }

    static IndexedStory readIndexed(StateReader in) throws IOException {
        return in.readOptional(IndexedStoryCodec::read);
    }

    static void writeCopy(StateWriter out, CopySeen copy) throws IOException {
        out.writeOptional(copy, (o, c) -> {
            o.writeUTF(c.uri());
            o.writeUTF(c.agency() == null ? "" : c.agency());
            o.writeLong(c.receivedAtMillis());
            o.writeByte(c.kind().ordinal());
        });
    }

    static CopySeen readCopy(StateReader in) throws IOException {
        return in.readOptional(i -> new CopySeen(i.readUTF(), i.readUTF(), i.readLong(), MatchKind.values()[i.readByte()]));
    }

    static void writeCopies(StateWriter out, Collection<CopySeen> copies) throws IOException {
        out.writeList(copies, DedupeBinary::writeCopy);
    }

    static List<CopySeen> readCopies(StateReader in) throws IOException {
        return in.readList(DedupeBinary::readCopy);
    }

    /**
     * An audit record travelling inside a {@link DedupeMessage.JoinRequest}: its fields, raw reference included. Its
     * survivor version is not carried: the head's task sets the survivor where the request arrives.
     */
    static void writeAudit(StateWriter out, DedupeAudit audit) throws IOException {
        out.writeUTF(audit.getUri());
        out.writeLong(audit.getVersion());
        out.writeUTF(audit.getAgency());
        out.writeNullableUTF(audit.getHeadline());
        out.writeUTF(audit.getReason());
        out.writeNullableUTF(audit.getSurvivorUri());
        out.writeNullableUTF(audit.getClusterId());
        out.writeMillis(audit.getReceivedAt());
        out.writeMillis(audit.getDecidedAt());
        out.writeOptional(audit.getRaw(), (o, raw) -> {
            o.writeUTF(raw.getItemId());
            o.writeNullableUTF(raw.getAgency());
            o.writeNullableUTF(raw.getTopic());
            o.writeInt(raw.getPartition() == null ? -1 : raw.getPartition());
            o.writeLong(raw.getOffset() == null ? -1 : raw.getOffset());
        });
        out.writeNullableUTF(audit.getMatchedBy());
    }

    static DedupeAudit readAudit(StateReader in) throws IOException {
        DedupeAudit.Builder audit = DedupeAudit.newBuilder()
                .setUri(in.readUTF()).setVersion(in.readLong()).setAgency(in.readUTF())
                .setHeadline(in.readNullableUTF()).setReason(in.readUTF()).setSurvivorUri(in.readNullableUTF())
                .setClusterId(in.readNullableUTF()).setReceivedAt(in.readMillis()).setDecidedAt(in.readMillis());
        audit.setRaw(in.readOptional(i -> {
            String itemId = i.readUTF();
            String agency = i.readNullableUTF();
            String topic = i.readNullableUTF();
            int partition = i.readInt();
            long offset = i.readLong();
            return RawRef.newBuilder().setItemId(itemId).setAgency(agency).setTopic(topic)
                    .setPartition(partition < 0 ? null : partition).setOffset(offset < 0 ? null : offset).build();
        }));
        audit.setMatchedBy(in.readNullableUTF());
        return audit.build();
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A first version waiting for its index answers, its later copies' replies and the hold-back before it is judged.
 *
 * @param article null: the newest version is kept in its own store (see DuplicateGatherProcessor); only bookkeeping
 *     written by earlier versions carries it here
 * @param indexed the story as filed; null while only answers have arrived
 * @param expectedAnswers counted answers to wait for
 * @param answered counted answers received
 * @param copies copies reported so far, by uri
 * @param createdAtMillis wall-clock time the candidate arrived
 * @param replies from later-wired copies, by uri: whether the copy had already been published as a cluster head
 */
record PendingStory(Article article, IndexedStory indexed, int expectedAnswers, int answered,
        Map<String, CopySeen> copies, long createdAtMillis, Map<String, Boolean> replies) {

    static PendingStory answersOnly(long now) {
        return new PendingStory(null, null, Integer.MAX_VALUE, 0, new LinkedHashMap<>(), now, new LinkedHashMap<>());
    }

    PendingStory withCandidate(IndexedStory story, int expected, long now) {
        return new PendingStory(article, story, expected, answered, copies, Math.max(createdAtMillis, now), replies);
    }

    PendingStory withAnswer(boolean counted, List<CopySeen> reported) {
        Map<String, CopySeen> merged = new LinkedHashMap<>(copies);
        for (CopySeen copy : reported) {
            merged.merge(copy.uri(), copy, (a, b) -> a.kind().ordinal() <= b.kind().ordinal() ? a : b);
        }
        return new PendingStory(article, indexed, expectedAnswers, answered + (counted ? 1 : 0), merged, createdAtMillis,
                replies);
    }

    PendingStory withReply(String copyUri, boolean publishedHead) {
        Map<String, Boolean> grown = new LinkedHashMap<>(replies);
        grown.merge(copyUri, publishedHead, Boolean::logicalOr);
        return new PendingStory(article, indexed, expectedAnswers, answered, copies, createdAtMillis, grown);
    }

    boolean hasCandidate() {
        return indexed != null;
    }

    /**
     * Copies wired after this story that the index found: each was sent a notice by the index and answers it, so the
     * story cannot be judged before every one of them has replied (the reply says whether it is already published).
     */
    long repliesOutstanding() {
        return copies.values().stream()
                .filter(copy -> indexed.precedes(copy.asIndexedStory()))
                .filter(copy -> !replies.containsKey(copy.uri()))
                .count();
    }

    /** The earliest-wired copy that replied it was already published as a cluster head, if any. */
    Optional<CopySeen> publishedLaterCopy() {
        return copies.values().stream()
                .filter(copy -> Boolean.TRUE.equals(replies.get(copy.uri())))
                .min(Comparator.comparing(CopySeen::asIndexedStory, IndexedStory.WIRE_ORDER));
    }

    boolean ready(long now, long holdBackMillis, long timeoutMillis) {
        if (!hasCandidate()) {
            return false;
        }
        long waited = now - createdAtMillis;
        return (answered >= expectedAnswers && repliesOutstanding() == 0 && waited >= holdBackMillis)
                || waited >= timeoutMillis;
    }

    static StateCodec<PendingStory> serde(DedupeBinary binary) {
        return StateCodec.of("pending story", (out, p) -> {
            binary.writeArticle(out, p.article());
            DedupeBinary.writeIndexed(out, p.indexed());
            out.writeInt(p.expectedAnswers());
            out.writeInt(p.answered());
            DedupeBinary.writeCopies(out, p.copies().values());
            out.writeLong(p.createdAtMillis());
            out.writeInt(p.replies().size());
            for (Map.Entry<String, Boolean> reply : p.replies().entrySet()) {
                out.writeUTF(reply.getKey());
                out.writeBoolean(reply.getValue());
            }
        }, in -> {
            Article article = binary.readArticle(in);
            IndexedStory indexed = DedupeBinary.readIndexed(in);
            int expected = in.readInt();
            int answered = in.readInt();
            Map<String, CopySeen> copies = new LinkedHashMap<>();
            DedupeBinary.readCopies(in).forEach(c -> copies.put(c.uri(), c));
            long createdAt = in.readLong();
            Map<String, Boolean> replies = new LinkedHashMap<>();
            // state written before replies existed ends here; it is read as "no replies yet"
            int count = in.hasMore() ? in.readInt() : 0;
            for (int i = 0; i < count; i++) {
                replies.put(in.readUTF(), in.readBoolean());
            }
            return new PendingStory(article, indexed, expected, answered, copies, createdAt, replies);
        });
    }
}

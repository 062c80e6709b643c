package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first version waiting for its index answers (and the hold-back) before it is judged.
 *
 * @param article the newest version let through so far (a later version may arrive while the first waits)
 * @param indexed the story as filed; null while only answers have arrived
 * @param expectedAnswers counted answers to wait for
 * @param answered counted answers received
 * @param copies copies reported so far, by uri
 * @param createdAtMillis wall-clock time the candidate arrived
 */
record PendingStory(Article article, IndexedStory indexed, int expectedAnswers, int answered,
        Map<String, CopySeen> copies, long createdAtMillis) {

    static PendingStory answersOnly(long now) {
        return new PendingStory(null, null, Integer.MAX_VALUE, 0, new LinkedHashMap<>(), now);
    }

    PendingStory withCandidate(Article candidate, IndexedStory story, int expected, long now) {
        return new PendingStory(candidate, story, expected, answered, copies, Math.max(createdAtMillis, now));
    }

    PendingStory withLaterVersion(Article later) {
        return new PendingStory(later, indexed, expectedAnswers, answered, copies, createdAtMillis);
    }

    PendingStory withAnswer(boolean counted, List<CopySeen> reported) {
        Map<String, CopySeen> merged = new LinkedHashMap<>(copies);
        for (CopySeen copy : reported) {
            merged.merge(copy.uri(), copy, (a, b) -> a.kind().ordinal() <= b.kind().ordinal() ? a : b);
        }
        return new PendingStory(article, indexed, expectedAnswers, answered + (counted ? 1 : 0), merged, createdAtMillis);
    }

    boolean hasCandidate() {
        return indexed != null;
    }

    boolean ready(long now, long holdBackMillis, long timeoutMillis) {
        if (!hasCandidate()) {
            return false;
        }
        long waited = now - createdAtMillis;
        return (answered >= expectedAnswers && waited >= holdBackMillis) || waited >= timeoutMillis;
    }

    static BinarySerde<PendingStory> serde(DedupeBinary binary) {
        return new BinarySerde<>((out, p) -> {
            binary.writeArticle(out, p.article());
            DedupeBinary.writeIndexed(out, p.indexed());
            out.writeInt(p.expectedAnswers());
            out.writeInt(p.answered());
            DedupeBinary.writeCopies(out, new ArrayList<>(p.copies().values()));
            out.writeLong(p.createdAtMillis());
        }, in -> {
            Article article = binary.readArticle(in);
            IndexedStory indexed = DedupeBinary.readIndexed(in);
            int expected = in.readInt();
            int answered = in.readInt();
            Map<String, CopySeen> copies = new LinkedHashMap<>();
            DedupeBinary.readCopies(in).forEach(c -> copies.put(c.uri(), c));
            return new PendingStory(article, indexed, expected, answered, copies, in.readLong());
        });
    }
}

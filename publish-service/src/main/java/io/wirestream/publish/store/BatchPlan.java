package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.contracts.ArticleStates;
import io.wirestream.newsformats.hash.Sha256;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a batch does to a store, worked out before anything is written: {@link StoryVersionGuard} applied in topic
 * order against what the store already holds, so each touched story is written once per batch with its final state,
 * however many versions of it the batch carries. Pure logic shared by every store.
 */
public final class BatchPlan {

    /**
     * What a store holds for a story before the batch.
     *
     * @param contentHash {@link #contentHash(Article)} of the stored version, or null where the store keeps none
     *                    (then an equal version is always a replay)
     */
    public record Known(long version, StoryStatus status, String contentHash) {
        public Known(long version, StoryStatus status) {
            this(version, status, null);
        }
    }

    /** A digest of an article version's full content: equal for a replayed record, different for a revision. */
    public static String contentHash(Article article) {
        try {
            java.nio.ByteBuffer bytes = article.toByteBuffer();
            return Sha256.hex(java.util.Arrays.copyOfRange(
                    bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode article " + article.getUri(), e);
        }
    }

    /**
     * A story's state after the batch.
     *
     * @param article the version to write: the usable version, the kill itself, or for a tombstone a synthetic kill
     *                at the stored version
     * @param embargo visible from this instant (null: at once)
     * @param held    written but not visible yet: its embargo lies after the batch's time
     * @param source  the record that decided this state
     * @param contentHash {@link #contentHash(Article)} of {@code article}, digested once per record
     */
    public record Target(String uri, long version, StoryStatus status, Article article, Instant embargo, boolean held,
                         IncomingRecord source, String contentHash) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final Map<String, ItemFate> fates = new LinkedHashMap<>();
    private final java.util.List<Article> acceptedVersions = new java.util.ArrayList<>();
    private ApplyResult result = ApplyResult.EMPTY;

    private BatchPlan() {}

    /**
     * @param known looks up what the store holds for the given story ids (absent ids: nothing)
     */
    public static BatchPlan of(Collection<IncomingRecord> batch, Function<Set<String>, Map<String, Known>> known,
                               KillMode killMode, Instant now) {
        Set<String> uris = new LinkedHashSet<>();
        for (IncomingRecord r : batch) {
            if (r.storyUri() != null && r.kind() != IncomingRecord.Kind.UNREADABLE && r.kind() != IncomingRecord.Kind.LINEAGE) {
                uris.add(r.storyUri());
            }
        }
        Map<String, Known> state = new HashMap<>(uris.isEmpty() ? Map.of() : known.apply(uris));
        BatchPlan plan = new BatchPlan();
        for (IncomingRecord record : batch) {
            plan.nextOffsets.merge(record.topicPartition(), record.offset() + 1, Math::max);
            plan.result = plan.result.plus(plan.step(record, state, killMode, now));
        }
        return plan;
    }

    private ApplyResult step(IncomingRecord record, Map<String, Known> state, KillMode killMode, Instant now) {
        switch (record.kind()) {
            case UNREADABLE -> {
                return new ApplyResult(0, 0, 0, 0, 1);
            }
            case LINEAGE -> {
                if (record.lineage() != null) {
                    fate(record.lineage());
                }
                return ApplyResult.EMPTY;
            }
            case TOMBSTONE -> {
                Known current = record.storyUri() == null ? null : state.get(record.storyUri());
                if (current == null || current.status().isKilled()) {
                    return new ApplyResult(0, 0, 0, 0, 1);
                }
                StoryStatus status = killMode == KillMode.DELETE ? StoryStatus.DELETED : StoryStatus.WITHDRAWN;
                Article tombstoneKill = tombstoneKill(record.storyUri(), current.version(), now);
                put(state, new Target(record.storyUri(), current.version(), status, tombstoneKill, null, false, record,
                        contentHash(tombstoneKill)));
                return new ApplyResult(0, 0, 1, 0, 0);
            }
            default -> {
                Article article = record.article();
                Known current = state.get(article.getUri());
                boolean kill = ArticleStates.isKill(article);
                String hash = contentHash(article);
                if (!StoryVersionGuard.accepts(current == null ? null : current.version(),
                        current == null ? null : current.status(), article.getVersion(), kill)
                        && !isRevision(current, article, hash, kill)) {
                    if (article.getRaw() != null) {
                        fate(ItemFate.refused(article, current.status().isKilled(), current.version(), now));
                    }
                    return new ApplyResult(0, 1, 0, 0, 0);
                }
                StoryStatus status = StoryStatus.of(article, killMode);
                // a kill takes effect at once, whatever embargo the killed story had
                Instant embargo = kill ? null : article.getEmbargoed();
                boolean held = embargo != null && embargo.isAfter(now);
                put(state, new Target(article.getUri(), article.getVersion(), status, article, embargo, held, record, hash));
                acceptedVersions.add(article);
                if (article.getRaw() != null) {
                    fate(ItemFate.accepted(article, status, embargo, held, now));
                }
                if (status.isKilled()) {
                    return new ApplyResult(0, 0, 1, 0, 0);
                }
                return new ApplyResult(1, 0, 0, held ? 1 : 0, 0);
            }
        }
    }

    /**
     * An equal version with different content is the pipeline revising the same story version (a copy joined its
     * duplicate cluster, its related links changed): every version of a story comes on one partition in order, and
     * enrich-stream drops an agency's re-delivery of a version it has seen, so the later record is the newer state.
     * A replay carries the same content and stays ignored; nothing revives a kill at its own version.
     */
    private static boolean isRevision(Known current, Article article, String hash, boolean kill) {
        return current != null && current.contentHash() != null && article.getVersion() == current.version()
                && !kill && !current.status().isKilled() && !current.contentHash().equals(hash);
    }

    private void put(Map<String, Known> state, Target target) {
        state.put(target.uri(), new Known(target.version(), target.status(), target.contentHash()));
        targets.remove(target.uri()); // keep the order of the last change
        targets.put(target.uri(), target);
    }

    /** Keeps, per item, the strongest fate the batch tells (see {@link ItemFate.Fate#rank}). */
    private void fate(ItemFate fate) {
        fates.merge(fate.itemId(), fate, (old, next) -> next.fate().rank >= old.fate().rank ? next : old);
    }

    /** What became of each item the batch tells about, by ingest item id. */
    public Collection<ItemFate> fates() {
        return fates.values();
    }

    /** The final state of every story the batch changed, in the order of their last change. */
    public Collection<Target> targets() {
        return targets.values();
    }

    /**
     * Every article version the batch accepted, in topic order, including those a later record of the same batch
     * replaced: who may read a story is decided on each version that passed (a story matched by its first version and
     * killed in the same batch must still reach its readers as a kill), not only on the last.
     */
    public java.util.List<Article> acceptedVersions() {
        return java.util.Collections.unmodifiableList(acceptedVersions);
    }

    public ApplyResult result() {
        return result;
    }

    /** The position after the batch, per partition. */
    public Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /** The kill written for a tombstone: the topic forgot a live story, so it is withdrawn at its stored version. */
    static Article tombstoneKill(String uri, long version, Instant now) {
        return Article.newBuilder().setUri(uri).setVersion(version).setVersioncreated(now)
                .setPubstatus(PubStatus.canceled).setSignals(java.util.List.of(ArticleStates.KILL_SIGNAL)).setHeadline("")
                .setAgency("").setReceivedAt(now).build();
    }
}

package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.Rejection;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What became of one ingested item, found by its ingest receipt id ({@code RawRef.itemId}).
 *
 * @param fate          what happened; see {@link Fate}
 * @param storyUri      the story the item became (published, held, dropped) or was judged as (merged)
 * @param version       that story version
 * @param status        the stored status for a published item: usable, withheld, withdrawn, deleted
 * @param embargoedUntil for a held item: when it is released (null: withheld without a time)
 * @param survivorUri   for a merged item: the published story it was merged into; for a dropped one: the story itself
 * @param clusterId     the duplicate cluster of the survivor
 * @param stage         for a rejected item: the stage that refused it
 * @param reason        the reason code (dedupe reason, rejection reason, stale-version, after-kill)
 */
public record ItemFate(String itemId, Fate fate, String storyUri, Long version, String status, Instant embargoedUntil,
                       String survivorUri, String clusterId, String stage, String reason, String detail,
                       Instant decidedAt) {

    /** The fates; a later record may replace an earlier one only if its rank is at least as high. */
    public enum Fate {
        PUBLISHED(1), HELD(1), DROPPED(2), MERGED(3), REJECTED(3);

        public final int rank;

        Fate(int rank) {
            this.rank = rank;
        }

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Fate fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    private static final Set<String> MERGE_REASONS = Set.of("exact-duplicate", "near-duplicate",
            "duplicate-story-update", "late-duplicate");

    /** An article version a store accepted: published at once, or held by its embargo or a withhold. */
    public static ItemFate accepted(Article article, StoryStatus status, Instant embargo, boolean held, Instant now) {
        boolean waiting = held || status == StoryStatus.WITHHELD;
        return new ItemFate(article.getRaw().getItemId(), waiting ? Fate.HELD : Fate.PUBLISHED, article.getUri(),
                article.getVersion(), status.dbValue(), held ? embargo : null, null, null, null,
                status == StoryStatus.WITHHELD ? "withheld" : held ? "embargoed" : null, null, now);
    }

    /** An article version the store's version guard refused: older than the stored one, or after a kill. */
    public static ItemFate refused(Article article, boolean afterKill, long storedVersion, Instant now) {
        return new ItemFate(article.getRaw().getItemId(), Fate.DROPPED, article.getUri(), article.getVersion(), null,
                null, article.getUri(), null, "publish", afterKill ? "after-kill" : "stale-version",
                "the store holds version " + storedVersion + (afterKill ? ", killed" : ""), now);
    }

    /** A dedupe or story-versions decision; null when the audit names no raw item. */
    public static ItemFate of(DedupeAudit audit) {
        if (audit.getRaw() == null) {
            return null;
        }
        boolean merged = MERGE_REASONS.contains(audit.getReason());
        return new ItemFate(audit.getRaw().getItemId(), merged ? Fate.MERGED : Fate.DROPPED, audit.getUri(),
                audit.getVersion(), null, null, audit.getSurvivorUri(), audit.getClusterId(),
                merged ? "dedupe" : "version", audit.getReason(), null, audit.getDecidedAt());
    }

    public static ItemFate of(Rejection rejection) {
        return new ItemFate(rejection.getRaw().getItemId(), Fate.REJECTED, null, null, null, null, null, null,
                rejection.getStage(), rejection.getReason(), rejection.getDetail(), rejection.getRejectedAt());
    }
}

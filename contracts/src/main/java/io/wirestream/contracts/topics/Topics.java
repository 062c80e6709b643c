package io.wirestream.contracts.topics;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import java.time.Duration;
import java.util.List;

/** The topic catalogue: every topic of the pipeline, declared once. */
public final class Topics {

    /** Raw deliveries, keyed by agency and the agency's item id so all versions of a story share a partition. */
    public static final TopicDef<String, RawItem> RAW = new TopicDef<>("wire.raw", String.class, RawItem.class,
            "delete", Duration.ofDays(7), 6, "Raw items as delivered, with who/when/how; written by ingest-service");

    /** Finished articles, keyed by story uri; compacted so the topic holds each story's current state. */
    public static final TopicDef<String, Article> ARTICLES = new TopicDef<>("wire.articles", String.class, Article.class,
            "compact", null, 6, "Canonical articles, latest version per story; read by publish-service and downstream sites");

    /** Items a stage could not process, with stage, reason and a reference to the raw item. */
    public static final TopicDef<String, Rejection> REJECTED = new TopicDef<>("wire.rejected", String.class, Rejection.class,
            "delete", Duration.ofDays(30), 1, "Rejected items with stage and cause");

    /** Every story version dropped as stale, after a kill, or as an exact or near duplicate, with the surviving story. */
    public static final TopicDef<String, DedupeAudit> DEDUPE_AUDIT = new TopicDef<>("wire.dedupe-audit", String.class, DedupeAudit.class,
            "delete", Duration.ofDays(30), 3, "Audit of every drop by story versions and dedupe, with reason and survivor");

    private Topics() {}

    public static List<TopicDef<?, ?>> all() {
        return List.of(RAW, ARTICLES, REJECTED, DEDUPE_AUDIT);
    }
}

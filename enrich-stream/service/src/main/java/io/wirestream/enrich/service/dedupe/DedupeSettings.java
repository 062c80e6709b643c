package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import java.time.Duration;

/**
 * Settings of the versions-and-dedupe stage.
 *
 * @param window how long a story stays in the duplicate index, its version state and its cluster (default 7 days)
 * @param holdBack how long a first version waits, once every index key answered, for a copy that was wired earlier
 *     but reached the index later (out of order), so that the earlier copy heads the cluster. It never decides
 *     whether a story is published twice (it is not): when an earlier copy arrives after a later one was published,
 *     it joins the published one's cluster. Longer means the first-wired copy heads more clusters, at that much
 *     latency on every first version. Default 5 s.
 * @param answerTimeout a first version whose index answers have not all arrived after this long is decided on what
 *     has arrived (they always arrive under exactly-once; this is a safety net)
 * @param purgeInterval how often expired version, fate and cluster entries are swept (the index expires by itself)
 * @param auditTopic where every drop is written
 * @param repliesTopic the stage's own feedback topic, on which a later-wired copy tells an earlier one where it
 *     stands; Kafka Streams cannot loop through an internal topic, so the service provisions this one. It must be
 *     private to one application id.
 * @param articlesTopic the topic name handed to the article serde for nested articles (its registry subject)
 * @param fingerprint fingerprint and near-duplicate knobs
 * @param indexPartitions partitions of the index topic ({@code dedupe-by-index-key}), fixed so that a first version
 *     sends one probe per partition its index keys land on (carrying those keys) instead of one per key, and gets one
 *     answer per probe. It must equal the partitions of that topic where it already exists (Kafka Streams refuses to
 *     start otherwise): the service sets it to the topic partitions it configures. 0 sends one probe per key and
 *     leaves the topic's partitions to Kafka Streams, as before grouping.
 */
public record DedupeSettings(
        Duration window,
        Duration holdBack,
        Duration answerTimeout,
        Duration purgeInterval,
        String auditTopic,
        String repliesTopic,
        String articlesTopic,
        FingerprintSettings fingerprint,
        int indexPartitions) {

    public static final String DEFAULT_AUDIT_TOPIC = "wire.dedupe-audit";

    /** The feedback topic of an application: like Kafka Streams' internal topics, prefixed with its id. */
    public static String repliesTopicOf(String applicationId) {
        return applicationId + "-dedupe-replies";
    }

    public static DedupeSettings defaults() {
        return new DedupeSettings(Duration.ofDays(7), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1),
                DEFAULT_AUDIT_TOPIC, "dedupe-replies", "wire.articles", FingerprintSettings.DEFAULTS, 0);
    }

    /** Without grouped probes (one per index key). */
    public DedupeSettings(Duration window, Duration holdBack, Duration answerTimeout, Duration purgeInterval,
            String auditTopic, String repliesTopic, String articlesTopic, FingerprintSettings fingerprint) {
        this(window, holdBack, answerTimeout, purgeInterval, auditTopic, repliesTopic, articlesTopic, fingerprint, 0);
    }

    public DedupeSettings {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (holdBack.isNegative() || answerTimeout.compareTo(holdBack) < 0) {
            throw new IllegalArgumentException("holdBack must be >= 0 and answerTimeout >= holdBack");
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("purgeInterval must be positive");
        }
        if (indexPartitions < 0) {
            throw new IllegalArgumentException("indexPartitions must be >= 0");
        }
    }

    public DedupeSettings withWindow(Duration value) {
        return new DedupeSettings(value, holdBack, answerTimeout, purgeInterval, auditTopic, repliesTopic, articlesTopic, fingerprint,
                indexPartitions);
    }

    public DedupeSettings withHoldBack(Duration value) {
        return new DedupeSettings(window, value, answerTimeout.compareTo(value) < 0 ? value : answerTimeout, purgeInterval,
                auditTopic, repliesTopic, articlesTopic, fingerprint, indexPartitions);
    }

    public DedupeSettings withAuditTopic(String value) {
        return new DedupeSettings(window, holdBack, answerTimeout, purgeInterval, value, repliesTopic, articlesTopic, fingerprint,
                indexPartitions);
    }

    public DedupeSettings withRepliesTopic(String value) {
        return new DedupeSettings(window, holdBack, answerTimeout, purgeInterval, auditTopic, value, articlesTopic,
                fingerprint, indexPartitions);
    }

    public DedupeSettings withIndexPartitions(int value) {
        return new DedupeSettings(window, holdBack, answerTimeout, purgeInterval, auditTopic, repliesTopic, articlesTopic,
                fingerprint, value);
    }
}

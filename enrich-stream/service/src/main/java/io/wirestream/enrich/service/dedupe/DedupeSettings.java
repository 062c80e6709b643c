package io.wirestream.enrich.service.dedupe;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.service.EnrichSettings;
import io.wirestream.runtime.config.Settings;
import java.time.Duration;

/**
 * Settings of the versions-and-dedupe stage, made by {@link #from} out of the service's declared settings
 * ({@link EnrichSettings}) and topics ({@link Topics}); the few values no setting declares are constants here.
 *
 * @param window how long a story stays in the duplicate index, its version state and its cluster
 *     ({@code enrich.dedupe.window})
 * @param holdBack how long a first version waits, once every index key answered, for a copy that was wired earlier
 *     but reached the index later (out of order), so that the earlier copy heads the cluster. It never decides
 *     whether a story is published twice (it is not): when an earlier copy arrives after a later one was published,
 *     it joins the published one's cluster. Longer means the first-wired copy heads more clusters, at that much
 *     latency on every first version ({@code enrich.dedupe.hold.back}).
 * @param answerTimeout a first version whose index answers have not all arrived after this long is decided on what
 *     has arrived (they always arrive under exactly-once; this is a safety net); never shorter than the hold-back
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

    /** A safety net rather than a knob, so not a setting. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    /** The stage as the service runs it. */
    public static DedupeSettings from(Settings settings) {
        Duration holdBack = settings.get(EnrichSettings.DEDUPE_HOLD_BACK);
        return new DedupeSettings(settings.get(EnrichSettings.DEDUPE_WINDOW), holdBack,
                ANSWER_TIMEOUT.compareTo(holdBack) < 0 ? holdBack : ANSWER_TIMEOUT, PURGE_INTERVAL,
                Topics.DEDUPE_AUDIT.name(), repliesTopicOf(settings.get(EnrichSettings.APPLICATION_ID)),
                Topics.ARTICLES.name(), FingerprintSettings.DEFAULTS,
                // probes grouped by index partition: as many partitions as the topics this deployment provisions
                EnrichSettings.indexPartitions(settings));
    }

    /** The feedback topic of an application: like Kafka Streams' internal topics, prefixed with its id. */
    public static String repliesTopicOf(String applicationId) {
        return applicationId + REPLIES_SUFFIX;
    }

    private static final String REPLIES_SUFFIX = "-dedupe-replies";

    /**
     * The repartition topic that fed the cluster processor before it ran in the judge's task (Kafka Streams named it
     * after the application, as it names the feedback topic): still read, so that what an earlier version left in it
     * is applied.
     */
    public String formerClustersTopic() {
        String application = repliesTopic.endsWith(REPLIES_SUFFIX)
                ? repliesTopic.substring(0, repliesTopic.length() - REPLIES_SUFFIX.length()) : repliesTopic;
        return application + "-dedupe-by-cluster-repartition";
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
}

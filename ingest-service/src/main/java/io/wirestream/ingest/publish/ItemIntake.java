package io.wirestream.ingest.publish;

import io.wirestream.ingest.classify.Classification;
import io.wirestream.ingest.classify.NewsPayloadClassifier;
import io.wirestream.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every item takes, whichever channel brought it: size limit, news check, then Kafka with acks=all.
 * Counts every outcome in the metrics.
 */
public final class ItemIntake {

    private static final Logger log = LoggerFactory.getLogger(ItemIntake.class);

    private final NewsPayloadClassifier classifier;
    private final RawItemPublisher publisher;
    private final IngestMetrics metrics;
    private final long maxItemBytes;
    private final Duration retryAfter;

    public ItemIntake(NewsPayloadClassifier classifier, RawItemPublisher publisher, IngestMetrics metrics, long maxItemBytes, Duration retryAfter) {
        this.classifier = classifier;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxItemBytes = maxItemBytes;
        this.retryAfter = retryAfter;
    }

    public IntakeResult offer(IncomingItem item) {
        IntakeResult result = decide(item);
        String channel = item.channel().name().toLowerCase(Locale.ROOT);
        if (result.isAccepted()) {
            metrics.accepted(item.agency(), channel, item.payload().length);
        } else {
            metrics.rejected(item.agency(), channel, result.reasonCode(), item.payload().length);
        }
        return result;
    }

    private IntakeResult decide(IncomingItem item) {
        if (item.payload().length > maxItemBytes) {
            return IntakeResult.refused(413, "too_large", "the item has " + item.payload().length + " bytes, the limit is " + maxItemBytes);
        }
        Classification c = classifier.classify(item.payload(), item.contentType(), item.formatHint());
        switch (c.verdict()) {
            case UNSUPPORTED_MEDIA_TYPE:
                return IntakeResult.refused(415, "unsupported_media_type", c.reason());
            case NOT_NEWS:
                return IntakeResult.refused(422, item.payload().length == 0 ? "empty" : "not_news", c.reason());
            default:
                break;
        }
        try {
            return IntakeResult.accepted(publisher.publish(item, c.format()), c.format());
        } catch (KafkaUnavailableException e) {
            log.warn("item from {} not taken: {}", item.agency(), e.getMessage());
            return IntakeResult.retryLater(e.getMessage(), retryAfter);
        } catch (ItemTooLargeException e) {
            return IntakeResult.refused(413, "too_large", e.getMessage());
        }
    }

    public long maxItemBytes() {
        return maxItemBytes;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Counts a refusal decided before the item reached the intake (authentication, rate limit). */
    public void countRefusal(String agency, String channel, String reasonCode, long bytes) {
        metrics.rejected(agency, channel, reasonCode, bytes);
    }
}

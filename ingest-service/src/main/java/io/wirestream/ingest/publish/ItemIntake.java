package io.wirestream.ingest.publish;

import io.wirestream.ingest.classify.Classification;
import io.wirestream.ingest.classify.NewsPayloadClassifier;
import io.wirestream.ingest.metrics.IngestMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final int maxIdBytes;

    /** The default bound of agency ids and versions: they become record keys, store keys and uris downstream. */
    public static final int DEFAULT_MAX_ID_BYTES = 1024;

    public ItemIntake(NewsPayloadClassifier classifier, RawItemPublisher publisher, IngestMetrics metrics, long maxItemBytes, Duration retryAfter) {
        this(classifier, publisher, metrics, maxItemBytes, retryAfter, DEFAULT_MAX_ID_BYTES);
    }

    public ItemIntake(NewsPayloadClassifier classifier, RawItemPublisher publisher, IngestMetrics metrics, long maxItemBytes, Duration retryAfter,
            int maxIdBytes) {
        this.maxIdBytes = maxIdBytes;
        this.classifier = classifier;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxItemBytes = maxItemBytes;
        this.retryAfter = retryAfter;
    }

    public IntakeResult offer(IncomingItem item) {
        return offerAll(List.of(item)).get(0);
    }

    /**
     * Offers several items at once: all accepted ones are sent before the first acknowledgement is awaited, so a
     * batch costs about one Kafka round trip instead of one per item. Results are in the order of the items.
     */
    public List<IntakeResult> offerAll(List<IncomingItem> items) {
        List<IntakeResult> results = new ArrayList<>(items.size());
        List<RawItemPublisher.PendingItem> pending = new ArrayList<>(items.size());
        List<String> formats = new ArrayList<>(items.size());
        for (IncomingItem item : items) {
            RawItemPublisher.PendingItem sent = null;
            IntakeResult refusal = null;
            Classification c = null;
            String idProblem = idProblem(item);
            if (idProblem != null) {
                refusal = IntakeResult.refused(422, "id_too_long", idProblem);
            } else if (item.payload().length > maxItemBytes) {
                refusal = IntakeResult.refused(413, "too_large", "the item has " + item.payload().length + " bytes, the limit is " + maxItemBytes);
            } else {
                c = classifier.classify(item.payload(), item.contentType(), item.formatHint());
                refusal = refusalOf(c, item);
            }
            if (refusal == null) {
                try {
                    sent = publisher.send(item, c.format());
                } catch (KafkaUnavailableException e) {
                    refusal = unavailable(item, e);
                } catch (ItemTooLargeException e) {
                    refusal = IntakeResult.refused(413, "too_large", e.getMessage());
                }
            }
            results.add(refusal);
            pending.add(sent);
            formats.add(c == null ? null : c.format());
        }
        for (int i = 0; i < items.size(); i++) {
            if (pending.get(i) != null) {
                try {
                    results.set(i, IntakeResult.accepted(publisher.await(pending.get(i)), formats.get(i)));
                } catch (KafkaUnavailableException e) {
                    results.set(i, unavailable(items.get(i), e));
                } catch (ItemTooLargeException e) {
                    results.set(i, IntakeResult.refused(413, "too_large", e.getMessage()));
                }
            }
            count(items.get(i), results.get(i));
        }
        return results;
    }

    /** Why the item's id or version cannot be taken, or null. Counted in UTF-8 bytes: that is what keys and stores hold. */
    private String idProblem(IncomingItem item) {
        long idBytes = utf8Length(item.sourceItemId());
        if (idBytes > maxIdBytes) {
            return "the item id has " + idBytes + " bytes in UTF-8, the limit is " + maxIdBytes;
        }
        long versionBytes = utf8Length(item.sourceVersion());
        if (versionBytes > maxIdBytes) {
            return "the item version has " + versionBytes + " bytes in UTF-8, the limit is " + maxIdBytes;
        }
        return null;
    }

    /** UTF-8 length without encoding: a 70,000-character id costs no copy to refuse. */
    static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public int maxIdBytes() {
        return maxIdBytes;
    }

    private static IntakeResult refusalOf(Classification c, IncomingItem item) {
        return switch (c.verdict()) {
            case UNSUPPORTED_MEDIA_TYPE -> IntakeResult.refused(415, "unsupported_media_type", c.reason());
            case NOT_NEWS -> IntakeResult.refused(422, item.payload().length == 0 ? "empty" : "not_news", c.reason());
            case NEWS -> null;
        };
    }

    private IntakeResult unavailable(IncomingItem item, KafkaUnavailableException e) {
        log.warn("item from {} not taken: {}", item.agency(), e.getMessage());
        return IntakeResult.retryLater(e.getMessage(), retryAfter);
    }

    private void count(IncomingItem item, IntakeResult result) {
        String channel = item.channel().name().toLowerCase(Locale.ROOT);
        if (result.isAccepted()) {
            metrics.accepted(item.agency(), channel, item.payload().length);
        } else {
            metrics.rejected(item.agency(), channel, result.reasonCode(), item.payload().length);
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

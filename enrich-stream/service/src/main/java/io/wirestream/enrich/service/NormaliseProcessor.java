package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.enrich.normalise.NormalisationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the pure normaliser for each raw item and re-keys each resulting article by its story uri. Any failure,
 * including a bug in a parser, becomes a rejection with stage and reason: bad input never stops the topology.
 */
final class NormaliseProcessor implements Processor<String, RawItem, String, NormaliseOutcome> {

    private static final Logger log = LoggerFactory.getLogger(NormaliseProcessor.class);
    private static final int EXCERPT_BYTES = 300;
    /**
     * Longest story uri (UTF-8 bytes). State serdes write uris with DataOutput.writeUTF, which throws over 64 KiB, and
     * every store and index keys on it; 1 KB is far beyond any agency's ids.
     */
    static final int MAX_URI_BYTES = 1024;
    /**
     * Share of the size budget an article may take: later stages add tags and links to it, and dedupe's messages and
     * stores carry an article next to other data, so every record it becomes must still fit the budget.
     */
    static final int BUDGET_SHARE = 4;

    private final ItemNormaliser normaliser;
    private final Clock clock;
    private final int maxArticleBytes;
    private ProcessorContext<String, NormaliseOutcome> context;

    NormaliseProcessor(ItemNormaliser normaliser, Clock clock, int maxArticleBytes) {
        this.normaliser = normaliser;
        this.clock = clock;
        this.maxArticleBytes = maxArticleBytes;
    }

    /** The largest article that fits the size budget with room for what later stages add. */
    static int maxArticleBytes(int maxRecordBytes) {
        return maxRecordBytes / BUDGET_SHARE;
    }

    @Override
    public void init(ProcessorContext<String, NormaliseOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, RawItem> record) {
        RawItem raw = record.value();
        if (raw == null) {
            return; // tombstones on the raw topic carry nothing to normalise
        }
        RawRef ref = rawRef(raw);
        try {
            List<Article> articles = normaliser.normalise(raw);
            if (articles.isEmpty()) {
                reject(record, raw, ref, "normalise", "no-article", "the item held no story", null);
                return;
            }
            for (Article article : articles) {
                article.setRaw(ref);
                String refusal = refusal(article);
                if (refusal != null) {
                    reject(record, raw, ref, "normalise", refusal.substring(0, refusal.indexOf(':')), refusal, null);
                    continue;
                }
                context.forward(new Record<>(article.getUri(), NormaliseOutcome.of(article), record.timestamp()));
            }
        } catch (NormalisationException e) {
            reject(record, raw, ref, e.stage(), e.reason(), e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("normaliser failed on item {} of {}", raw.getItemId(), raw.getAgency(), e);
            reject(record, raw, ref, "normalise", "internal-error", String.valueOf(e.getMessage()), e);
        }
    }

    /** Null when the article fits every later stage; otherwise "reason: detail". */
    private String refusal(Article article) {
        String uri = article.getUri();
        int uriBytes = uri == null ? 0 : uri.getBytes(StandardCharsets.UTF_8).length;
        if (uriBytes > MAX_URI_BYTES) {
            return "id-too-long: the story id is " + uriBytes + " bytes, over the limit of " + MAX_URI_BYTES;
        }
        int size = encodedSize(article);
        if (size > maxArticleBytes) {
            return "too-large: the article is " + size + " bytes encoded, over the limit of " + maxArticleBytes
                    + " (a quarter of kafka.max.record.bytes)";
        }
        return null;
    }

    private static int encodedSize(Article article) {
        try {
            return article.toByteBuffer().remaining();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void reject(Record<String, RawItem> record, RawItem raw, RawRef ref, String stage, String reason, String detail, Throwable error) {
        io.micrometer.core.instrument.Metrics.counter("wirestream.enrich.rejected", "agency", raw.getAgency(),
                "stage", stage, "reason", reason).increment();
        Rejection rejection = Rejection.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setDetail(detail)
                .setErrorClass(error == null ? null : error.getClass().getName())
                .setRaw(ref)
                .setRejectedAt(clock.instant())
                .setExcerpt(excerpt(raw.getPayload()))
                .build();
        context.forward(new Record<>(raw.getItemId(), NormaliseOutcome.rejected(rejection), record.timestamp()));
    }

    private RawRef rawRef(RawItem raw) {
        RawRef.Builder ref = RawRef.newBuilder().setItemId(raw.getItemId()).setAgency(raw.getAgency());
        context.recordMetadata().ifPresent((RecordMetadata m) -> ref.setTopic(m.topic()).setPartition(m.partition()).setOffset(m.offset()));
        return ref.build();
    }

    private static String excerpt(ByteBuffer payload) {
        if (payload == null) {
            return null;
        }
        ByteBuffer copy = payload.duplicate();
        byte[] bytes = new byte[Math.min(EXCERPT_BYTES, copy.remaining())];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ");
    }
}

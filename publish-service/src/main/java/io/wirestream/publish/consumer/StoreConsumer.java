package io.wirestream.publish.consumer;

import io.wirestream.avro.Rejection;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.publish.store.ApplyResult;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.UnstorableRecordException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds one store from the articles topic with its own Kafka consumer, so a slow or failing store holds back only
 * itself.
 *
 * <p>The store, not Kafka, owns the position: on every assignment and after every failure the consumer seeks to
 * {@link ArticleStore#storedOffsets()}, which the store committed together with the data. A failed batch is
 * therefore simply read again once the store is back; nothing is buffered in memory and nothing is dropped.
 * While the store is down its partitions are paused (the consumer keeps polling, so it stays in the group) and the
 * store is retried with exponential backoff. Offsets are also committed to Kafka after each batch, only so that
 * lag shows in the usual tools.
 *
 * <p>The same wait covers a schema registry that is away (records cannot be decoded yet) and a broker that cannot
 * take a rejection: an outage is never a reason to skip. Only a record that is bad in itself is set aside: it goes
 * to {@code wire.rejected} (the {@link RejectionSink}) first, then its offset is committed with the batch. A record
 * the store refuses for good ({@link UnstorableRecordException}) is found by applying the batch one record at a
 * time and is set aside the same way, so no record can hold the consumer in a loop.
 */
public final class StoreConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StoreConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration PAUSED_POLL_TIMEOUT = Duration.ofMillis(100);

    private final ArticleStore store;
    private final Consumer<byte[], byte[]> consumer;
    private final ArticleRecordDecoder decoder;
    private final RejectionSink rejections;
    private final String topic;
    private final Backoff backoff;
    private final Duration embargoCheckInterval;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running = true;
    private volatile StoreConsumerState.Phase phase = StoreConsumerState.Phase.STARTING;
    private volatile String lastError;
    private volatile Instant lastBatchAt;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile long applied;
    private volatile long ignored;
    private volatile long killed;
    private volatile long held;
    private volatile long skipped;
    private volatile long rejected;
    private volatile long failures;
    private boolean needsResync = true;
    /** The wait is for the registry or the broker, not the store: only a batch that goes through ends it. */
    private boolean upstreamDown;
    private final List<FreshnessRecorder> freshness = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Instant nextEmbargoCheck = Instant.EPOCH;

    public StoreConsumer(ArticleStore store, Consumer<byte[], byte[]> consumer, ArticleRecordDecoder decoder,
                         RejectionSink rejections, String topic,
                         Duration retryInitial, Duration retryMax, Duration embargoCheckInterval, Clock clock) {
        this.store = store;
        this.consumer = consumer;
        this.decoder = decoder;
        this.rejections = rejections;
        this.topic = topic;
        this.backoff = new Backoff(retryInitial, retryMax);
        this.embargoCheckInterval = embargoCheckInterval;
        this.clock = clock;
    }

    public ArticleStore store() {
        return store;
    }

    /** Records, for every article version this consumer writes, the time from ingest receipt to the store write. */
    public StoreConsumer recordFreshnessIn(FreshnessRecorder recorder) {
        freshness.add(recorder);
        return this;
    }

    @Override
    public void run() {
        try {
            if (!openStore()) {
                return;
            }
            List<String> topics = new ArrayList<>(List.of(topic));
            if (store.supportsQueries()) {
                // item fates live in the queryable stores; the file store only serves articles
                topics.addAll(decoder.lineageTopics());
            }
            consumer.subscribe(topics, new ResyncOnAssignment());
            phase = StoreConsumerState.Phase.RUNNING;
            while (running) {
                if (needsResync && !resync()) {
                    pollWhilePaused();
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (needsResync) {
                    // an assignment during this poll could not be positioned: whatever came back is read again later
                    continue;
                }
                if (!records.isEmpty()) {
                    applyBatch(records);
                }
                releaseDueEmbargoes();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("{} consumer stopped by an unexpected error", store.name(), e);
            throw e;
        } finally {
            phase = StoreConsumerState.Phase.STOPPED;
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("{} consumer did not close cleanly: {}", store.name(), e.toString());
            }
            store.close();
            stopped.countDown();
        }
    }

    /** Opens the store, retrying with backoff until it opens or the service stops. */
    private boolean openStore() {
        while (running) {
            try {
                store.open();
                backoff.reset();
                return true;
            } catch (StoreUnavailableException e) {
                Duration wait = recordFailure(e.getMessage());
                log.warn("{} store cannot be opened, retrying in {}: {}", store.name(), wait, e.getMessage());
                sleep(wait);
            }
        }
        return false;
    }

    private void applyBatch(ConsumerRecords<byte[], byte[]> records) {
        List<IncomingRecord> batch = new ArrayList<>(records.count());
        List<Rejection> setAside = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                batch.add(decoder.decode(record, setAside));
                positions.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            if (!setAside.isEmpty()) {
                // durable before the store's position moves past them: a record is never skipped unseen
                rejections.send(setAside);
            }
            ApplyResult result = applyOrSetAsideUnstorable(batch);
            applied += result.written();
            ignored += result.ignored();
            killed += result.killed();
            held += result.held();
            skipped += result.skipped();
            rejected += setAside.size();
            lastBatchAt = clock.instant();
            recordFreshness(batch, lastBatchAt);
            recovered();
            consumer.commitAsync(positions, (offsets, error) -> {
                if (error != null) {
                    log.debug("{}: advisory Kafka commit failed (the store holds the real position): {}", store.name(), error.toString());
                }
            });
        } catch (StoreUnavailableException e) {
            storeDown(e.getMessage());
        } catch (UpstreamUnavailableException e) {
            storeDown(e.getMessage());
            upstreamDown = true;
        }
    }

    /**
     * Applies the batch; if the store refuses it for good, applies it one record at a time (the outcome is the same,
     * see BatchPlanPropertyTest) and sets aside each record the store refuses on its own, taking only its offset.
     */
    private ApplyResult applyOrSetAsideUnstorable(List<IncomingRecord> batch) {
        try {
            return store.apply(batch, clock.instant());
        } catch (UnstorableRecordException whole) {
            log.warn("{}: a record of this batch cannot be stored; applying one by one to find it: {}", store.name(),
                    whole.getMessage());
        }
        ApplyResult total = ApplyResult.EMPTY;
        for (IncomingRecord record : batch) {
            try {
                total = total.plus(store.apply(List.of(record), clock.instant()));
            } catch (UnstorableRecordException e) {
                log.error("{}: record {}-{}@{} cannot be stored, set aside to the rejected topic: {}", store.name(),
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                rejections.send(List.of(Rejections.ofArticle(record.article(), record.storyUri(), record.topic(),
                        record.partition(), record.offset(), Rejections.UNSTORABLE, e.getMessage(), clock.instant())));
                rejected++;
                total = total.plus(store.apply(List.of(IncomingRecord.unreadable(null, record.topic(),
                        record.partition(), record.offset())), clock.instant()));
            }
        }
        return total;
    }

    private void recordFreshness(List<IncomingRecord> batch, Instant writtenAt) {
        if (freshness.isEmpty()) {
            return;
        }
        for (IncomingRecord r : batch) {
            // an embargoed version still held is not published yet: its freshness is not the store's delay
            if (r.kind() == IncomingRecord.Kind.ARTICLE && r.article() != null && r.article().getReceivedAt() != null
                    && (r.article().getEmbargoed() == null || !r.article().getEmbargoed().isAfter(writtenAt))) {
                freshness.forEach(f -> f.record(store.name(), r.article(), writtenAt));
            }
        }
    }

    private void releaseDueEmbargoes() {
        Instant now = clock.instant();
        if (now.isBefore(nextEmbargoCheck)) {
            return;
        }
        nextEmbargoCheck = now.plus(embargoCheckInterval);
        try {
            int released = store.releaseDueEmbargoes(now);
            if (released > 0) {
                log.info("{}: released {} embargoed stories", store.name(), released);
            }
            // a changed subscribers file reaches the stored stories without waiting for the next record
            store.refreshReadGrants(now);
        } catch (StoreUnavailableException e) {
            storeDown(e.getMessage());
        }
    }

    /** The store, the registry or the broker is away: pause, read the same records again later, never skip. */
    private void storeDown(String why) {
        upstreamDown = false;
        Duration wait = recordFailure(why);
        needsResync = true;
        phase = StoreConsumerState.Phase.RETRYING;
        consumer.pause(consumer.assignment());
        log.warn("{}: consumption paused, retrying in {}: {}", store.name(), wait, why);
    }

    private Duration recordFailure(String why) {
        failures++;
        lastError = why;
        Duration wait = backoff.next();
        nextAttempt = clock.instant().plus(wait);
        return wait;
    }

    private void recovered() {
        if (phase != StoreConsumerState.Phase.RUNNING) {
            log.info("{}: back; consuming again", store.name());
        }
        upstreamDown = false;
        phase = StoreConsumerState.Phase.RUNNING;
        backoff.reset();
    }

    /** Positions every assigned partition at the store's own offsets and resumes; false while the store is down. */
    private boolean resync() {
        if (clock.instant().isBefore(nextAttempt)) {
            return false;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        try {
            Map<TopicPartition, Long> stored = store.storedOffsets();
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition tp : assignment) {
                Long next = stored.get(tp);
                if (next == null) {
                    fromStart.add(tp);
                } else {
                    consumer.seek(tp, next);
                }
            }
            if (!fromStart.isEmpty()) {
                consumer.seekToBeginning(fromStart);
            }
            consumer.resume(assignment);
            needsResync = false;
            // a store that answers again is back; a registry or broker outage ends only when a batch goes through
            if (phase == StoreConsumerState.Phase.RETRYING && !upstreamDown) {
                recovered();
            }
            return true;
        } catch (StoreUnavailableException e) {
            storeDown(e.getMessage());
            return false;
        }
    }

    private void pollWhilePaused() {
        consumer.pause(consumer.assignment());
        // keeps group membership and runs rebalance callbacks; paused partitions return nothing
        consumer.poll(PAUSED_POLL_TIMEOUT);
    }

    private final class ResyncOnAssignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            log.info("{}: assigned {}", store.name(), partitions);
            // position before the first fetch of these partitions; resync() does it (or pauses while the store is down)
            needsResync = true;
            nextAttempt = phase == StoreConsumerState.Phase.RETRYING ? nextAttempt : Instant.EPOCH;
            consumer.pause(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing in flight: every batch is applied (or failed) before the next poll
        }
    }

    /** Asks the loop to stop and waits for it to close the consumer and the store. */
    public boolean stop(Duration timeout) {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public StoreConsumerState state() {
        return new StoreConsumerState(store.name(), phase, applied, ignored, killed, held, skipped, rejected, failures, lastError,
                lastBatchAt, phase == StoreConsumerState.Phase.RETRYING ? nextAttempt : null);
    }

    private void sleep(Duration wait) {
        try {
            stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

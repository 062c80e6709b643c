package io.wirestream.subscribers.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.WebhookChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook queue: reads {@code subscribers.webhook.topic} (read_committed, so only what the fan-out
 * committed), keeps one lane per subscriber, and in each lane delivers one message at a time, in queue order, so a
 * later version of a story never overtakes an earlier one, also across an outage: a failed attempt is retried after
 * an exponential backoff with jitter ({@link RetryPolicy}) while the lane waits behind it. A delivery still failing
 * after its give-up time (the subscriber's {@code giveUpAfter}, else {@code subscribers.webhook.give.up.after})
 * becomes a dead letter on {@code subscribers.dead.letter.topic} (acknowledged by all replicas before the lane moves
 * on) and the lane goes on; {@link DeadLetterReplay} queues dead letters again.
 *
 * <p>Offsets are committed up to the oldest message not yet delivered or dead-lettered in each partition, so a
 * restart or a rebalance sends again at most what was in flight: the receiver drops such a copy by its
 * {@code Idempotency-Key}. The lanes read the subscribers in force at each attempt, so a new URL or secret applies to
 * the retries of a waiting delivery. A lane whose subscriber has no webhook any more dead-letters what it holds.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BURST = 64;

    /** What an operator sees of one subscriber's webhook. */
    public record LaneStatus(String subscriber, String state, int queued, int failedAttempts, String lastError,
                             Instant nextAttemptAt, long delivered, long deadLettered, Duration oldestWaiting,
                             Health health) {}

    /**
     * The webhook's health for an operator, with what it rests on.
     *
     * @param state              {@link WebhookState}
     * @param retryingSince      the first failed attempt at the delivery now waiting (null unless failing)
     * @param giveUpAt           when that delivery becomes a dead letter if it keeps failing (null unless failing)
     * @param lastError          the last failed attempt's problem (null unless failing)
     * @param lastDeliveredAt    the last 2xx answer (null: none since this process started)
     * @param lastDeadLetterAt   the last delivery set aside as a dead letter (null: none since start)
     * @param deadLetteredSinceDelivery dead letters since the last 2xx answer
     * @param attemptsFailed     failed attempts since start
     */
    public record Health(WebhookState state, Instant retryingSince, Instant giveUpAt, String lastError, Instant lastDeliveredAt,
                         Instant lastDeadLetterAt, long deadLetteredSinceDelivery, long attemptsFailed) {}

    /**
     * A subscriber's webhook as an operator judges it; the gauge {@code wirestream_subscribers_webhook_state} is the
     * ordinal. The first that applies wins.
     */
    public enum WebhookState {
        /** Nothing failing: the last attempt delivered, or none was needed, and no dead letter since the last 2xx. */
        OK,
        /** The delivery at the head has failed and waits for its next attempt (the lane waits behind it). */
        RETRYING,
        /** The head's give-up time has passed (or its subscriber has no webhook any more): it is being set aside. */
        GIVING_UP,
        /** Deliveries were given up on since the last 2xx answer: the subscriber missed them until a replay. */
        DEAD_LETTERED
    }

    private record Pending(TopicPartition partition, long offset, WebhookMessage message) {}

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetters;
    private final String queueTopic;
    private final String deadLetterTopic;
    private final Supplier<SubscriberConfig> subscribers;
    private final WebhookSender sender;
    private final RetryPolicy retry;
    private final Duration defaultGiveUp;
    private final int queueMax;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ScheduledExecutorService workers;
    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new TreeMap<>();
    private final Map<TopicPartition, TreeSet<Long>> outstanding = new HashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private int queued;
    private boolean paused;
    private volatile boolean running;
    private volatile String pollProblem;
    private Thread pollThread;

    public WebhookDispatcher(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetters, String queueTopic,
                             String deadLetterTopic, Supplier<SubscriberConfig> subscribers, WebhookSender sender, RetryPolicy retry,
                             Duration defaultGiveUp, int queueMax, int workerThreads, Clock clock, MeterRegistry metrics) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.queueTopic = queueTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.subscribers = subscribers;
        this.sender = sender;
        this.retry = retry;
        this.defaultGiveUp = defaultGiveUp;
        this.queueMax = queueMax;
        this.clock = clock;
        this.metrics = metrics;
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(workerThreads, r -> {
            Thread t = new Thread(r, "webhook-worker");
            t.setDaemon(true);
            return t;
        });
        // a stop must not wait for retries that are not due: what they hold is read again from the queue's offsets
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.workers = pool;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        pollThread = new Thread(this::pollLoop, "webhook-queue-reader");
        pollThread.start();
    }

    /** Why the queue cannot be read right now, or null. */
    public String problem() {
        return pollProblem;
    }

    public List<LaneStatus> status() {
        synchronized (lock) {
            List<LaneStatus> out = new ArrayList<>();
            Instant now = clock.instant();
            for (Lane lane : lanes.values()) {
                out.add(lane.status(now));
            }
            return out;
        }
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(queueTopic), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                    pollProblem = null;
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    pollProblem = "cannot read " + queueTopic + ": " + e;
                    log.warn(pollProblem);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    accept(r);
                }
                commitDone();
                adjustFlow();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            pollProblem = "webhook queue reader stopped: " + e;
            log.error(pollProblem, e);
        } finally {
            try {
                commitDone();
            } catch (RuntimeException e) {
                log.warn("could not commit the webhook queue position on stop: {}", e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        WebhookMessage m;
        try {
            m = WebhookMessage.fromBytes(r.value());
        } catch (RuntimeException e) {
            log.error("webhook queue record {}@{} is unreadable and is skipped: {}", tp, r.offset(), e.getMessage());
            Counter.builder("wirestream.subscribers.webhook.unreadable").register(metrics).increment();
            synchronized (lock) {
                nextOffset.merge(tp, r.offset() + 1, Math::max);
            }
            return;
        }
        Lane lane;
        synchronized (lock) {
            nextOffset.merge(tp, r.offset() + 1, Math::max);
            outstanding.computeIfAbsent(tp, k -> new TreeSet<>()).add(r.offset());
            lane = lanes.computeIfAbsent(m.subscriber(), Lane::new);
            lane.queue.addLast(new Pending(tp, r.offset(), m));
            queued++;
            if (lane.scheduled) {
                return;
            }
            lane.scheduled = true;
        }
        workers.execute(() -> run(lane));
    }

    /** Delivers the head of a lane, and what follows while it succeeds; schedules itself again after a failure. */
    private void run(Lane lane) {
        for (int i = 0; i < BURST && running; i++) {
            Pending head;
            synchronized (lock) {
                head = lane.queue.peekFirst();
                if (head == null) {
                    lane.scheduled = false;
                    return;
                }
            }
            Duration wait = attempt(lane, head);
            if (wait != null) {
                synchronized (lock) {
                    lane.nextAttemptAt = clock.instant().plus(wait);
                }
                schedule(lane, wait);
                return;
            }
        }
        if (running) {
            schedule(lane, Duration.ZERO);
        }
    }

    private void schedule(Lane lane, Duration wait) {
        try {
            workers.schedule(() -> run(lane), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /** One attempt at the head; null when it is done with (delivered or dead-lettered), else how long to wait. */
    private Duration attempt(Lane lane, Pending head) {
        Instant now = clock.instant();
        Subscriber s = subscribers.get().byId(lane.id);
        WebhookChannel channel = s == null ? null : s.webhook();
        if (lane.failedAttempts == 0) {
            lane.firstAttemptAt = now;
        }
        if (channel == null) {
            String why = s == null ? "subscriber " + lane.id + " is no longer in the subscribers file"
                    : "subscriber " + lane.id + " has no webhook any more";
            lane.givingUp = true;
            return deadLetter(lane, head, why, now);
        }
        WebhookSender.Attempt result;
        try {
            result = sender.send(channel, head.message(), lane.failedAttempts + 1);
        } catch (RuntimeException e) {
            result = WebhookSender.Attempt.failed(0, e.toString());
        }
        if (result.delivered()) {
            lane.delivered.increment();
            lane.lastDeliveredAt = clock.instant();
            lane.deadLetteredSinceDelivery = 0;
            lane.delay.record(Duration.ofMillis(Math.max(0, clock.millis() - head.message().receivedAtMillis())));
            if (lane.failedAttempts > 0) {
                log.info("webhook of {} delivers again after {} failed attempt(s)", lane.id, lane.failedAttempts);
            }
            complete(lane, head);
            return null;
        }
        lane.failedAttempts++;
        lane.lastError = result.problem();
        lane.attemptsFailed.increment();
        Duration giveUp = channel.giveUpAfter() != null ? channel.giveUpAfter() : defaultGiveUp;
        lane.giveUpAt = lane.firstAttemptAt.plus(giveUp);
        if (Duration.between(lane.firstAttemptAt, clock.instant()).compareTo(giveUp) >= 0) {
            lane.givingUp = true;
            return deadLetter(lane, head, "gave up after " + lane.failedAttempts + " attempt(s) over " + giveUp + "; last: " + result.problem(), now);
        }
        if (lane.failedAttempts == 1) {
            log.warn("webhook of {} failed ({}); retrying with backoff, story {} v{} waits, and the lane behind it",
                    lane.id, result.problem(), head.message().uri(), head.message().version());
        }
        return retry.delayAfter(lane.failedAttempts, ThreadLocalRandom.current());
    }

    private Duration deadLetter(Lane lane, Pending head, String why, Instant now) {
        WebhookMessage m = head.message();
        WebhookMessage dead = m.asDeadLetter(new WebhookMessage.DeadLetterInfo(lane.failedAttempts,
                lane.firstAttemptAt == null ? now.toEpochMilli() : lane.firstAttemptAt.toEpochMilli(), now.toEpochMilli(), why, clock.millis()));
        try {
            deadLetters.send(new ProducerRecord<>(deadLetterTopic, m.subscriber(), dead.toBytes())).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lane.lastError = "dead letter could not be written (" + e + "); " + why;
            log.warn("webhook of {}: {}", lane.id, lane.lastError);
            return retry.delayAfter(Math.max(1, lane.failedAttempts), ThreadLocalRandom.current());
        }
        lane.deadLettered.increment();
        lane.lastDeadLetterAt = clock.instant();
        lane.deadLetteredSinceDelivery++;
        log.error("webhook of {}: story {} v{} is a dead letter: {}", lane.id, m.uri(), m.version(), why);
        complete(lane, head);
        return null;
    }

    private void complete(Lane lane, Pending head) {
        synchronized (lock) {
            if (lane.queue.peekFirst() == head) {
                lane.queue.removeFirst();
                queued--;
            }
            TreeSet<Long> open = outstanding.get(head.partition());
            if (open != null) {
                open.remove(head.offset());
            }
            lane.failedAttempts = 0;
            lane.firstAttemptAt = null;
            lane.lastError = null;
            lane.nextAttemptAt = null;
            lane.giveUpAt = null;
            lane.givingUp = false;
        }
    }

    private void commitDone() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        synchronized (lock) {
            for (Map.Entry<TopicPartition, Long> e : nextOffset.entrySet()) {
                TreeSet<Long> open = outstanding.get(e.getKey());
                long position = open == null || open.isEmpty() ? e.getValue() : open.first();
                if (position > committed.getOrDefault(e.getKey(), -1L)) {
                    commit.put(e.getKey(), new OffsetAndMetadata(position));
                }
            }
        }
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
            synchronized (lock) {
                commit.forEach((tp, o) -> committed.put(tp, o.offset()));
            }
        }
    }

    private void adjustFlow() {
        boolean pause;
        boolean resume;
        synchronized (lock) {
            pause = !paused && queued >= queueMax;
            resume = paused && queued <= queueMax / 2;
            if (pause) {
                paused = true;
            }
            if (resume) {
                paused = false;
            }
        }
        if (pause) {
            consumer.pause(consumer.assignment());
        } else if (resume) {
            consumer.resume(consumer.paused());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commitDone();
            } catch (RuntimeException e) {
                log.warn("could not commit before a rebalance: {}", e.toString());
            }
            synchronized (lock) {
                for (Lane lane : lanes.values()) {
                    int before = lane.queue.size();
                    lane.queue.removeIf(p -> partitions.contains(p.partition()));
                    queued -= before - lane.queue.size();
                }
                partitions.forEach(tp -> {
                    outstanding.remove(tp);
                    nextOffset.remove(tp);
                    committed.remove(tp);
                });
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    /** Stops reading, lets attempts in flight end (bounded), commits what was delivered. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(Duration timeout) {
        Thread t;
        synchronized (this) {
            if (!running) {
                workers.shutdownNow();
                return;
            }
            running = false;
            t = pollThread;
        }
        workers.shutdown();
        try {
            workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        consumer.wakeup();
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Lane {
        final String id;
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        boolean scheduled;
        volatile int failedAttempts;
        volatile Instant firstAttemptAt;
        volatile Instant nextAttemptAt;
        volatile String lastError;
        volatile Instant giveUpAt;
        volatile boolean givingUp;
        volatile Instant lastDeliveredAt;
        volatile Instant lastDeadLetterAt;
        volatile long deadLetteredSinceDelivery;
        final Counter delivered;
        final Counter attemptsFailed;
        final Counter deadLettered;
        final Timer delay;

        Lane(String id) {
            this.id = id;
            delivered = Counter.builder("wirestream.subscribers.webhook.delivered").description("Webhook deliveries answered 2xx")
                    .tag("subscriber", id).register(metrics);
            attemptsFailed = Counter.builder("wirestream.subscribers.webhook.failures")
                    .description("Failed webhook attempts (non-2xx, timeout, refused)").tag("subscriber", id).register(metrics);
            deadLettered = Counter.builder("wirestream.subscribers.webhook.dead.lettered").description("Webhook deliveries given up on")
                    .tag("subscriber", id).register(metrics);
            delay = Timer.builder("wirestream.subscribers.webhook.delay").description("From ingest receipt to the webhook's 2xx answer")
                    .tag("subscriber", id).register(metrics);
            Gauge.builder("wirestream.subscribers.webhook.queued", this, l -> l.size()).description("Webhook deliveries waiting")
                    .tag("subscriber", id).register(metrics);
            Gauge.builder("wirestream.subscribers.webhook.retrying", this, l -> l.failedAttempts > 0 ? 1 : 0)
                    .description("1 while the subscriber's webhook is failing and its lane waits for a retry").tag("subscriber", id).register(metrics);
            Gauge.builder("wirestream.subscribers.webhook.lag.seconds", this, l -> l.oldestWaiting(clock.instant()).toMillis() / 1000.0)
                    .description("How long the oldest waiting delivery has been queued").tag("subscriber", id).register(metrics);
            Gauge.builder("wirestream.subscribers.webhook.state", this, l -> l.webhookState().ordinal())
                    .description("The webhook as an operator judges it: 0 OK, 1 RETRYING, 2 GIVING_UP, 3 DEAD_LETTERED (since the last 2xx)")
                    .tag("subscriber", id).register(metrics);
            Gauge.builder("wirestream.subscribers.last.delivery.timestamp.seconds", this,
                            l -> l.lastDeliveredAt == null ? Double.NaN : l.lastDeliveredAt.toEpochMilli() / 1000.0)
                    .description("When the subscriber last received a story version on the channel (Unix time; NaN: not since start)")
                    .tags("subscriber", id, "channel", "webhook").register(metrics);
        }

        WebhookState webhookState() {
            if (givingUp) {
                return WebhookState.GIVING_UP;
            }
            if (failedAttempts > 0) {
                return WebhookState.RETRYING;
            }
            return deadLetteredSinceDelivery > 0 ? WebhookState.DEAD_LETTERED : WebhookState.OK;
        }

        int size() {
            synchronized (lock) {
                return queue.size();
            }
        }

        Duration oldestWaiting(Instant now) {
            synchronized (lock) {
                Pending head = queue.peekFirst();
                return head == null ? Duration.ZERO : Duration.ofMillis(Math.max(0, now.toEpochMilli() - head.message().queuedAtMillis()));
            }
        }

        LaneStatus status(Instant now) {
            String state = queue.isEmpty() ? "IDLE" : failedAttempts > 0 ? "RETRYING" : "DELIVERING";
            boolean failing = failedAttempts > 0 || givingUp;
            Health health = new Health(webhookState(), failing ? firstAttemptAt : null, failing ? giveUpAt : null,
                    failing ? lastError : null, lastDeliveredAt, lastDeadLetterAt, deadLetteredSinceDelivery, (long) attemptsFailed.count());
            return new LaneStatus(id, state, queue.size(), failedAttempts, lastError, nextAttemptAt, (long) delivered.count(),
                    (long) deadLettered.count(), oldestWaiting(now), health);
        }
    }
}

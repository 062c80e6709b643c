package io.wirestream.subscribers.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues dead letters again: reads the dead-letter topic from a point in time (default: all it keeps) up to its end
 * as it was when the replay began, keeps for each subscriber and story only the newest version given up on (an older
 * one would move the subscriber's copy back), and writes them to the webhook queue, where the dispatcher delivers them
 * in order like any delivery, with their original {@code Idempotency-Key}: a receiver that already has one drops it,
 * so replaying twice is harmless.
 */
public final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    /** What a replay queued again, per subscriber, and how many dead letters it read. */
    public record Result(int read, Map<String, Integer> requeued) {
        public int total() {
            return requeued.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One dead letter as listed for an operator (no body). */
    public record Entry(String subscriber, String uri, long version, String state, int attempts, Instant deadAt, String lastError) {}

    private final String deadLetterTopic;
    private final String queueTopic;
    private final Clock clock;

    public DeadLetterReplay(String deadLetterTopic, String queueTopic, Clock clock) {
        this.deadLetterTopic = deadLetterTopic;
        this.queueTopic = queueTopic;
        this.clock = clock;
    }

    /**
     * @param subscriber only this subscriber's dead letters, or null for everyone's
     * @param since      only dead letters written at or after this instant, or null for all the topic keeps
     */
    public Result replay(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, String subscriber, Instant since) {
        List<WebhookMessage> letters = read(consumer, subscriber, since);
        Map<String, WebhookMessage> newest = new LinkedHashMap<>();
        for (WebhookMessage m : letters) {
            newest.merge(m.subscriber() + "\n" + m.uri(), m, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<String, Integer> counts = new TreeMap<>();
        long now = clock.millis();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (WebhookMessage m : newest.values()) {
            sent.add(producer.send(new ProducerRecord<>(queueTopic, m.subscriber(), m.requeued(now).toBytes())));
            counts.merge(m.subscriber(), 1, Integer::sum);
        }
        producer.flush();
        for (java.util.concurrent.Future<?> f : sent) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("the webhook queue did not take the replayed deliveries: " + e.getMessage(), e);
            }
        }
        log.info("replayed {} dead letter(s) of {} read ({}), subscriber {}, since {}", newest.size(), letters.size(), counts,
                subscriber == null ? "all" : subscriber, since == null ? "the start" : since);
        return new Result(letters.size(), counts);
    }

    /** The dead letters kept, oldest first (bodies left out). */
    public List<Entry> list(Consumer<String, byte[]> consumer, String subscriber, Instant since) {
        List<Entry> out = new ArrayList<>();
        for (WebhookMessage m : read(consumer, subscriber, since)) {
            WebhookMessage.DeadLetterInfo d = m.deadLetter();
            out.add(new Entry(m.subscriber(), m.uri(), m.version(), m.state().configName(), d == null ? 0 : d.attempts(),
                    d == null ? null : Instant.ofEpochMilli(d.deadAtMillis()), d == null ? null : d.lastError()));
        }
        return out;
    }

    private List<WebhookMessage> read(Consumer<String, byte[]> consumer, String subscriber, Instant since) {
        List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        if (since == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(tp -> at.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                consumer.seek(tp, o == null ? end.get(tp) : o.offset());
            }
        }
        List<WebhookMessage> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!caughtUp(consumer, partitions, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + deadLetterTopic + " to its end within 60 s");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.value() == null) {
                    continue;
                }
                try {
                    WebhookMessage m = WebhookMessage.fromBytes(r.value());
                    if (subscriber == null || subscriber.equals(m.subscriber())) {
                        out.add(m);
                    }
                } catch (RuntimeException e) {
                    log.warn("dead letter {}-{}@{} is unreadable and is left out: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                }
            }
        }
        return out;
    }

    private static boolean caughtUp(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }
}

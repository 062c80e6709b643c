package io.wirestream.subscribers.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the fan-out is behind {@code wire.articles}, measured from outside the stream threads so a stalled or
 * crashed fan-out shows as growing lag rather than as its last good figure. One pass of the fan-out serves every
 * subscriber, so the figure is the same for all of them: a story waiting on {@code wire.articles} waits for everyone.
 *
 * <p>Per partition of the input: the group's committed offset (exactly-once commits it with each transaction; a
 * partition never committed counts from the log start, so a fan-out stuck before its first commit is not "lag 0"),
 * the end a read_committed reader sees (the last stable offset), and the next record waiting there, read by a
 * consumer without a group (it joins nothing and commits nothing):
 * <ul>
 *   <li><b>records</b>: offsets from that next record to the end (transaction markers in between count too, so it is
 *   an upper bound; 0 when only markers are left);</li>
 *   <li><b>seconds</b>: now minus the timestamp of the oldest waiting record, the largest over the partitions. The
 *   stream keeps the ingest time as the record timestamp, so this is how long ago the oldest story still waiting for
 *   the fan-out was received; 0 when nothing waits.</li>
 * </ul>
 */
public final class FanOutLag {

    /** One sample; {@code problem} says why it could not be taken (the figures are then those of the last good one). */
    public record Figures(long records, double seconds, Instant sampledAt, String problem) {
        static final Figures NONE = new Figures(0, 0, null, "not sampled yet");
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH_PATIENCE = Duration.ofSeconds(3);

    private final Admin admin;
    private final Consumer<byte[], byte[]> reader;
    private final String group;
    private final String topic;
    private final Clock clock;
    /** Partitions of the latest sample read through to the end with only markers found: nothing waits there. */
    private final Set<TopicPartition> drained = new HashSet<>();
    private volatile Figures latest = Figures.NONE;

    /** @param reader a read_committed consumer without a group; this class assigns and seeks it, and owns it */
    public FanOutLag(Admin admin, Consumer<byte[], byte[]> reader, String group, String topic, Clock clock) {
        this.admin = admin;
        this.reader = reader;
        this.group = group;
        this.topic = topic;
        this.clock = clock;
    }

    public Figures latest() {
        return latest;
    }

    /** Takes one sample (on the caller's thread); a failure keeps the previous figures and says why. */
    public synchronized Figures sample() {
        try {
            latest = measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            latest = new Figures(latest.records(), latest.seconds(), latest.sampledAt(), "interrupted while sampling");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            latest = new Figures(latest.records(), latest.seconds(), latest.sampledAt(),
                    "cannot measure the fan-out's lag on " + topic + ": " + cause);
        }
        return latest;
    }

    private Figures measure() throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        List<PartitionInfo> infos = reader.partitionsFor(topic, REQUEST_TIMEOUT);
        for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("the topic does not exist or has no partitions");
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, REQUEST_TIMEOUT);
        Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, REQUEST_TIMEOUT);
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long position = Math.max(c == null ? 0 : c.offset(), starts.getOrDefault(tp, 0L));
            if (position < ends.getOrDefault(tp, 0L)) {
                positions.put(tp, position);
            }
        }
        Instant now = clock.instant();
        Map<TopicPartition, ConsumerRecord<byte[], byte[]>> next = nextRecords(positions, ends);
        long records = 0;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            ConsumerRecord<byte[], byte[]> r = next.get(e.getKey());
            if (r != null) {
                records += Math.max(0, ends.get(e.getKey()) - r.offset());
                oldest = Math.min(oldest, r.timestamp());
            } else if (!drained.contains(e.getKey())) {
                records += ends.get(e.getKey()) - e.getValue(); // not read in time: counted, its age unknown
            }
        }
        double seconds = oldest == Long.MAX_VALUE ? 0 : Math.max(0, now.toEpochMilli() - oldest) / 1000.0;
        return new Figures(records, seconds, now, null);
    }

    /** The first record at or after each position, before the end; a partition with only markers left has none. */
    private Map<TopicPartition, ConsumerRecord<byte[], byte[]>> nextRecords(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
        drained.clear();
        if (positions.isEmpty()) {
            return found;
        }
        reader.assign(positions.keySet());
        positions.forEach(reader::seek);
        long deadline = System.nanoTime() + FETCH_PATIENCE.toNanos();
        while (found.size() + drained.size() < positions.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < ends.get(tp)) {
                    found.putIfAbsent(tp, r);
                }
                reader.pause(List.of(tp)); // one record per partition is all this needs
            }
            for (TopicPartition tp : positions.keySet()) {
                if (!found.containsKey(tp) && !drained.contains(tp) && reader.position(tp) >= ends.get(tp)) {
                    reader.pause(List.of(tp)); // read through to the end and found only markers: nothing waits
                    drained.add(tp);
                }
            }
        }
        reader.unsubscribe();
        return found;
    }

    public void close() {
        reader.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}

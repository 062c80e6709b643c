package io.wirestream.enrich.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;

/**
 * Where Kafka's default partitioner puts a record keyed by a string (murmur2 of its UTF-8 bytes modulo the
 * partitions), for the stages that must know it before they send: the dedupe and links index senders, which group a
 * story's keys into one message per partition, and the links by-uri partitioner.
 */
public final class KeyPartitions {

    private KeyPartitions() {
    }

    /** The partition of {@code key} on a topic of {@code partitions} partitions. */
    public static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The items grouped by the partition their key lands on, groups in the order of their first item, items in
     * their order: a message keyed by a group's first key therefore lands where every key of the group does.
     */
    public static <T> List<List<T>> group(List<T> items, Function<T, String> key, int partitions) {
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(of(key.apply(item), partitions), p -> new ArrayList<>()).add(item);
        }
        return List.copyOf(groups.values());
    }
}

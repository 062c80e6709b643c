package io.wirestream.ops.tail;

import java.time.Instant;

/** A decoded record from the end of a topic, with where it sits. */
public record TailedRecord<V>(String topic, int partition, long offset, Instant timestamp, V value) {
}

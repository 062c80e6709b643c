package io.wirestream.localkafka.registry;

import java.util.function.BiConsumer;

/**
 * Durable, ordered storage for registry events (schema versions, config changes). The registry replays it on start,
 * which is how ids survive a restart.
 */
public interface SchemaLog extends AutoCloseable {

    /** Replays every stored event in order, (key, value) as JSON strings. */
    void replay(BiConsumer<String, String> event);

    /** Appends an event and returns only once it is durable. */
    void append(String key, String value);

    @Override
    default void close() {}
}

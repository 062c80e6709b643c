package io.wirestream.runtime.lifecycle;

/**
 * A long-running service: ingest-service, enrich-stream, publish-service, ops. {@link ServiceMain} runs each the same
 * way: build it from its settings, {@link #start()}, and {@link #stop()} from the JVM's shutdown hook.
 */
public interface WireService {

    /** Starts everything, or throws having released what it had started; returns once the service takes work. */
    void start();

    /**
     * Stops and releases everything. Idempotent, safe before or after a failed {@link #start()}, and safe from a
     * shutdown hook while {@code start()} is still running on another thread (it waits for it).
     */
    void stop();
}

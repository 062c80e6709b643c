package io.wirestream.runtime.http;

/** One thing a service needs before it is ready (a Kafka client, a store). Returns null when fine, else why not. */
@FunctionalInterface
public interface ReadinessCheck {

    String problem();
}

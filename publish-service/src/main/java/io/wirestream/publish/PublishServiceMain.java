package io.wirestream.publish;

import io.wirestream.publish.config.PublishSettings;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.lifecycle.ServiceMain;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Runs publish-service until the JVM is told to stop. Configuration: an optional properties file named by the first
 * argument, then {@code WIRE_*} environment variables (see {@link PublishSettings} and
 * {@link io.wirestream.runtime.config.KafkaSettings}); loading, validation, shutdown and exit codes are
 * {@link ServiceMain}'s.
 */
public final class PublishServiceMain {

    /**
     * What publish-service may be configured with (the shared Kafka settings and {@code kafka.client.*} come on top,
     * from {@link ServiceMain}). {@code kafka.client.max.poll.records} and {@code kafka.client.session.timeout.ms} mean
     * what {@code publish.max.poll.records} and {@code publish.consumer.session.timeout} mean for the store consumers,
     * so one of each pair may be given, not both.
     */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(PublishSettings.ALL)
            .withPassthrough(KafkaClientPassthrough.CLIENTS
                    .conflicting(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "both are the store consumers' max.poll.records", PublishSettings.MAX_POLL_RECORDS)
                    .conflicting(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "both are the store consumers' session.timeout.ms", PublishSettings.SESSION_TIMEOUT));

    private PublishServiceMain() {}

    public static void main(String[] args) {
        ServiceMain.run(PublishService.SERVICE_NAME, DECLARED, PublishService::new, args);
    }
}

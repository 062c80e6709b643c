package io.wirestream.publish;

import io.wirestream.publish.config.PublishSettings;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.lifecycle.ServiceMain;

/**
 * Runs publish-service until the JVM is told to stop. Configuration: an optional properties file named by the first
 * argument, then {@code WIRE_*} environment variables (see {@link PublishSettings} and
 * {@link io.wirestream.runtime.config.KafkaSettings}); loading, validation, shutdown and exit codes are
 * {@link ServiceMain}'s.
 */
public final class PublishServiceMain {

    /** What publish-service may be configured with (the shared Kafka settings come on top, from {@link ServiceMain}). */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(PublishSettings.ALL);

    private PublishServiceMain() {}

    public static void main(String[] args) {
        ServiceMain.run(PublishService.SERVICE_NAME, DECLARED, PublishService::new, args);
    }
}

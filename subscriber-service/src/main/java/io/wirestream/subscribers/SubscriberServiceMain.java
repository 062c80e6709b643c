package io.wirestream.subscribers;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.lifecycle.ServiceMain;

/**
 * Runs subscriber-service until the JVM is told to stop. Settings: an optional properties file (first argument), then
 * {@code WIRE_*} environment variables ({@link SubscriberSettings} and the shared Kafka settings); the subscribers
 * themselves are in the file {@code subscribers.file} names. An invalid subscribers file at start is an invalid
 * setting (exit status 2, each problem listed); while running, an invalid new file is refused and the previous one
 * stays in force.
 */
public final class SubscriberServiceMain {

    public static final DeclaredSettings DECLARED = DeclaredSettings.of(SubscriberSettings.ALL);

    private SubscriberServiceMain() {}

    public static void main(String[] args) {
        ServiceMain.run(SubscriberService.SERVICE_NAME, DECLARED, SubscriberService::new, args);
    }
}

package io.wirestream.ops;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.lifecycle.ServiceMain;

/**
 * Runs the ops page on its own against any cluster. Configuration: an optional properties file as the first argument,
 * then {@code WIRE_*} environment variables (e.g. {@code WIRE_KAFKA_BOOTSTRAP_SERVERS}, {@code WIRE_REGISTRY_URL},
 * {@code WIRE_OPS_HTTP_PORT}); see {@link OpsSettings} and runtime's KafkaSettings. Loading, validation, shutdown
 * and exit codes are {@link ServiceMain}'s.
 */
public final class OpsMain {

    /** What ops may be configured with (the shared Kafka settings come on top, from {@link ServiceMain}). */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(OpsSettings.ALL);

    private OpsMain() {
    }

    public static void main(String[] args) {
        ServiceMain.run("ops", DECLARED,
                settings -> new OpsService(settings, ServiceHttpServer.newMetrics("ops"), null), args);
    }
}

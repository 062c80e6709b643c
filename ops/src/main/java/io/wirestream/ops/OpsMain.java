package io.wirestream.ops;

import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ops page on its own against any cluster. Configuration: an optional properties file as the first argument,
 * then {@code WIRE_*} environment variables (e.g. {@code WIRE_KAFKA_BOOTSTRAP_SERVERS}, {@code WIRE_REGISTRY_URL},
 * {@code WIRE_OPS_HTTP_PORT}); see {@link OpsSettings} and the platform's KafkaSettings.
 */
public final class OpsMain {

    private static final Logger LOG = LoggerFactory.getLogger(OpsMain.class);

    private OpsMain() {
    }

    public static void main(String[] args) {
        try {
            Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
            OpsService service = OpsService.start(settings, ServiceHttpServer.newMetrics("ops"), null);
            LOG.info("ops page at http://{}:{}/", settings.get(OpsSettings.HTTP_HOST), service.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                stopped.countDown();
            }, "wirestream-ops-shutdown"));
            stopped.await();
        } catch (Throwable e) {
            LOG.error("ops failed to start", e);
            // client threads are not all daemons: a failed start must still end the JVM
            System.exit(1);
        }
    }
}

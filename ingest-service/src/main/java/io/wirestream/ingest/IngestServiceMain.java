package io.wirestream.ingest;

import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs ingest-service: {@code java io.wirestream.ingest.IngestServiceMain [ingest.properties]}. Settings come from the
 * optional properties file and {@code WIRE_*} environment variables (see {@link IngestSettings}).
 * Exits with status 1 and a one-line reason when the service cannot start (Kafka broker threads are not daemons, so
 * without the explicit exit a failed start would leave the JVM hanging).
 */
public final class IngestServiceMain {

    private IngestServiceMain() {}

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream.avro"));
        IngestService service;
        try {
            Path config = args.length > 0 ? Path.of(args[0]) : null;
            if (config != null && !Files.isReadable(config)) {
                throw new IllegalArgumentException("configuration file not readable: " + config);
            }
            service = new IngestService(Settings.load(config));
            service.start();
        } catch (RuntimeException e) {
            System.err.println("ingest-service could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        IngestService running = service;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.stop();
            stopped.countDown();
        }, "ingest-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

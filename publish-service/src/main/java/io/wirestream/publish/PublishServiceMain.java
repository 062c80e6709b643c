package io.wirestream.publish;

import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.config.PublishSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs publish-service until the JVM is told to stop. Configuration: an optional properties file named by the first
 * argument, then {@code WIRE_*} environment variables (see {@link PublishSettings} and
 * {@link io.wirestream.runtime.config.KafkaSettings}).
 */
public final class PublishServiceMain {

    private static final Logger log = LoggerFactory.getLogger(PublishServiceMain.class);

    private PublishServiceMain() {}

    public static void main(String[] args) {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            // Avro 1.12 refuses to build classes outside trusted packages
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream.avro");
        }
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        if (file != null && !Files.isRegularFile(file)) {
            System.err.println("configuration file not found: " + file);
            System.exit(2);
        }
        PublishService service;
        try {
            service = new PublishService(Settings.load(file));
        } catch (IllegalArgumentException e) {
            System.err.println("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            done.countDown();
        }, "publish-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            log.error("publish-service failed to start", e);
            // broker and client threads are not daemons: leave explicitly
            System.exit(1);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

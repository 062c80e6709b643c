package io.wirestream.runtime.lifecycle;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.LogSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.logging.LogConfig;
import io.wirestream.runtime.logging.LogFormat;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every service runs on its own: {@code main(args)} of each service is a call of {@link #run}.
 * <ol>
 *   <li>Settings from the optional properties file (first argument) and the environment.</li>
 *   <li>Logging set up as the service's own ({@link LogConfig}, {@code log.format} plain or json), before anything
 *   logs, so no other log configuration on the classpath applies.</li>
 *   <li>Validated against the service's declared settings plus the shared ones ({@link #accepted}: Kafka, logging and
 *   the {@code kafka.client.*} passthrough): an unknown key or {@code WIRE_*} variable, a Kafka property Kafka does
 *   not declare or Wirestream owns, or a value that does not parse, stops it here.</li>
 *   <li>The service is built, one shutdown hook installed (it calls {@link WireService#stop()} once), then started.</li>
 *   <li>The main thread waits until the hook has stopped the service.</li>
 * </ol>
 * Exit codes: {@value #INVALID_SETTINGS} invalid settings (missing file, unknown key, bad value, or the service
 * refusing its settings with an {@link IllegalArgumentException}, or a Kafka client or serde refusing them with a
 * {@link ConfigException}, while it is built); {@value #COULD_NOT_START} it
 * could not start (anything else thrown while building or starting). A stop by signal ends with the JVM's own
 * status for it (143 for SIGTERM, 130 for Ctrl+C) once the service has stopped cleanly; the runner does not override
 * it, since calling exit from a shutdown hook would block forever.
 */
public final class ServiceMain {

    public static final int INVALID_SETTINGS = 2;
    public static final int COULD_NOT_START = 1;

    /** Not a static field: the first logger would start log4j before {@link LogConfig} has chosen its configuration. */
    private static Logger log() {
        return LoggerFactory.getLogger(ServiceMain.class);
    }

    private static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private final String name;
    private final DeclaredSettings declared;
    private final Function<Settings, ? extends WireService> factory;
    private final Map<String, String> env;
    private final Consumer<Thread> shutdownHooks;
    private final BiConsumer<String, LogFormat> logging;

    /**
     * @param env           stands for the process environment
     * @param shutdownHooks where the stop hook goes ({@code Runtime.getRuntime()::addShutdownHook} in production)
     */
    ServiceMain(String name, DeclaredSettings declared, Function<Settings, ? extends WireService> factory,
                Map<String, String> env, Consumer<Thread> shutdownHooks) {
        this(name, declared, factory, env, shutdownHooks, (service, format) -> { });
    }

    /** @param logging sets up the process's logging for the service name and format ({@link LogConfig#useService}) */
    ServiceMain(String name, DeclaredSettings declared, Function<Settings, ? extends WireService> factory,
                Map<String, String> env, Consumer<Thread> shutdownHooks, BiConsumer<String, LogFormat> logging) {
        this.name = name;
        this.declared = accepted(declared);
        this.factory = factory;
        this.env = env;
        this.shutdownHooks = shutdownHooks;
        this.logging = logging;
    }

    /**
     * What a service run here accepts: its own settings and the ones every service shares (Kafka, logging), and the
     * {@code kafka.client.*} passthrough ({@link KafkaClientPassthrough#CLIENTS}, merged with the service's own when it
     * refuses more).
     */
    public static DeclaredSettings accepted(DeclaredSettings own) {
        return own.plus(KafkaSettings.ALL, LogSettings.ALL).withPassthrough(KafkaClientPassthrough.CLIENTS);
    }

    /**
     * Runs the service until the JVM is told to stop; exits with {@value #INVALID_SETTINGS} or
     * {@value #COULD_NOT_START} when it cannot run.
     *
     * @param name     the service's name, for log lines and the shutdown thread
     * @param declared the service's own settings (the shared Kafka ones are added)
     * @param factory  builds the service from validated settings; should not start anything
     */
    public static void run(String name, DeclaredSettings declared, Function<Settings, ? extends WireService> factory, String[] args) {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            // Avro 1.12 refuses to build classes outside trusted packages
            System.setProperty(AVRO_TRUSTED_PACKAGES, "io.wirestream.avro");
        }
        int status = new ServiceMain(name, declared, factory, System.getenv(), Runtime.getRuntime()::addShutdownHook,
                LogConfig::useService).runUntilStopped(args);
        if (status != 0) {
            // Kafka client threads are not daemons: a service that could not start must leave explicitly
            System.exit(status);
        }
    }

    /** Runs until the shutdown hook has stopped the service; returns 0 then, or the exit code of a failed start. */
    int runUntilStopped(String[] args) {
        Settings settings;
        try {
            settings = load(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            logging.accept(name, formatOf(Settings.load(null, env)));
            log().error("{} has invalid settings: {}", name, e.getMessage());
            return INVALID_SETTINGS;
        }
        logging.accept(name, formatOf(settings));
        Logger log = log();
        try {
            declared.validate(settings);
        } catch (InvalidSettingsException e) {
            log.error("{} has invalid settings:\n  {}", name, String.join("\n  ", e.problems()));
            return INVALID_SETTINGS;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            log.error("{} has invalid settings: {}", name, e.getMessage());
            return INVALID_SETTINGS;
        }
        WireService service;
        try {
            service = factory.apply(settings);
        } catch (IllegalArgumentException | ConfigException e) {
            log.error("{} has invalid settings: {}", name, e.getMessage());
            return INVALID_SETTINGS;
        } catch (RuntimeException e) {
            log.error("{} could not start: {}", name, e.getMessage(), e);
            return COULD_NOT_START;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopOnce = () -> {
            if (stopped.compareAndSet(false, true)) {
                service.stop();
            }
        };
        CountDownLatch hookDone = new CountDownLatch(1);
        shutdownHooks.accept(new Thread(() -> {
            try {
                stopOnce.run();
                log.info("{} stopped", name);
            } catch (RuntimeException e) {
                log.error("{} did not stop cleanly: {}", name, e.getMessage(), e);
            } finally {
                hookDone.countDown();
            }
        }, name + "-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            log.error("{} could not start: {}", name, e.getMessage(), e);
            try {
                stopOnce.run(); // releases what the failed start left behind, before the exit
            } catch (RuntimeException stopFailure) {
                log.warn("{} did not stop cleanly after the failed start: {}", name, stopFailure.toString());
            }
            return COULD_NOT_START;
        }
        log.info("{} started", name);
        try {
            hookDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The format asked for, or plain when it does not parse (validation then reports the value). */
    private static LogFormat formatOf(Settings settings) {
        try {
            return settings.get(LogSettings.FORMAT);
        } catch (RuntimeException e) {
            return LogFormat.PLAIN;
        }
    }

    private Settings load(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("configuration file not found: " + file.toAbsolutePath());
        }
        return Settings.load(file, env);
    }
}

package io.wirestream.ops.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks every configured service's {@code /health/ready} periodically. The lag monitor only sees offsets; a stream app
 * whose threads keep failing can sit in a rebalance with nothing to show in them, and says why only on its own
 * readiness. Publishes {@code wirestream_service_ready{service}} (1 ready, 0 not) for alerting.
 */
public final class ServiceHealthMonitor implements AutoCloseable {

    private final Map<String, String> urls;
    private final ServiceHealthProbe probe;
    private final Duration interval;
    private final MultiGauge readyGauge;
    private volatile List<ServiceHealth> latest;
    private ScheduledExecutorService scheduler;

    /** @param urls readiness URL by service name, in the order to show them */
    public ServiceHealthMonitor(Map<String, String> urls, ServiceHealthProbe probe, Duration interval, MeterRegistry registry) {
        this.urls = new LinkedHashMap<>(urls);
        this.probe = probe;
        this.interval = interval;
        this.readyGauge = registry == null ? null : MultiGauge.builder("wirestream.service.ready")
                .description("1 when the service's /health/ready answers 200, else 0").register(registry);
        List<ServiceHealth> initial = new ArrayList<>();
        this.urls.forEach((service, url) -> initial.add(ServiceHealth.notCheckedYet(service, url)));
        this.latest = List.copyOf(initial);
    }

    public synchronized void start() {
        if (scheduler != null || urls.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wirestream-health-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks every service once, on the caller's thread. */
    public List<ServiceHealth> checkNow() {
        List<ServiceHealth> round = new ArrayList<>();
        urls.forEach((service, url) -> round.add(probe.check(service, url)));
        latest = List.copyOf(round);
        if (readyGauge != null) {
            readyGauge.register(round.stream().<MultiGauge.Row<?>>map(h ->
                    MultiGauge.Row.of(Tags.of("service", h.service()), h.ready() ? 1 : 0)).toList(), true);
        }
        return latest;
    }

    public List<ServiceHealth> latest() {
        return latest;
    }

    /** Parses {@code name=URL} entries separated by commas; an entry without a name is named after its URL. */
    public static Map<String, String> parseUrls(String spec) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq > 0 && !e.substring(0, eq).contains("/")) {
                urls.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
            } else {
                urls.put(e, e);
            }
        }
        return urls;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}

package io.wirestream.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side every service shares: {@code /health/live}, {@code /health/ready} (200 only when every readiness check
 * passes, else 503 with the reasons) and {@code /metrics} in Prometheus format. Services add their own routes.
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final PrometheusMeterRegistry metrics;
    private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    private final Javalin app;

    public ServiceHttpServer(String service, PrometheusMeterRegistry metrics, Consumer<Javalin> routes) {
        this.service = service;
        this.metrics = metrics;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 64L * 1024 * 1024; // services enforce their own, smaller limits with clear errors
        });
        app.get("/health/live", ctx -> ctx.json(Map.of("service", service, "status", "UP")));
        app.get("/health/ready", ctx -> {
            Map<String, String> problems = readinessProblems();
            ObjectNode body = JSON.createObjectNode().put("service", service).put("status", problems.isEmpty() ? "UP" : "DOWN");
            ObjectNode detail = body.putObject("checks");
            checks.keySet().forEach(name -> detail.put(name, problems.getOrDefault(name, "OK")));
            ctx.status(problems.isEmpty() ? 200 : 503).contentType("application/json").result(body.toString());
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.accept(app);
    }

    public static PrometheusMeterRegistry newMetrics(String service) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        return registry;
    }

    public ServiceHttpServer readiness(String name, ReadinessCheck check) {
        checks.put(name, check);
        return this;
    }

    public ServiceHttpServer start(String host, int port) {
        app.start(host, port);
        log.info("{} HTTP listening on http://{}:{}", service, host, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public Map<String, String> readinessProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            try {
                String p = check.problem();
                if (p != null) {
                    problems.put(name, p);
                }
            } catch (RuntimeException e) {
                problems.put(name, e.toString());
            }
        });
        return problems;
    }

    @Override
    public void close() {
        app.stop();
    }
}

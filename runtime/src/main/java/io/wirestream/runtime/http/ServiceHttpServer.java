package io.wirestream.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.util.JavalinException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.metrics.JvmProcessMetrics;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side every service shares: {@code /health/live}, {@code /health/ready} (200 only when every readiness check
 * passes, else 503 with the reasons) and {@code /metrics} in Prometheus format, with the JVM's and the process's figures
 * ({@link JvmProcessMetrics}) beside the service's own. Services add their own routes.
 * Every connection is bounded by {@link HttpLimits} (header size, header deadline, idle timeout, minimum body rate)
 * before any route sees it; bodies are bounded by the routes, which know their own limits. {@link #close()} is a
 * graceful stop: the port closes first, and the requests already in a route are answered before the server stops.
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_STOP_GRACE_SECONDS = 5; // well inside Docker's 10 s between SIGTERM and SIGKILL
    static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(DEFAULT_STOP_GRACE_SECONDS);
    /**
     * How much of a body left unread by a route (a refusal on its headers, or part way) the server reads and drops
     * after answering, and for how long, so the answer is not lost to a connection reset ({@link UnreadBodyDrain}).
     * Past either bound the connection is closed as it was before.
     */
    static final long UNREAD_BODY_DRAIN_BYTES = 64L * 1024 * 1024;
    static final long UNREAD_BODY_DRAIN_MILLIS = 10_000;

    private final String service;
    private final PrometheusMeterRegistry metrics;
    private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    private final Map<String, ReadinessCheck> warningChecks = new LinkedHashMap<>();
    private final Javalin app;
    private final HttpLimits limits;
    private final JvmProcessMetrics jvmMetrics;
    private final Set<HttpRoute> routes = new TreeSet<>();
    private SlowClientGuard slowClients;

    public ServiceHttpServer(String service, PrometheusMeterRegistry metrics, Consumer<RoutesConfig> routes) {
        this(service, metrics, routes, HttpLimits.defaults());
    }

    /**
     * @param routes the service's own routes and exception handlers, declared on Javalin's route config (Javalin 7
     *        takes every route before the server is built; none can be added later)
     */
    public ServiceHttpServer(String service, PrometheusMeterRegistry metrics, Consumer<RoutesConfig> routes, HttpLimits limits) {
        this(service, metrics, routes, limits, DEFAULT_STOP_GRACE);
    }

    /**
     * @param stopGrace how long {@link #close()} waits for the requests already being handled to be answered, after
     *        the port is closed to new connections ({@value #DEFAULT_STOP_GRACE_SECONDS} s unless given)
     */
    public ServiceHttpServer(String service, PrometheusMeterRegistry metrics, Consumer<RoutesConfig> routes, HttpLimits limits,
            Duration stopGrace) {
        this.service = service;
        this.metrics = metrics;
        this.limits = limits;
        this.jvmMetrics = JvmProcessMetrics.bindTo(metrics);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // every route as it is declared, so a test can hold the routes against the service's OpenAPI document
            config.events.handlerAdded(added -> {
                if (added.getHttpMethod().isHttpMethod()) {
                    this.routes.add(new HttpRoute(added.getHttpMethod().name(), added.getPath()));
                }
            });
            config.http.maxRequestSize = 64L * 1024 * 1024; // services enforce their own, smaller limits with clear errors
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(limits.maxHeaderBytes()); // more: 431 from Jetty, before any route runs
                // no Jetty minimum data rate: it has no grace and fails small bodies (see SlowClientGuard, which does it)
                http.setIdleTimeout(limits.idleTimeout().toMillis()); // a blocking body read waits no longer than this
                // routes judge a request by its headers (key, declared size, rate) before reading the body; Jetty's
                // default would hold the request until body bytes arrive, so a refusal would wait on the client
                http.setDelayDispatchUntilContent(false);
            });
            // a refusal sent before the body was read reaches the client instead of being lost to a reset
            config.jetty.modifyServletContextHandler(context -> {
                FilterHolder drain = new FilterHolder(new UnreadBodyDrain(UNREAD_BODY_DRAIN_BYTES, UNREAD_BODY_DRAIN_MILLIS));
                drain.setAsyncSupported(true); // it drops the rest of a body asynchronously, holding no thread
                context.addFilter(drain, "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // a stop first closes the port, then lets the requests already in a route finish (a push waiting for
                // Kafka's acknowledgement still gets its answer), for at most stopGrace
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(stopGrace.toMillis());
            });
            RoutesConfig r = config.routes;
            // Jetty's verdicts on the request itself keep their status and reason, instead of becoming a 500 (or, behind
            // a route's catch-all handler, an empty 200); a route's own exception handlers may answer more specifically
            r.exception(BadMessageException.class, (e, ctx) -> badMessage(ctx, e.getCode(), e.getReason()));
            // a body Jetty could not read: a malformed chunk, or a body that ended before its declared length. The
            // request is broken (Jetty's HttpEofException says 400); if the client has gone, nobody reads the answer
            r.exception(EofException.class, (e, ctx) -> {
                log.info("{} {}: the request body could not be read ({})", ctx.method(), ctx.path(), e.toString());
                int code = e instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500 ? h.getCode() : 400;
                badMessage(ctx, code, "the request body is malformed or ended early ("
                        + (e instanceof HttpException h && h.getReason() != null ? h.getReason() : e.getMessage()) + ")");
            });
            r.get("/health/live", ctx -> ctx.json(Map.of("service", service, "status", "UP")));
            r.get("/health/ready", ctx -> {
                Map<String, String> problems = readinessProblems();
                ObjectNode body = JSON.createObjectNode().put("service", service).put("status", problems.isEmpty() ? "UP" : "DOWN");
                ObjectNode detail = body.putObject("checks");
                checks.keySet().forEach(name -> detail.put(name, problems.getOrDefault(name, "OK")));
                Map<String, String> warned = warnings();
                if (!warned.isEmpty()) {
                    ObjectNode w = body.putObject("warnings");
                    warned.forEach(w::put);
                }
                ctx.status(problems.isEmpty() ? 200 : 503).contentType("application/json").result(body.toString());
            });
            r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            routes.accept(r);
        });
    }

    private static void badMessage(Context ctx, int code, String reason) {
        ObjectNode body = JSON.createObjectNode().put("status", code).put("error", "http_" + code)
                .put("message", reason == null ? "bad request" : reason);
        ctx.status(code).header("Connection", "close").contentType("application/json").result(body.toString());
    }

    /**
     * A registry for one service: every meter carries the tag {@code service}. Wirestream's own meters are named
     * {@code wirestream.<area>.<what>} with the unit in the name or as base unit, and counts are counters (Prometheus:
     * {@code wirestream_..._total}); gauges only for values that go up and down. {@code MetricConventionsTest} and the
     * pipeline journeys check this on what each service serves.
     */
    public static PrometheusMeterRegistry newMetrics(String service) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        return registry;
    }

    public ServiceHttpServer readiness(String name, ReadinessCheck check) {
        checks.put(name, check);
        return this;
    }

    /**
     * A problem the service works around, such as a reloaded file refused while the previous one stays in force: named
     * under {@code warnings} in {@code /health/ready} (and so on the ops page) but never turning readiness DOWN, which
     * would take a working service out of an orchestrator's rotation.
     */
    public ServiceHttpServer warning(String name, ReadinessCheck check) {
        warningChecks.put(name, check);
        return this;
    }

    public ServiceHttpServer start(String host, int port) {
        app.start(host, port);
        Server server = app.jettyServer().server();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(limits.idleTimeout().toMillis());
            }
        }
        slowClients = new SlowClientGuard(server, limits.headerTimeout(), limits.minRequestBytesPerSecond(), System::nanoTime);
        log.info("{} HTTP listening on http://{}:{}", service, host, app.port());
        return this;
    }

    /** Every route this server answers (its own and the service's), in OpenAPI's path form; known before start. */
    public Set<HttpRoute> routes() {
        return Collections.unmodifiableSet(routes);
    }

    public HttpLimits limits() {
        return limits;
    }

    public int port() {
        return app.port();
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public Map<String, String> readinessProblems() {
        return problemsOf(checks);
    }

    /** The warnings' current problems (name -> problem), empty when none has one. */
    public Map<String, String> warnings() {
        return problemsOf(warningChecks);
    }

    private static Map<String, String> problemsOf(Map<String, ReadinessCheck> checks) {
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

    /**
     * Closes the port, waits up to the stop grace for the requests being handled to be answered, then stops. The
     * slow-client guard keeps sweeping meanwhile, so a client dribbling a body cannot hold the stop for the whole grace.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty stopped anyway; it only reports that the grace ran out
            log.warn("{} HTTP stopped with requests still running after the stop grace; they were cut off", service);
        } finally {
            if (slowClients != null) {
                slowClients.close();
            }
            jvmMetrics.close();
        }
    }
}

package io.wirestream.ops.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.http.ReadinessCheck;
import io.wirestream.runtime.http.ServiceHttpServer;

/**
 * The ops page served on its own: the page and its API ({@link OpsRoutes}) plus the platform's {@code /health/live},
 * {@code /health/ready} and {@code /metrics}.
 */
public final class OpsServer implements AutoCloseable {

    private final ServiceHttpServer http;

    public OpsServer(OpsDashboard dashboard, PrometheusMeterRegistry metrics) {
        this.http = new ServiceHttpServer("ops", metrics, app -> OpsRoutes.register(app, dashboard));
    }

    public OpsServer readiness(String name, ReadinessCheck check) {
        http.readiness(name, check);
        return this;
    }

    /** Starts listening; port 0 takes a free port, see {@link #port()}. */
    public OpsServer start(String host, int port) {
        http.start(host, port);
        return this;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.wirestream.ops.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.ReadinessCheck;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.util.Set;

/**
 * The ops page served on its own: the page and its API ({@link OpsRoutes}) plus the platform's {@code /health/live},
 * {@code /health/ready} and {@code /metrics}, and the API's OpenAPI document with Swagger UI at {@code /docs}.
 */
public final class OpsServer implements AutoCloseable {

    /** The ops JSON API's OpenAPI 3.1 description, served at {@code /openapi.json} and {@code /openapi.yaml}. */
    static final String OPENAPI = "/io/wirestream/ops/openapi.yaml";

    private final ServiceHttpServer http;

    public OpsServer(OpsDashboard dashboard, PrometheusMeterRegistry metrics) {
        ApiDocs docs = ApiDocs.fromClasspath(OPENAPI);
        this.http = new ServiceHttpServer("ops", metrics, routes -> {
            OpsRoutes.register(routes, dashboard);
            docs.register(routes);
        });
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

    /** Every route this server answers (tests hold them against the OpenAPI document). */
    public Set<HttpRoute> routes() {
        return http.routes();
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.wirestream.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator API's OpenAPI document against the routes subscriber-service really declares (the composition
 * {@link SubscriberService} starts, without Kafka): valid OpenAPI 3.1, the same routes both ways, and the refusals
 * the routes give before they touch Kafka (no token, a wrong one, no token configured, a bad {@code since}) as
 * documented. {@code it/OperatorRoutesIT} holds the running service's other replies against it.
 */
class SubscriberApiOpenApiTest {

    static final ApiDocs DOCS = ApiDocs.fromClasspath(SubscriberService.OPENAPI);
    static final OpenApiContract CONTRACT = OpenApiContract.of(DOCS);

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(CONTRACT.parserProblems()).isEmpty();
    }

    @Test
    void theServiceDeclaresExactlyTheDocumentedRoutesPlusTheDocsOwn() {
        try (ServiceHttpServer http = server("a-token")) {
            assertThat(CONTRACT.routeMismatches(http.routes())).as("subscriber-service against openapi.yaml").isEmpty();
            assertThat(CONTRACT.documentedRoutes()).contains(HttpRoute.get("/health/subscribers"), HttpRoute.get("/v1/subscribers"),
                    HttpRoute.get("/v1/dead-letters"), new HttpRoute("POST", "/v1/dead-letters/replay"));
        }
    }

    @Test
    void refusalsAnswerAsDocumented() throws Exception {
        List<String> violations = new ArrayList<>();
        try (ServiceHttpServer http = server("the-admin-token").start("127.0.0.1", 0);
             ServiceHttpServer closed = server(null).start("127.0.0.1", 0)) {
            for (HttpRoute route : List.of(HttpRoute.get("/v1/subscribers"), HttpRoute.get("/v1/dead-letters"),
                    new HttpRoute("POST", "/v1/dead-letters/replay"))) {
                HttpResponse<String> none = call(http, route, route.path(), null);
                assertThat(none.statusCode()).as(route + " without a token").isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                violations.addAll(CONTRACT.responseViolations(route, 401, type(none), none.body()));
                HttpResponse<String> wrong = call(http, route, route.path(), "not-the-token");
                assertThat(wrong.statusCode()).as(route + " with a wrong token").isEqualTo(401);
                HttpResponse<String> disabled = call(closed, route, route.path(), "the-admin-token");
                assertThat(disabled.statusCode()).as(route + " with no token configured").isEqualTo(403);
                violations.addAll(CONTRACT.responseViolations(route, 403, type(disabled), disabled.body()));
            }
            for (HttpRoute route : List.of(HttpRoute.get("/v1/dead-letters"), new HttpRoute("POST", "/v1/dead-letters/replay"))) {
                HttpResponse<String> badSince = call(http, route, route.path() + "?since=yesterday", "the-admin-token");
                assertThat(badSince.statusCode()).as(route + " with since=yesterday").isEqualTo(400);
                assertThat(badSince.body()).contains("bad-since");
                violations.addAll(CONTRACT.responseViolations(route, 400, type(badSince), badSince.body()));
            }
            HttpResponse<String> ui = call(http, HttpRoute.get(ApiDocs.UI_PATH), ApiDocs.UI_PATH, null);
            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(type(ui)).startsWith("text/html");
            HttpResponse<String> json = call(http, HttpRoute.get(ApiDocs.JSON_PATH), ApiDocs.JSON_PATH, null);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("/health/subscribers");
        }
        assertThat(violations).isEmpty();
    }

    /** The service's routes on the platform's server; the admin routes refuse before they would need the service. */
    private static ServiceHttpServer server(String token) {
        return new ServiceHttpServer(SubscriberService.SERVICE_NAME, ServiceHttpServer.newMetrics(SubscriberService.SERVICE_NAME),
                SubscriberService.httpRoutes(new AdminRoutes(null, token), DOCS));
    }

    private HttpResponse<String> call(ServiceHttpServer server, HttpRoute route, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(route.method(), HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}

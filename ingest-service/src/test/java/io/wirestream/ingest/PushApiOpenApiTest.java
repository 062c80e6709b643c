package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.ingest.push.PushApi;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.runtime.http.ServiceHttpServer;
import org.junit.jupiter.api.Test;

/**
 * The push API's OpenAPI document against the routes ingest-service really declares (the same composition
 * {@link IngestService} starts, without Kafka): both ways, so a route added without being documented fails here, and
 * so does a documented route that is gone. {@code PushApiOpenApiIT} holds real replies against the document.
 */
class PushApiOpenApiTest {

    static final ApiDocs DOCS = ApiDocs.fromClasspath(IngestService.OPENAPI);
    static final OpenApiContract CONTRACT = OpenApiContract.of(DOCS);

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(CONTRACT.parserProblems()).isEmpty();
    }

    @Test
    void theServiceDeclaresExactlyTheDocumentedRoutesPlusTheDocsOwn() {
        ServiceHttpServer http = new ServiceHttpServer("ingest", ServiceHttpServer.newMetrics("ingest"),
                IngestService.httpRoutes(new PushApi(null, null, null, null, null, null, 1, 1)));
        try {
            assertThat(CONTRACT.routeMismatches(http.routes())).as("ingest-service against openapi.yaml").isEmpty();
            assertThat(CONTRACT.documentedRoutes()).contains(new HttpRoute("POST", "/v1/items"), HttpRoute.get("/v1/items/{receipt}"),
                    HttpRoute.get("/health/ready"));
        } finally {
            http.close();
        }
    }

    @Test
    void pushRoutesNeedAKeyAsBearerOrXApiKeyAndThePlatformRoutesNone() {
        JsonNode doc = CONTRACT.document();
        assertThat(doc.at("/components/securitySchemes/bearerKey/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/apiKeyHeader/in").asText()).isEqualTo("header");
        assertThat(doc.at("/components/securitySchemes/apiKeyHeader/name").asText()).isEqualTo("X-Api-Key");
        assertThat(doc.path("security").toString()).contains("bearerKey").contains("apiKeyHeader");
        for (HttpRoute route : CONTRACT.documentedRoutes()) {
            JsonNode operation = doc.path("paths").path(route.path()).path(route.method().toLowerCase());
            boolean platform = route.path().startsWith("/health/") || route.path().equals("/metrics");
            assertThat(operation.has("security") && operation.get("security").isEmpty()).as(route + " needs no key").isEqualTo(platform);
            if (!platform) {
                assertThat(operation.path("responses").has("401")).as(route + " documents 401").isTrue();
            }
        }
    }
}

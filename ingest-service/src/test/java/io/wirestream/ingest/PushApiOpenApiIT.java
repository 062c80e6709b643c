package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.ingest.fate.PublishReadApiStub;
import io.wirestream.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The running ingest-service against its OpenAPI document: it serves the document and Swagger UI, it has exactly the
 * documented routes, and every reply it gives (accepted, each refusal, batches, receipts, the HTTP server's own 400 and 431)
 * is one the document describes, with the documented status, content type and body shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushApiOpenApiIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALPHA = "key-alpha-openapi-0123";
    static final String SLOW = "key-slow-openapi-0123";
    static final ApiDocs DOCS = ApiDocs.fromClasspath(IngestService.OPENAPI);
    static final OpenApiContract CONTRACT = OpenApiContract.of(DOCS);
    static final HttpRoute PUSH = new HttpRoute("POST", "/v1/items");
    static final HttpRoute PUSH_AS = new HttpRoute("POST", "/v1/agencies/{agency}/items");
    static final HttpRoute BATCH = new HttpRoute("POST", "/v1/items/batch");
    static final HttpRoute RECEIPT = HttpRoute.get("/v1/items/{receipt}");

    IngestHarness harness;
    PublishReadApiStub publish;

    @BeforeAll
    void start() throws Exception {
        publish = new PublishReadApiStub();
        harness = new IngestHarness(TestInfrastructure.embedded(), Map.of("ingest.max.body.bytes", "65536",
                "ingest.rate.overrides", "slow=0.1/1", "ingest.batch.max.items", "3", "ingest.fate.url", publish.url()),
                Map.of(ALPHA, "alpha", SLOW, "slow"));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (publish != null) {
            publish.close();
        }
    }

    static byte[] nitf(String headline) {
        return ("<?xml version=\"1.0\"?><nitf><head><title>" + headline + "</title></head><body><body.content><p>"
                + headline + " was reported on Tuesday.</p></body.content></body></nitf>").getBytes(StandardCharsets.UTF_8);
    }

    static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void theServiceServesItsDocumentAndSwaggerUi() throws Exception {
        HttpResponse<String> json = harness.get(ApiDocs.JSON_PATH, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(type(json)).startsWith("application/json");
        assertThat(JSON.readTree(json.body())).isEqualTo(DOCS.document());
        HttpResponse<String> yaml = harness.get(ApiDocs.YAML_PATH, null);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(type(yaml)).startsWith("application/yaml");
        HttpResponse<String> ui = harness.get(ApiDocs.UI_PATH, null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(type(ui)).startsWith("text/html");
        assertThat(ui.body()).contains("/docs/swagger-ui-bundle.js");
        HttpResponse<String> bundle = harness.get("/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(type(bundle)).startsWith("text/javascript");
    }

    @Test
    void theRunningServiceHasExactlyTheDocumentedRoutes() {
        assertThat(CONTRACT.routeMismatches(harness.service.http().routes())).isEmpty();
    }

    @Test
    void everyReplyIsOneTheDocumentDescribes() throws Exception {
        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();

        HttpResponse<String> accepted = harness.post("/v1/items", ALPHA, "application/xml", nitf("Ferry timetable"), "X-Item-Id", "doc-1");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        check(violations, seen, PUSH, accepted);
        check(violations, seen, PUSH_AS, harness.post("/v1/agencies/alpha/items", ALPHA, "application/xml", nitf("Harbour"), "X-Item-Id", "doc-2"));
        check(violations, seen, PUSH, harness.post("/v1/items", null, "application/xml", nitf("No key")));
        check(violations, seen, PUSH, harness.post("/v1/items", "no-such-key", "application/xml", nitf("Bad key")));
        check(violations, seen, PUSH_AS, harness.post("/v1/agencies/beta/items", ALPHA, "application/xml", nitf("Other agency")));
        check(violations, seen, PUSH, harness.post("/v1/items", ALPHA, "application/xml", nitf("x".repeat(70_000))));
        check(violations, seen, PUSH, harness.post("/v1/items", ALPHA, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        check(violations, seen, PUSH, harness.post("/v1/items", ALPHA, "application/xml", new byte[0]));
        check(violations, seen, PUSH, harness.post("/v1/items", ALPHA, "application/xml", nitf("Long id"), "X-Item-Id", "i".repeat(2000)));
        check(violations, seen, PUSH, harness.post("/v1/items", ALPHA, "application/xml", nitf("Big header"), "X-Padding", "p".repeat(20_000)));
        check(violations, seen, PUSH, harness.post("/v1/items", SLOW, "application/xml", nitf("Slow one")));
        check(violations, seen, PUSH, harness.post("/v1/items", SLOW, "application/xml", nitf("Slow two")));

        String malformed = RawHttp.headOnly(harness.service.port(), "POST /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + ALPHA + "\r\nTransfer-Encoding: chunked\r\n\r\n", "ZZ\r\n<nitf>\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 10_000);
        int malformedStatus = Integer.parseInt(RawHttp.statusLine(malformed).split(" ")[1]);
        seen.add(malformedStatus);
        violations.addAll(CONTRACT.responseViolations(PUSH, malformedStatus, rawHeader(malformed, "Content-Type"),
                malformed.substring(malformed.indexOf("\r\n\r\n") + 4)));

        String receipt = JSON.readTree(accepted.body()).get("receipt").asText();
        String itemId = JSON.readTree(accepted.body()).get("itemId").asText();
        check(violations, seen, RECEIPT, harness.get("/v1/items/" + receipt, ALPHA)); // fate pending
        publish.answer(itemId, 200, "{\"itemId\":\"" + itemId + "\",\"fate\":\"rejected\",\"stage\":\"normalise\","
                + "\"reason\":\"unparseable\",\"detail\":\"no body\",\"decidedAt\":\"2026-12-07T10:00:00Z\"}");
        check(violations, seen, RECEIPT, harness.get("/v1/items/" + receipt, ALPHA)); // fate known
        check(violations, seen, RECEIPT, harness.get("/v1/items/" + receipt, SLOW)); // another agency's: 404
        check(violations, seen, RECEIPT, harness.get("/v1/items/not-a-receipt", ALPHA));
        check(violations, seen, RECEIPT, harness.get("/v1/items/" + receipt, null));

        String good = "{\"id\":\"doc-b1\",\"body\":\"" + new String(nitf("Batch one"), StandardCharsets.UTF_8).replace("\"", "\\\"") + "\"}";
        check(violations, seen, BATCH, batch("{\"items\":[" + good + "]}"));
        check(violations, seen, BATCH, batch("{\"items\":[" + good.replace("doc-b1", "doc-b2") + ",{\"id\":\"doc-b3\"}]}"));
        check(violations, seen, BATCH, batch("{\"items\":[" + good.replace("doc-b1", "doc-b4") + ",{\"id\":\"doc-b5\",\"bodyBase64\":\"AUFCQzEyMyAxIEEgLi4uAg==\"}]}"));
        check(violations, seen, BATCH, batch("not json"));
        check(violations, seen, BATCH, batch("{\"items\":[]}"));
        check(violations, seen, BATCH, batch("{\"items\":[{\"body\":\"a\"},{\"body\":\"b\"},{\"body\":\"c\"},{\"body\":\"d\"}]}"));

        for (String path : List.of("/health/live", "/health/ready", "/metrics")) {
            check(violations, seen, HttpRoute.get(path), harness.get(path, null));
        }

        assertThat(violations).isEmpty();
        assertThat(seen).as("statuses seen, so the check above covered them").contains(200, 202, 207, 400, 401, 403, 404, 413, 415, 422, 429, 431);
    }

    static String rawHeader(String reply, String name) {
        for (String line : reply.substring(0, reply.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    HttpResponse<String> batch(String body) throws Exception {
        return harness.post("/v1/items/batch", ALPHA, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static void check(List<String> violations, Set<Integer> seen, HttpRoute route, HttpResponse<String> response) {
        seen.add(response.statusCode());
        violations.addAll(CONTRACT.responseViolations(route, response.statusCode(), type(response), response.body()));
    }
}

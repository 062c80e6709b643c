package io.wirestream.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and Swagger UI as a service serves them, on a real server with a small document of its own;
 * and the checks every service's OpenAPI test relies on ({@link OpenApiContract}), shown to fail when they should.
 */
class ApiDocsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ApiDocs DOCS = ApiDocs.fromClasspath("/io/wirestream/runtime/http/test-openapi.yaml");

    final HttpClient http = HttpClient.newHttpClient();
    ServiceHttpServer server;

    @BeforeEach
    void start() {
        server = new ServiceHttpServer("echo", ServiceHttpServer.newMetrics("echo"), routes -> {
            routes.get("/echo/{word}", ctx -> ctx.contentType("application/json").result(JSON.createObjectNode()
                    .put("word", ctx.pathParam("word")).put("length", ctx.pathParam("word").length()).toString()));
            DOCS.register(routes);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void theDocumentIsServedAsJsonAndAsTheYamlItWasWrittenIn() throws Exception {
        HttpResponse<String> json = get(ApiDocs.JSON_PATH);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(type(json)).startsWith("application/json");
        assertThat(JSON.readTree(json.body())).isEqualTo(DOCS.document());
        assertThat(JSON.readTree(json.body()).path("paths").has("/echo/{word}")).isTrue();

        HttpResponse<String> yaml = get(ApiDocs.YAML_PATH);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(type(yaml)).startsWith("application/yaml");
        assertThat(yaml.body()).isEqualTo(DOCS.yaml()).contains("openapi: \"3.1.0\"");
    }

    @Test
    void swaggerUiIsServedFromTheJarAndPointsAtTheDocument() throws Exception {
        HttpResponse<String> page = get(ApiDocs.UI_PATH);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"swagger-ui\"></div>").contains("Echo &lt;test&gt; service")
                .doesNotContain("http://", "https://"); // every file comes from this server

        Matcher refs = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(page.body());
        Set<String> assets = new TreeSet<>();
        while (refs.find()) {
            assets.add(refs.group(1));
        }
        assertThat(assets).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/swagger-initializer.js");
        for (String asset : assets) {
            HttpResponse<String> file = get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            String expected = asset.endsWith(".js") ? "text/javascript" : asset.endsWith(".css") ? "text/css" : "image/png";
            assertThat(type(file)).as(asset).startsWith(expected);
            assertThat(file.body()).as(asset).isNotEmpty();
        }
        assertThat(get("/docs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");

        String initializer = get("/docs/swagger-initializer.js").body();
        assertThat(initializer).contains("url: \"/openapi.json\"").contains("validatorUrl: null")
                .doesNotContain("petstore", "http://", "https://");
    }

    @Test
    void onlyTheSwaggerUiFilesThePageUsesAreServed() throws Exception {
        for (String path : new String[] {"/docs/index.html", "/docs/oauth2-redirect.html", "/docs/nothing.js",
                "/docs/..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties", "/docs/%2e%2e"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(type(response)).as(path).startsWith("application/json");
        }
    }

    @Test
    void aMissingDocumentStopsTheServiceAtStart() {
        assertThatThrownBy(() -> ApiDocs.fromClasspath("/io/wirestream/runtime/http/no-such-openapi.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing from the classpath");
    }

    @Test
    void theRoutesOfTheServerAreTheDocumentedOnesPlusTheDocsOwn() {
        Set<HttpRoute> expected = new TreeSet<>(OpenApiContract.of(DOCS).documentedRoutes());
        expected.addAll(ApiDocs.ROUTES);
        assertThat(server.routes()).isEqualTo(expected);
        assertThat(OpenApiContract.of(DOCS).routeMismatches(server.routes())).isEmpty();
    }

    @Test
    void aRouteThatIsNotDocumentedIsSeenAndSoIsADocumentedRouteThatIsNotThereAndMissingDocsRoutes() {
        ServiceHttpServer other = new ServiceHttpServer("echo", ServiceHttpServer.newMetrics("echo"), routes -> {
            routes.post("/undocumented", ctx -> ctx.result("x"));
            routes.get("/stories/<uri>", ctx -> ctx.result("x"));
            DOCS.register(routes);
        });
        ServiceHttpServer withoutDocs = new ServiceHttpServer("echo", ServiceHttpServer.newMetrics("echo"),
                routes -> routes.get("/echo/{word}", ctx -> ctx.result("x")));
        try {
            assertThat(OpenApiContract.of(DOCS).routeMismatches(other.routes())).containsExactlyInAnyOrder(
                    "POST /undocumented is declared by the service but not in the document",
                    "GET /stories/{uri} is declared by the service but not in the document",
                    "GET /echo/{word} is in the document but the service does not declare it");
            assertThat(OpenApiContract.of(DOCS).routeMismatches(withoutDocs.routes()))
                    .hasSize(ApiDocs.ROUTES.size())
                    .allMatch(p -> p.endsWith("is not declared: the service does not serve its own OpenAPI document and Swagger UI"));
        } finally {
            other.close();
            withoutDocs.close();
        }
    }

    @Test
    void theTestDocumentIsValidOpenApi31AndBrokenOnesAreNot() throws Exception {
        assertThat(OpenApiContract.of(DOCS).parserProblems()).isEmpty();

        ObjectNode noInfo = (ObjectNode) DOCS.document().deepCopy();
        noInfo.remove("info");
        assertThat(OpenApiContract.ofJson(noInfo.toString()).parserProblems()).anyMatch(p -> p.contains("info"));

        ObjectNode badParameter = (ObjectNode) DOCS.document().deepCopy();
        ((ObjectNode) badParameter.at("/paths/~1echo~1{word}/get/parameters/0")).put("in", "cookie-jar");
        assertThat(OpenApiContract.ofJson(badParameter.toString()).parserProblems()).isNotEmpty();

        ObjectNode danglingRef = (ObjectNode) DOCS.document().deepCopy();
        ((ObjectNode) danglingRef.at("/paths/~1echo~1{word}/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Nowhere");
        assertThat(OpenApiContract.ofJson(danglingRef.toString()).parserProblems()).anyMatch(p -> p.contains("Nowhere"));

        ObjectNode version30 = (ObjectNode) DOCS.document().deepCopy();
        version30.put("openapi", "3.0.3");
        assertThat(OpenApiContract.ofJson(version30.toString()).parserProblems()).isNotEmpty();
    }

    @Test
    void aReplyIsCheckedAgainstItsDocumentedStatusTypeAndSchema() throws Exception {
        OpenApiContract contract = OpenApiContract.of(DOCS);
        HttpRoute echo = HttpRoute.get("/echo/{word}");
        HttpResponse<String> real = get("/echo/lighthouse");
        assertThat(contract.responseViolations(echo, real.statusCode(), type(real), real.body())).isEmpty();

        assertThat(contract.responseViolations(echo, 200, "application/json", "{\"word\":\"x\"}")).isNotEmpty(); // no length
        assertThat(contract.responseViolations(echo, 200, "application/json", "{\"word\":\"x\",\"length\":-1}")).isNotEmpty();
        assertThat(contract.responseViolations(echo, 200, "text/html", "<p>x</p>")).isNotEmpty();
        assertThat(contract.responseViolations(echo, 500, "application/json", "{}")).isNotEmpty(); // 5XX is not listed
        assertThat(contract.responseViolations(echo, 404, "application/json",
                "{\"status\":404,\"error\":\"not_found\",\"message\":\"no such word\"}")).isEmpty(); // by the 4XX range
        assertThat(contract.responseViolations(echo, 404, "application/json", "{\"error\":\"not_found\"}")).isNotEmpty();
        JsonNode live = JSON.readTree(get("/health/live").body());
        assertThat(contract.responseViolations(HttpRoute.get("/health/live"), 200, "application/json", live.toString())).isEmpty();
    }
}

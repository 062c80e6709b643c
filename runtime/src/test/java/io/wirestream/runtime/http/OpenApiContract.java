package io.wirestream.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document held against the service, for tests:
 * <ul>
 *   <li>{@link #parserProblems()}: what the reference parser (swagger-parser, in OpenAPI 3.1 mode) finds wrong;</li>
 *   <li>{@link #documentedRoutes()}: every (method, path) the document describes, and {@link #routeMismatches}: how
 *       they differ, both ways, from the routes the service's HTTP server really declares;</li>
 *   <li>{@link #responseViolations}: whether one real reply (status, content type, body) is one the document
 *       describes for that route, its JSON body checked against the documented schema with the OpenAPI 3.1 schema
 *       dialect (JSON Schema 2020-12).</li>
 * </ul>
 * Nothing is fetched: the parser reads the document given, and every {@code $ref} points inside it.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String json;
    private final JsonNode document;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiContract(String json) {
        this.json = json;
        try {
            this.document = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public static OpenApiContract of(ApiDocs docs) {
        return new OpenApiContract(docs.json());
    }

    /** A document given as JSON text (tests of this class feed it broken ones). */
    public static OpenApiContract ofJson(String json) {
        return new OpenApiContract(json);
    }

    public JsonNode document() {
        return document;
    }

    /** The reference parser's messages; empty when the document is a valid OpenAPI 3.1 description. */
    public List<String> parserProblems() {
        List<String> problems = new ArrayList<>();
        if (!document.path("openapi").asText("").startsWith("3.1.")) {
            problems.add("openapi is '" + document.path("openapi").asText("") + "', not 3.1.x");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null) {
            problems.add("the parser read no OpenAPI document");
        } else if (result.getOpenAPI().getSpecVersion() != SpecVersion.V31) {
            problems.add("the parser did not read it as OpenAPI 3.1 but " + result.getOpenAPI().getSpecVersion());
        }
        return problems;
    }

    /** Every operation the document describes, as (method, path). */
    public Set<HttpRoute> documentedRoutes() {
        Set<HttpRoute> routes = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                routes.add(new HttpRoute(operation.getKey(), path.getKey()));
            }
        }));
        return routes;
    }

    /**
     * How the routes a service's HTTP server declares ({@code ServiceHttpServer.routes()}) differ from the documented
     * ones, both ways: a declared route the document leaves out, a documented route the server does not have, and a
     * missing route of {@link ApiDocs#ROUTES} (those serve the document, so they are declared but not documented).
     * Empty when they agree. Every service's OpenAPI test asserts this, so an undocumented route fails its build.
     */
    public List<String> routeMismatches(Collection<HttpRoute> declared) {
        List<String> problems = new ArrayList<>();
        Set<HttpRoute> served = new TreeSet<>(declared);
        for (HttpRoute own : new TreeSet<>(ApiDocs.ROUTES)) {
            if (!served.remove(own)) {
                problems.add(own + " is not declared: the service does not serve its own OpenAPI document and Swagger UI");
            }
        }
        Set<HttpRoute> documented = documentedRoutes();
        for (HttpRoute route : served) {
            if (!documented.contains(route)) {
                problems.add(route + " is declared by the service but not in the document");
            }
        }
        for (HttpRoute route : documented) {
            if (!served.contains(route)) {
                problems.add(route + " is in the document but the service does not declare it");
            }
        }
        return problems;
    }

    /**
     * What is wrong with one reply to {@code route}, measured against the document; empty when the document describes
     * it: the status is documented for the route (or by a range such as {@code 4XX}, or {@code default}), the content
     * type is one of the documented ones, and a JSON body matches the documented schema.
     */
    public List<String> responseViolations(HttpRoute route, int status, String contentType, String body) {
        List<String> violations = new ArrayList<>();
        JsonNode operation = document.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(route + " is not in the document");
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = responses.path(status / 100 + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            return List.of(route + " answered " + status + ", which the document does not list (" + names(responses) + ")");
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                violations.add(route + " " + status + " has a body, the document describes none");
            }
            return violations;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            return List.of(route + " " + status + " came as '" + mediaType + "', the document says " + names(content));
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode() || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return violations;
        }
        ObjectNode standalone = (ObjectNode) schema.deepCopy();
        standalone.set("components", document.path("components")); // the schema's $refs point at #/components/...
        Schema compiled = schemas.getSchema(standalone.toString(), InputFormat.JSON);
        for (Error error : compiled.validate(body, InputFormat.JSON)) {
            violations.add(route + " " + status + ": " + error);
        }
        return violations;
    }

    /** A response given as {@code $ref: '#/components/responses/X'} is followed to its definition. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only references inside the document are supported: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return String.join(", ", names);
    }
}

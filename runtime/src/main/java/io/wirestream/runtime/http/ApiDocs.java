package io.wirestream.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A service's OpenAPI description and Swagger UI, served from the jar with nothing fetched at run time:
 * <ul>
 *   <li>{@code GET /openapi.yaml}: the document as written (a YAML resource of the service);</li>
 *   <li>{@code GET /openapi.json}: the same document as JSON;</li>
 *   <li>{@code GET /docs}: Swagger UI showing {@code /openapi.json}, with its scripts and styles under
 *       {@code /docs/{asset}} from the {@code org.webjars:swagger-ui} jar.</li>
 * </ul>
 * The document is read and parsed when the service builds its routes, so a missing or broken one stops the service at
 * start rather than on the first request. The swagger-ui webjar is an optional dependency of {@code runtime}: a
 * service that serves docs declares it, so services without an API of their own do not carry it.
 */
public final class ApiDocs {

    public static final String JSON_PATH = "/openapi.json";
    public static final String YAML_PATH = "/openapi.yaml";
    public static final String UI_PATH = "/docs";
    public static final String UI_ASSET_PATH = "/docs/{asset}";

    /**
     * The routes {@link #register} adds. They serve the description itself, so the description leaves them out
     * (describing the document inside the document says nothing a client can use); a route test removes exactly these.
     */
    public static final Set<HttpRoute> ROUTES = Set.of(HttpRoute.get(JSON_PATH), HttpRoute.get(YAML_PATH),
            HttpRoute.get(UI_PATH), HttpRoute.get(UI_ASSET_PATH));

    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String INITIALIZER = "swagger-initializer.js";
    /** The Swagger UI files the page uses, with their types; nothing else of the webjar is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String yaml;
    private final JsonNode document;
    private final String json;
    private final String webjarRoot;
    private final String page;
    private final String initializer;

    private ApiDocs(String resource, String yaml) {
        this.yaml = yaml;
        try {
            this.document = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document " + resource + " is not readable YAML: " + e.getMessage(), e);
        }
        if (document == null || !document.path("openapi").isTextual() || !document.path("paths").isObject()) {
            throw new IllegalStateException("the OpenAPI document " + resource + " has no 'openapi' version or no 'paths'");
        }
        try {
            this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        String title = document.path("info").path("title").asText("API");
        this.page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%s</title>
                  <link rel="stylesheet" href="%s/swagger-ui.css">
                  <link rel="stylesheet" href="%s/index.css">
                  <link rel="icon" type="image/png" href="%s/favicon-32x32.png" sizes="32x32">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%s/swagger-ui-bundle.js"></script>
                  <script src="%s/swagger-ui-standalone-preset.js"></script>
                  <script src="%s/%s"></script>
                </body>
                </html>
                """.formatted(escapeHtml(title), UI_PATH, UI_PATH, UI_PATH, UI_PATH, UI_PATH, UI_PATH, INITIALIZER);
        // validatorUrl null: Swagger UI would otherwise send the document to an online validator for its badge
        this.initializer = """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    url: "%s",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    validatorUrl: null,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "StandaloneLayout"
                  });
                };
                """.formatted(JSON_PATH);
        for (String asset : ASSETS.keySet()) {
            if (ApiDocs.class.getResource(webjarRoot + asset) == null) {
                throw new IllegalStateException("Swagger UI file " + webjarRoot + asset + " is not on the classpath");
            }
        }
    }

    /** Reads the service's OpenAPI document (YAML) from the classpath, e.g. {@code /io/wirestream/ingest/openapi.yaml}. */
    public static ApiDocs fromClasspath(String resource) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + resource + " is missing from the classpath");
            }
            return new ApiDocs(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document, parsed. */
    public JsonNode document() {
        return document;
    }

    public String json() {
        return json;
    }

    public String yaml() {
        return yaml;
    }

    /** Adds {@link #ROUTES} to a service's routes. */
    public void register(RoutesConfig routes) {
        routes.get(JSON_PATH, ctx -> ctx.header("Cache-Control", "no-cache").contentType("application/json").result(json));
        routes.get(YAML_PATH, ctx -> ctx.header("Cache-Control", "no-cache").contentType("application/yaml; charset=utf-8").result(yaml));
        routes.get(UI_PATH, ctx -> ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page));
        routes.get(UI_ASSET_PATH, this::asset);
    }

    private void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("asset");
        if (name.equals(INITIALIZER)) {
            ctx.header("Cache-Control", "no-cache").contentType("text/javascript; charset=utf-8").result(initializer);
            return;
        }
        String type = ASSETS.get(name);
        InputStream in = type == null ? null : ApiDocs.class.getResourceAsStream(webjarRoot + name);
        if (in == null) {
            ctx.status(404).contentType("application/json").result(JSON.createObjectNode().put("status", 404)
                    .put("error", "not_found").put("message", "no Swagger UI file '" + name + "'").toString());
            return;
        }
        try (in) {
            ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in.readAllBytes());
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI is not on the classpath: a service that serves API docs "
                        + "depends on org.webjars:swagger-ui (runtime declares it optional)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

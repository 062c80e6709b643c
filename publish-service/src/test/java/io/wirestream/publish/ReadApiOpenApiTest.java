package io.wirestream.publish;

import static io.wirestream.publish.testing.TestArticles.embargoed;
import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.publish.api.ArticleReadApi;
import io.wirestream.publish.api.ReadAccess;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.ItemFate;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.OpenApiContract;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read API's OpenAPI document against publish-service's HTTP server as {@link PublishService} composes it, over a
 * real SQLite store: the document is valid OpenAPI 3.1, the server has exactly the documented routes (both ways, so an
 * undocumented route fails here), it serves the document and Swagger UI, and every reply it gives is one the document
 * describes (status, content type, body shape).
 */
class ReadApiOpenApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ApiDocs DOCS = ApiDocs.fromClasspath(PublishService.OPENAPI);
    static final OpenApiContract CONTRACT = OpenApiContract.of(DOCS);
    static final HttpRoute ARTICLE = HttpRoute.get("/v1/articles/{uri}");
    static final HttpRoute CHANGES = HttpRoute.get("/v1/changes");
    static final HttpRoute SEARCH = HttpRoute.get("/v1/search");
    static final HttpRoute ITEM = HttpRoute.get("/v1/items/{itemId}");

    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    SqliteArticleStore store;
    ServiceHttpServer server;
    long offset;

    @BeforeEach
    void start() {
        store = new SqliteArticleStore(dir.resolve("articles.sqlite"), KillMode.WITHDRAW);
        store.open();
        server = new ServiceHttpServer("publish-service", ServiceHttpServer.newMetrics("publish-service"),
                PublishService.httpRoutes(new ArticleReadApi(store, Clock.fixed(now, ZoneOffset.UTC)))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    void publish(Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(IncomingRecord.article(a, "wire.articles", 0, offset++));
        }
        store.apply(batch, now);
    }

    HttpResponse<String> get(ServiceHttpServer on, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        return get(server, pathAndQuery, headers);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(CONTRACT.parserProblems()).isEmpty();
    }

    @Test
    void theServerHasExactlyTheDocumentedRoutesPlusTheDocsOwn() {
        assertThat(CONTRACT.routeMismatches(server.routes())).as("publish-service against openapi.yaml").isEmpty();
    }

    @Test
    void theServerServesItsDocumentAndSwaggerUi() throws Exception {
        HttpResponse<String> json = get(ApiDocs.JSON_PATH);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(type(json)).startsWith("application/json");
        assertThat(JSON.readTree(json.body())).isEqualTo(DOCS.document());
        HttpResponse<String> ui = get(ApiDocs.UI_PATH);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(type(ui)).startsWith("text/html");
        assertThat(get("/docs/swagger-ui.css").statusCode()).isEqualTo(200);
    }

    @Test
    void everyReplyIsOneTheDocumentDescribes() throws Exception {
        publish(usable("testwire:ferry", 1), usable("urn:newsml:testwire.example:2026/harbour", 2),
                embargoed("testwire:later", 1, now.plus(Duration.ofHours(2))), usable("testwire:killed", 1), kill("testwire:killed", 2));
        DedupeAudit merge = DedupeAudit.newBuilder().setUri("otherwire:copy").setVersion(1).setAgency("otherwire")
                .setReason("near-duplicate").setSurvivorUri("testwire:ferry").setClusterId("c-1").setReceivedAt(now).setDecidedAt(now)
                .setRaw(new RawRef("item-copy", "otherwire", "wire.raw", 0, 3L)).build();
        Rejection rejection = Rejection.newBuilder().setStage("normalise").setReason("unparseable").setDetail("no headline")
                .setRejectedAt(now).setRaw(new RawRef("item-broken", "testwire", "wire.raw", 0, 4L)).build();
        store.apply(List.of(IncomingRecord.lineage(ItemFate.of(merge), "wire.dedupe-audit", 0, 0),
                IncomingRecord.lineage(ItemFate.of(rejection), "wire.rejected", 0, 0)), now);

        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:ferry")));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:ferry") + "?view=extended"));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("urn:newsml:testwire.example:2026/harbour")));
        check(violations, seen, ARTICLE, get("/v1/articles/urn:newsml:testwire.example:2026/harbour"));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:later")));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:killed")));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:ferry") + "?view=full"));
        check(violations, seen, ARTICLE, get("/v1/articles/" + encode("testwire:ferry"), "X-Padding", "p".repeat(10_000)));
        check(violations, seen, CHANGES, get("/v1/changes"));
        check(violations, seen, CHANGES, get("/v1/changes?since=1&limit=2&view=extended"));
        check(violations, seen, CHANGES, get("/v1/changes?limit=0"));
        check(violations, seen, SEARCH, get("/v1/search?q=ferry&limit=5"));
        check(violations, seen, SEARCH, get("/v1/search"));
        check(violations, seen, ITEM, get("/v1/items/" + encode("raw-testwire:ferry-1")));
        check(violations, seen, ITEM, get("/v1/items/" + encode("raw-testwire:later-1")));
        check(violations, seen, ITEM, get("/v1/items/item-copy"));
        check(violations, seen, ITEM, get("/v1/items/item-broken"));
        check(violations, seen, ITEM, get("/v1/items/no-such-item"));
        for (String path : List.of("/health/live", "/health/ready", "/metrics")) {
            check(violations, seen, HttpRoute.get(path), get(path));
        }

        ServiceHttpServer filesOnly = new ServiceHttpServer("publish-service", ServiceHttpServer.newMetrics("publish-service"),
                PublishService.httpRoutes(new ArticleReadApi(null, Clock.fixed(now, ZoneOffset.UTC)))).start("127.0.0.1", 0);
        try {
            check(violations, seen, SEARCH, get(filesOnly, "/v1/search?q=ferry"));
            check(violations, seen, ITEM, get(filesOnly, "/v1/items/item-copy"));
        } finally {
            filesOnly.close();
        }

        assertThat(violations).isEmpty();
        assertThat(seen).as("statuses seen, so the check above covered them").contains(200, 400, 404, 410, 431, 503);
    }

    /** With a subscribers file: keys, the 401, the 403 of item lineage, a story outside the product, a foreign cursor. */
    @Test
    void everyReplyPerSubscriberKeyIsOneTheDocumentDescribes() throws Exception {
        String sportKey = "sport-desk-key-0123456789";
        String otherKey = "other-desk-key-0123456789";
        String operatorKey = "operator-key-0123456789";
        SubscriberConfig config = new SubscriberConfig(List.of(
                new Subscriber("sport-desk", null, Set.of(SubscriberConfig.keyHash(sportKey)), List.of(new Product("sport",
                        Set.of("testwire"), Set.of("medtop:15000000"), Set.of(), null, null, Set.of(), Set.of(), Set.of())),
                        OutputFormat.OFFICIAL, true, null),
                new Subscriber("other-desk", null, Set.of(SubscriberConfig.keyHash(otherKey)), List.of(new Product("other",
                        Set.of("otherwire"), Set.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of())),
                        OutputFormat.OFFICIAL, true, null)), "test");
        SqliteArticleStore keyed = new SqliteArticleStore(dir.resolve("keyed.sqlite"), KillMode.WITHDRAW);
        keyed.grantReadsTo(() -> config);
        keyed.open();
        keyed.apply(List.of(IncomingRecord.article(io.wirestream.subscriptions.testing.Stories.usable("testwire:sport", 1, "testwire",
                        "medtop:15000000"), "wire.articles", 0, 0),
                IncomingRecord.article(usable("testwire:ferry", 1), "wire.articles", 0, 1)), now);
        ServiceHttpServer perKey = new ServiceHttpServer("publish-service", ServiceHttpServer.newMetrics("publish-service"),
                PublishService.httpRoutes(new ArticleReadApi(keyed, Clock.fixed(now, ZoneOffset.UTC),
                        ReadAccess.perSubscriber(() -> config, List.of(SubscriberConfig.keyHash(operatorKey)))))).start("127.0.0.1", 0);
        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        try {
            String sport = "Bearer " + sportKey;
            check(violations, seen, ARTICLE, get(perKey, "/v1/articles/" + encode("testwire:sport")));
            check(violations, seen, ARTICLE, get(perKey, "/v1/articles/" + encode("testwire:sport"), "Authorization", "Bearer nope"));
            check(violations, seen, ARTICLE, get(perKey, "/v1/articles/" + encode("testwire:sport"), "Authorization", sport));
            check(violations, seen, ARTICLE, get(perKey, "/v1/articles/" + encode("testwire:ferry"), "Authorization", sport));
            HttpResponse<String> page = get(perKey, "/v1/changes?limit=1", "Authorization", sport);
            check(violations, seen, CHANGES, page);
            String cursor = JSON.readTree(page.body()).get("nextCursor").asText();
            check(violations, seen, CHANGES, get(perKey, "/v1/changes?since=" + encode(cursor), "Authorization", sport));
            check(violations, seen, CHANGES, get(perKey, "/v1/changes?since=" + encode(cursor), "Authorization", "Bearer " + otherKey));
            check(violations, seen, CHANGES, get(perKey, "/v1/changes", "Authorization", "Bearer " + operatorKey));
            check(violations, seen, SEARCH, get(perKey, "/v1/search?q=paragraph", "Authorization", sport));
            check(violations, seen, SEARCH, get(perKey, "/v1/search?q=paragraph"));
            check(violations, seen, ITEM, get(perKey, "/v1/items/item-copy", "Authorization", sport));
            check(violations, seen, ITEM, get(perKey, "/v1/items/item-copy", "Authorization", "Bearer " + operatorKey));
        } finally {
            perKey.close();
            keyed.close();
        }
        assertThat(violations).isEmpty();
        assertThat(seen).contains(200, 400, 401, 403, 404);
    }

    static void check(List<String> violations, Set<Integer> seen, HttpRoute route, HttpResponse<String> response) {
        seen.add(response.statusCode());
        violations.addAll(CONTRACT.responseViolations(route, response.statusCode(), type(response), response.body()));
    }
}

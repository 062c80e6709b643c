package io.wirestream.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wirestream.avro.Article;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static io.wirestream.publish.testing.TestArticles.embargoed;
import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static io.wirestream.publish.testing.TestArticles.withText;
import static org.assertj.core.api.Assertions.assertThat;

/** The read API over a real SQLite store, through real HTTP. */
class ArticleReadApiTest {

    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    SqliteArticleStore store;
    Javalin app;
    long offset;

    @BeforeEach
    void start() {
        store = new SqliteArticleStore(dir.resolve("articles.sqlite"), KillMode.WITHDRAW);
        store.open();
        ArticleReadApi api = new ArticleReadApi(store, Clock.fixed(now, ZoneOffset.UTC));
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            api.register(c.routes);
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        store.close();
    }

    void publish(Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(IncomingRecord.article(a, "wire.articles", 0, offset++));
        }
        store.apply(batch, now);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> uris(JsonNode array) {
        List<String> uris = new ArrayList<>();
        array.forEach(element -> uris.add(element.get("uri").asText()));
        return uris;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Issue 14: what became of an item, by its receipt id; a clear 404 for an id publish has not heard of. */
    @Test
    void itemsRouteTellsEachItemsFate() throws Exception {
        publish(usable("testwire:fate", 1), embargoed("testwire:fate-held", 1, now.plus(Duration.ofHours(1))),
                embargoed("testwire:fate-due", 1, now.minus(Duration.ofHours(1))));
        io.wirestream.avro.DedupeAudit merge = io.wirestream.avro.DedupeAudit.newBuilder().setUri("otherwire:copy")
                .setVersion(1).setAgency("otherwire").setReason("exact-duplicate").setSurvivorUri("testwire:fate")
                .setClusterId("c-9").setReceivedAt(now).setDecidedAt(now)
                .setRaw(new io.wirestream.avro.RawRef("item-copy", "otherwire", "wire.raw", 0, 3L)).build();
        store.apply(List.of(IncomingRecord.lineage(io.wirestream.publish.store.ItemFate.of(merge), "wire.dedupe-audit", 0, 0)), now);

        JsonNode published = json.readTree(get("/v1/items/" + URLEncoder.encode("raw-testwire:fate-1", StandardCharsets.UTF_8)).body());
        assertThat(published.get("fate").asText()).isEqualTo("published");
        assertThat(published.get("storyUri").asText()).isEqualTo("testwire:fate");
        assertThat(published.get("version").asLong()).isEqualTo(1);
        JsonNode held = json.readTree(get("/v1/items/raw-testwire:fate-held-1").body());
        assertThat(held.get("fate").asText()).isEqualTo("held");
        assertThat(held.get("embargoedUntil").asText()).isEqualTo(now.plus(Duration.ofHours(1)).toString());
        assertThat(held.has("storyUri")).as("a held story's id is not given out").isFalse();
        assertThat(json.readTree(get("/v1/items/raw-testwire:fate-due-1").body()).get("fate").asText()).isEqualTo("published");
        JsonNode merged = json.readTree(get("/v1/items/item-copy").body());
        assertThat(merged.get("fate").asText()).isEqualTo("merged");
        assertThat(merged.get("mergedInto").get("storyUri").asText()).isEqualTo("testwire:fate");
        assertThat(merged.get("reason").asText()).isEqualTo("exact-duplicate");

        HttpResponse<String> unknown = get("/v1/items/no-such-item");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("reason").asText()).contains("no-such-item", "in flight");
    }

    @Test
    void getsAnArticleAsOfficialNinjsByItsEncodedUri() throws Exception {
        publish(usable("urn:newsml:testwire.example:2026/ferry", 2));

        HttpResponse<String> response = get("/v1/articles/" + encode("urn:newsml:testwire.example:2026/ferry"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.get("uri").asText()).isEqualTo("urn:newsml:testwire.example:2026/ferry");
        assertThat(doc.get("version").asText()).isEqualTo("2");
        assertThat(doc.has("wirestream")).isFalse();

        JsonNode extended = json.readTree(get("/v1/articles/" + encode("urn:newsml:testwire.example:2026/ferry") + "?view=extended").body());
        assertThat(extended.get("wirestream").get("agency").asText()).isEqualTo("testwire");
    }

    @Test
    void unknownAndEmbargoedStoriesAreIndistinguishable404s() throws Exception {
        publish(embargoed("testwire:results", 1, now.plus(Duration.ofHours(1))));

        HttpResponse<String> unknown = get("/v1/articles/testwire:nothing");
        HttpResponse<String> early = get("/v1/articles/testwire:results");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json.readTree(early.body()).get("error").asText()).isEqualTo("not_found");
        assertThat(early.body()).doesNotContain("embargo");
    }

    @Test
    void withdrawnStoryAnswers410WithTheMarker() throws Exception {
        publish(usable("testwire:fire", 1), kill("testwire:fire", 2));

        HttpResponse<String> response = get("/v1/articles/testwire:fire");

        assertThat(response.statusCode()).isEqualTo(410);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("withdrawn");
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("article").get("pubstatus").asText()).isEqualTo("canceled");
    }

    @Test
    void changeFeedPagesWithCursors() throws Exception {
        publish(usable("testwire:a", 1), usable("testwire:b", 1), usable("testwire:c", 1));
        publish(kill("testwire:a", 2));

        JsonNode first = json.readTree(get("/v1/changes?since=0&limit=2").body());
        JsonNode second = json.readTree(get("/v1/changes?since=" + first.get("nextCursor").asText() + "&limit=2").body());
        JsonNode none = json.readTree(get("/v1/changes?since=" + second.get("nextCursor").asText()).body());

        assertThat(uris(first.get("changes"))).containsExactly("testwire:b", "testwire:c");
        assertThat(uris(second.get("changes"))).containsExactly("testwire:a");
        assertThat(second.get("changes").get(0).get("status").asText()).isEqualTo("withdrawn");
        assertThat(none.get("changes")).isEmpty();
        assertThat(none.get("nextCursor").asText()).isEqualTo(second.get("nextCursor").asText());
    }

    @Test
    void searchReturnsMatchingStories() throws Exception {
        publish(withText("testwire:eel", 1, "Glass eels return to the river", "Record numbers."),
                withText("testwire:rail", 1, "Rail strike called off", "Talks succeeded."));

        JsonNode body = json.readTree(get("/v1/search?q=" + encode("rail strike")).body());

        assertThat(uris(body.get("results"))).containsExactly("testwire:rail");
    }

    @Test
    void badRequestsGetA400WithAReason() throws Exception {
        for (String path : List.of("/v1/changes?since=-1", "/v1/changes?since=abc", "/v1/changes?limit=0",
                "/v1/changes?limit=100000", "/v1/search", "/v1/search?q=%20", "/v1/search?q=x&limit=x",
                "/v1/search?q=" + "a".repeat(501), "/v1/articles/testwire:a?view=xml")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("error").asText()).as(path).isEqualTo("bad_request");
            assertThat(body.get("reason").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void isReadOnly() throws Exception {
        publish(usable("testwire:a", 1));
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/v1/articles/testwire:a"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isBetween(400, 499);
        }
        assertThat(store.get("testwire:a", now)).isPresent();
    }

    @Test
    void answers503WhenTheStoreIsDown() throws Exception {
        store.close();
        // a closed SQLite store reopens lazily; make the file unreachable instead by pointing at a directory
        SqliteArticleStore broken = new SqliteArticleStore(dir, KillMode.WITHDRAW);
        ArticleReadApi api = new ArticleReadApi(broken, Clock.fixed(now, ZoneOffset.UTC));
        Javalin other = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            api.register(c.routes);
        });
        other.start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/v1/search?q=ferry")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json.readTree(response.body()).get("error").asText()).isEqualTo("store_unavailable");
        } finally {
            other.stop();
        }
    }
}

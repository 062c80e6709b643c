package io.wirestream.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wirestream.avro.Article;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.subscriptions.LiveSubscribers;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.testing.Stories;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API per subscriber key (issue 21), over a real SQLite store, a real subscribers file re-read as the
 * service does, and real HTTP.
 */
class PerSubscriberReadApiTest {

    static final String SPORT_KEY = "alpha-sport-read-key-0123456789";
    static final String ECONOMY_KEY = "economy-desk-read-key-0123456789";
    static final String OPERATOR_KEY = "operator-read-key-0123456789";

    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    Path file;
    LiveSubscribers subscribers;
    SqliteArticleStore store;
    Javalin app;
    long offset;

    /** Two sites; the economy desk also has a webhook whose secret variable is not set here (publish never signs). */
    static String file(String alphaProduct) {
        return """
                subscribers:
                  - id: alpha-sport
                    credentials: {apiKeys: [%s]}
                    products:
                      - %s
                    channels: {topic: true}
                  - id: economy-desk
                    credentials: {apiKeys: [%s]}
                    products:
                      - {name: economy, agencies: ["*"], mediaTopics: [medtop:04000000]}
                    channels:
                      webhook: {url: "https://economy.example/hook", secret: {env: ECONOMY_HOOK_SECRET_NOT_SET_HERE}}
                """.formatted(SubscriberConfig.keyHash(SPORT_KEY), alphaProduct, SubscriberConfig.keyHash(ECONOMY_KEY));
    }

    static final String ALPHA_SPORT = "{name: sport, agencies: [alpha], mediaTopics: [medtop:15000000]}";
    static final String ALPHA_POLITICS = "{name: politics, agencies: [alpha], mediaTopics: [medtop:11000000]}";

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("subscribers.yaml");
        Files.writeString(file, file(ALPHA_SPORT));
        subscribers = LiveSubscribers.withoutWebhookSecrets(file, Clock.systemUTC());
        store = new SqliteArticleStore(dir.resolve("articles.sqlite"), KillMode.WITHDRAW);
        store.grantReadsTo(subscribers);
        store.open();
        ArticleReadApi api = new ArticleReadApi(store, Clock.fixed(now, ZoneOffset.UTC),
                ReadAccess.perSubscriber(subscribers, List.of(SubscriberConfig.keyHash(OPERATOR_KEY))));
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

    HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    static List<String> uris(JsonNode array) {
        List<String> uris = new ArrayList<>();
        array.forEach(element -> uris.add(element.get("uri").asText()));
        return uris;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aMissingOrWrongKeyGets401WithAReasonAndABearerChallenge() throws Exception {
        publish(Stories.usable("s:1", 1, "alpha", Stories.SPORT));
        for (String route : List.of("/v1/articles/s:1", "/v1/changes", "/v1/search?q=paragraph", "/v1/items/raw-s:1-1")) {
            HttpResponse<String> missing = get(route, null);
            assertThat(missing.statusCode()).as(route).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(body(missing).get("error").asText()).isEqualTo("unauthorized");
            assertThat(body(missing).get("reason").asText()).contains("Authorization: Bearer");

            HttpResponse<String> wrong = get(route, "not-a-key-anyone-has");
            assertThat(wrong.statusCode()).as(route).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(body(wrong).get("reason").asText()).contains("not valid");
            assertThat(wrong.body()).doesNotContain("s:1").doesNotContain("Story");
        }
        // the key's hash, as the file holds it, is not a key
        assertThat(get("/v1/changes", SubscriberConfig.keyHash(SPORT_KEY)).statusCode()).isEqualTo(401);
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/changes"))
                .header("Authorization", "Basic " + SPORT_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void aStoryOutsideTheProductIsA404LikeAMissingOneAndAbsentFromChangesAndSearch() throws Exception {
        publish(Stories.usable("s:sport", 1, "alpha", Stories.SPORT), Stories.usable("s:economy", 1, "alpha", Stories.ECONOMY),
                Stories.usable("s:beta-sport", 1, "beta", Stories.SPORT));

        assertThat(get("/v1/articles/s:sport", SPORT_KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> outside = get("/v1/articles/s:beta-sport", SPORT_KEY);
        HttpResponse<String> missing = get("/v1/articles/s:nothing", SPORT_KEY);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.body().replace("s:beta-sport", "URI")).isEqualTo(missing.body().replace("s:nothing", "URI"));
        assertThat(outside.headers().firstValue("X-Wirestream-Version")).isEmpty();

        assertThat(uris(body(get("/v1/changes", SPORT_KEY)).get("changes"))).containsExactly("s:sport");
        assertThat(uris(body(get("/v1/changes", ECONOMY_KEY)).get("changes"))).containsExactly("s:economy");
        assertThat(uris(body(get("/v1/search?q=paragraph", SPORT_KEY)).get("results"))).containsExactly("s:sport");
        assertThat(uris(body(get("/v1/search?q=paragraph", ECONOMY_KEY)).get("results"))).containsExactly("s:economy");
        assertThat(uris(body(get("/v1/changes", OPERATOR_KEY)).get("changes")))
                .containsExactlyInAnyOrder("s:sport", "s:economy", "s:beta-sport");
        assertThat(get("/v1/articles/s:beta-sport", OPERATOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aKillAfterTheProductChangedStillReachesTheSubscriberWhoSawTheStory() throws Exception {
        publish(Stories.usable("s:match", 1, "alpha", Stories.SPORT));
        assertThat(get("/v1/articles/s:match", SPORT_KEY).statusCode()).isEqualTo(200);

        Files.writeString(file, file(ALPHA_POLITICS));
        subscribers.check();
        subscribers.check(); // a change is judged once two checks read the same
        assertThat(subscribers.problem()).isNull();
        store.refreshReadGrants(now);
        publish(Stories.kill("s:match", 2, "alpha"), Stories.usable("s:new-sport", 1, "alpha", Stories.SPORT));

        HttpResponse<String> killed = get("/v1/articles/s:match", SPORT_KEY);
        assertThat(killed.statusCode()).isEqualTo(410);
        assertThat(body(killed).get("article").get("pubstatus").asText()).isEqualTo("canceled");
        JsonNode changes = body(get("/v1/changes", SPORT_KEY)).get("changes");
        assertThat(uris(changes)).containsExactly("s:match");
        assertThat(changes.get(0).get("status").asText()).isEqualTo("withdrawn");
        assertThat(get("/v1/articles/s:new-sport", SPORT_KEY).statusCode()).as("sport is no longer its product").isEqualTo(404);
        assertThat(get("/v1/articles/s:match", ECONOMY_KEY).statusCode()).as("never saw it").isEqualTo(404);
    }

    @Test
    void aCursorIsTheKeysOwnAndAnotherKeysIsRefused() throws Exception {
        publish(Stories.usable("s:sport", 1, "alpha", Stories.SPORT), Stories.usable("s:economy", 1, "alpha", Stories.ECONOMY));
        JsonNode page = body(get("/v1/changes?limit=1", SPORT_KEY));
        String cursor = page.get("nextCursor").asText();
        assertThat(cursor).startsWith("alpha-sport.");
        assertThat(page.get("changes").get(0).get("cursor").asText()).isEqualTo(cursor);
        assertThat(body(get("/v1/changes?since=" + encode(cursor), SPORT_KEY)).get("changes")).isEmpty();

        HttpResponse<String> other = get("/v1/changes?since=" + encode(cursor), ECONOMY_KEY);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(body(other).get("error").asText()).isEqualTo("bad_request");
        assertThat(body(other).get("reason").asText()).contains("issued to another key");
        HttpResponse<String> plain = get("/v1/changes?since=" + cursor.substring(cursor.indexOf('.') + 1), ECONOMY_KEY);
        assertThat(plain.statusCode()).as("an operator's plain cursor is not a subscriber's").isEqualTo(400);
        assertThat(get("/v1/changes?since=" + encode(cursor), OPERATOR_KEY).statusCode()).isEqualTo(400);
        assertThat(get("/v1/changes?since=0", ECONOMY_KEY).statusCode()).isEqualTo(200);
        assertThat(body(get("/v1/changes?since=1", OPERATOR_KEY)).get("nextCursor").asText()).matches("[0-9]+");
    }

    @Test
    void itemLineageIsForOperators() throws Exception {
        publish(Stories.usable("s:sport", 1, "alpha", Stories.SPORT));
        HttpResponse<String> subscriber = get("/v1/items/raw-s:sport-1", SPORT_KEY);
        assertThat(subscriber.statusCode()).isEqualTo(403);
        assertThat(body(subscriber).get("reason").asText()).contains("operator");
        assertThat(get("/v1/items/raw-s:sport-1", OPERATOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyAddedToTheFileWorksWithoutARestartAndSeesWhatItsProductsAdmitNow() throws Exception {
        publish(Stories.usable("s:beta-sport", 1, "beta", Stories.SPORT));
        String newKey = "beta-sport-read-key-0123456789";
        assertThat(get("/v1/changes", newKey).statusCode()).isEqualTo(401);
        Files.writeString(file, file(ALPHA_SPORT) + """
                  - id: beta-sport
                    credentials: {apiKeys: [%s]}
                    products:
                      - {name: sport, agencies: [beta], mediaTopics: [medtop:15000000]}
                    channels: {topic: true}
                """.formatted(SubscriberConfig.keyHash(newKey)));
        subscribers.check();
        subscribers.check(); // a change is judged once two checks read the same
        assertThat(subscribers.problem()).isNull();
        store.refreshReadGrants(now);

        assertThat(uris(body(get("/v1/changes", newKey)).get("changes"))).containsExactly("s:beta-sport");
        assertThat(get("/v1/articles/s:beta-sport", newKey).statusCode()).isEqualTo(200);
    }

    @Test
    void extendedLinksNeverNameAStoryTheKeyMayNotRead() throws Exception {
        publish(Stories.usable("s:beta-sport", 1, "beta", Stories.SPORT));
        Article linking = Stories.story("s:alpha", 1, "alpha", Stories.SPORT)
                .setRelated(List.of(io.wirestream.avro.RelatedLink.newBuilder().setUri("s:beta-sport").setScore(0.9)
                        .setReason("same-event").setOrigin("test").build())).build();
        publish(linking);
        JsonNode forSubscriber = body(get("/v1/articles/s:alpha?view=extended", SPORT_KEY));
        assertThat(forSubscriber.get("wirestream").get("related")).isEmpty();
        JsonNode forOperator = body(get("/v1/articles/s:alpha?view=extended", OPERATOR_KEY));
        assertThat(uris(forOperator.get("wirestream").get("related"))).containsExactly("s:beta-sport");
    }
}

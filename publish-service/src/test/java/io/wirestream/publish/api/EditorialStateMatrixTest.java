package io.wirestream.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.TestArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: for each editorial state (usable, embargoed with a future and a past time, withheld, killed, corrected),
 * what each SQL store shows through the read API: the article route, the change feed, search, and the related links
 * and duplicate cluster of another story in {@code ?view=extended}.
 */
class EditorialStateMatrixTest {

    static final String USABLE = "testwire:m:usable";
    static final String EMBARGO_FUTURE = "testwire:m:embargo-future";
    static final String EMBARGO_PAST = "testwire:m:embargo-past";
    static final String WITHHELD = "testwire:m:withheld";
    static final String KILLED = "testwire:m:killed";
    static final String CORRECTED = "testwire:m:corrected";
    static final String LINKER = "testwire:m:linker";
    static final List<String> STATES = List.of(USABLE, EMBARGO_FUTURE, EMBARGO_PAST, WITHHELD, KILLED, CORRECTED);

    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    ArticleStore store;
    PostgresTestSchema schema;
    Javalin app;
    long offset;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        store.close();
        if (schema != null) {
            schema.drop();
        }
    }

    void open(String kind) {
        if (kind.equals("sqlite")) {
            store = new SqliteArticleStore(dir.resolve("articles.sqlite"), KillMode.WITHDRAW);
        } else {
            schema = PostgresTestSchema.create();
            store = new PostgresArticleStore(schema.settings(), KillMode.WITHDRAW);
        }
        store.open();
        ArticleReadApi api = new ArticleReadApi(store, Clock.fixed(now, ZoneOffset.UTC));
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            api.register(c.routes);
        });
        app.start("127.0.0.1", 0);
    }

    static Article story(String uri, long version, String word) {
        return TestArticles.withText(uri, version, "Lighthouse keeper " + word + " retires", "The lighthouse keeper " + word + " retires.");
    }

    void publish(Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(IncomingRecord.article(a, "wire.articles", 0, offset++));
        }
        store.apply(batch, now);
    }

    void publishTheMatrix() {
        publish(story(USABLE, 1, "alpha"));
        publish(Article.newBuilder(story(EMBARGO_FUTURE, 1, "bravo")).setEmbargoed(now.plus(Duration.ofHours(2))).build());
        publish(Article.newBuilder(story(EMBARGO_PAST, 1, "charlie")).setEmbargoed(now.minus(Duration.ofHours(2))).build());
        publish(Article.newBuilder(story(WITHHELD, 1, "delta")).setPubstatus(PubStatus.withheld).build());
        publish(story(KILLED, 1, "echo"));
        publish(TestArticles.kill(KILLED, 2));
        publish(story(CORRECTED, 1, "foxtrot"));
        publish(story(CORRECTED, 2, "golf"));
        List<RelatedLink> links = new ArrayList<>();
        STATES.forEach(uri -> links.add(new RelatedLink(uri, "headline of " + uri, 0.5, "shared entities", "computed")));
        publish(Article.newBuilder(story(LINKER, 1, "hotel")).setRelated(links)
                .setDuplicates(new DuplicateCluster("cluster-m", WITHHELD, "testwire", now.minusSeconds(60), List.of(), STATES))
                .build());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int articleStatus(String uri) throws Exception {
        return get("/v1/articles/" + URLEncoder.encode(uri, StandardCharsets.UTF_8)).statusCode();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(field == null ? e.asText() : e.get(field).asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void eachEditorialStateShowsOnlyWhatReadersMaySee(String kind) throws Exception {
        open(kind);
        publishTheMatrix();

        assertThat(articleStatus(USABLE)).isEqualTo(200);
        assertThat(articleStatus(EMBARGO_FUTURE)).isEqualTo(404);
        assertThat(articleStatus(EMBARGO_PAST)).isEqualTo(200);
        assertThat(articleStatus(WITHHELD)).isEqualTo(404);
        assertThat(articleStatus(KILLED)).isEqualTo(410);
        HttpResponse<String> corrected = get("/v1/articles/" + URLEncoder.encode(CORRECTED, StandardCharsets.UTF_8));
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.headers().firstValue("X-Wirestream-Version")).contains("2");
        assertThat(corrected.body()).contains("golf").doesNotContain("foxtrot");

        JsonNode changes = json.readTree(get("/v1/changes?since=0&limit=1000").body()).get("changes");
        assertThat(texts(changes, "uri")).as("the change feed lists no withheld or embargoed id")
                .containsExactlyInAnyOrder(USABLE, EMBARGO_PAST, KILLED, CORRECTED, LINKER);

        JsonNode hits = json.readTree(get("/v1/search?q=lighthouse&limit=100").body()).get("results");
        assertThat(texts(hits, "uri")).containsExactlyInAnyOrder(USABLE, EMBARGO_PAST, CORRECTED, LINKER);
        for (String word : List.of("bravo", "delta", "echo", "foxtrot")) {
            assertThat(json.readTree(get("/v1/search?q=" + word).body()).get("results")).as(word).isEmpty();
        }

        JsonNode pipeline = json.readTree(get("/v1/articles/" + URLEncoder.encode(LINKER, StandardCharsets.UTF_8)
                + "?view=extended").body()).get("wirestream");
        assertThat(texts(pipeline.get("related"), "uri")).as("related links")
                .containsExactlyInAnyOrder(USABLE, EMBARGO_PAST, CORRECTED);
        assertThat(pipeline.get("related").toString()).doesNotContain(EMBARGO_FUTURE, WITHHELD, KILLED);
        assertThat(texts(pipeline.get("duplicates").get("memberUris"), null)).as("cluster members")
                .containsExactlyInAnyOrder(USABLE, EMBARGO_PAST, CORRECTED);
        assertThat(pipeline.get("duplicates").has("firstUri")).isFalse();

        JsonNode feedLinker = null;
        for (JsonNode change : json.readTree(get("/v1/changes?since=0&limit=1000&view=extended").body()).get("changes")) {
            if (change.get("uri").asText().equals(LINKER)) {
                feedLinker = change.get("article").get("wirestream");
            }
        }
        assertThat(feedLinker).isNotNull();
        assertThat(texts(feedLinker.get("related"), "uri")).containsExactlyInAnyOrder(USABLE, EMBARGO_PAST, CORRECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void anEmbargoedStoryAppearsInLinksOnceItsTimeHasCome(String kind) throws Exception {
        open(kind);
        publishTheMatrix();
        app.stop();
        ArticleReadApi api = new ArticleReadApi(store, Clock.fixed(now.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            api.register(c.routes);
        });
        app.start("127.0.0.1", 0);

        JsonNode pipeline = json.readTree(get("/v1/articles/" + URLEncoder.encode(LINKER, StandardCharsets.UTF_8)
                + "?view=extended").body()).get("wirestream");
        assertThat(texts(pipeline.get("related"), "uri")).containsExactlyInAnyOrder(USABLE, EMBARGO_FUTURE, EMBARGO_PAST, CORRECTED);
    }
}

package io.wirestream.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.wirestream.avro.Article;
import io.wirestream.contracts.ArticleStates;
import io.wirestream.avro.PubStatus;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.subscriptions.EditorialState;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.testing.Stories;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random products and random published stories (versions, corrections, withheld notices, kills, in random
 * batches): what each subscriber's key reads through the read API (each article, and its change feed) is exactly
 * the entitlement rule applied to what was published, computed here without the store.
 */
class PerSubscriberReadProperties {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final List<String> AGENCIES = List.of("alpha", "beta", "gamma");
    static final List<String> TOPICS = List.of(Stories.SPORT, Stories.ECONOMY, Stories.POLITICS);
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    /** One published version: which story, what it is. */
    record Step(int story, String agency, String topic, String kind, int batchBreak) {
    }

    @Property(tries = 30)
    void whatAKeyReadsIsTheEntitlementRuleAppliedToWhatWasPublished(@ForAll("products") @Size(min = 1, max = 3) List<Product> productsA,
                                                                   @ForAll("products") @Size(min = 1, max = 3) List<Product> productsB,
                                                                   @ForAll("steps") @Size(max = 25) List<Step> steps) throws Exception {
        List<Subscriber> subscribers = List.of(subscriber("a", productsA), subscriber("b", productsB));
        SubscriberConfig config = new SubscriberConfig(subscribers, "property");
        Path dir = Files.createTempDirectory("per-subscriber-property");
        SqliteArticleStore store = new SqliteArticleStore(dir.resolve("articles.sqlite"), KillMode.WITHDRAW);
        store.grantReadsTo(() -> config);
        store.open();
        ArticleReadApi api = new ArticleReadApi(store, Clock.fixed(NOW, ZoneOffset.UTC), ReadAccess.perSubscriber(() -> config, List.of()));
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            api.register(c.routes);
        });
        app.start("127.0.0.1", 0);
        try {
            // publish, and compute the model: per story its versions in order; no version after a kill
            Map<String, List<Article>> published = new LinkedHashMap<>();
            Map<String, Integer> versions = new HashMap<>();
            Set<String> killed = new HashSet<>();
            List<IncomingRecord> batch = new ArrayList<>();
            long offset = 0;
            for (Step step : steps) {
                String uri = "prop:" + step.story();
                if (killed.contains(uri)) {
                    continue;
                }
                int version = versions.merge(uri, 1, Integer::sum);
                Article a = switch (step.kind()) {
                    case "kill" -> Stories.kill(uri, version, step.agency());
                    case "withheld" -> Stories.withheld(uri, version, step.agency());
                    case "correction" -> Stories.correctionWithoutTopics(uri, version, step.agency());
                    default -> Stories.usable(uri, version, step.agency(), step.topic());
                };
                if (ArticleStates.isKill(a)) {
                    killed.add(uri);
                }
                published.computeIfAbsent(uri, u -> new ArrayList<>()).add(a);
                batch.add(IncomingRecord.article(a, "wire.articles", 0, offset++));
                if (step.batchBreak() == 0) {
                    store.apply(batch, NOW);
                    batch = new ArrayList<>();
                }
            }
            store.apply(batch, NOW);

            for (Subscriber s : subscribers) {
                Set<String> entitled = new TreeSet<>();
                published.forEach((uri, history) -> {
                    if (history.stream().anyMatch(v -> EditorialState.of(v).isDeliverableFirst()
                            && s.products().stream().anyMatch(p -> p.matches(v)))) {
                        entitled.add(uri);
                    }
                });
                Set<String> listed = new TreeSet<>();
                for (String uri : published.keySet()) {
                    Article current = published.get(uri).get(published.get(uri).size() - 1);
                    boolean withheld = current.getPubstatus() == PubStatus.withheld;
                    int expected = !entitled.contains(uri) || withheld ? 404 : ArticleStates.isKill(current) ? 410 : 200;
                    HttpResponse<String> response = get(app, "/v1/articles/" + URLEncoder.encode(uri, StandardCharsets.UTF_8), s.id());
                    assertThat(response.statusCode()).as(s.id() + " reading " + uri + " after " + published.get(uri)).isEqualTo(expected);
                    if (entitled.contains(uri) && !withheld) {
                        listed.add(uri);
                    }
                }
                assertThat(feed(app, s.id())).as("the change feed of " + s.id()).isEqualTo(listed);
            }
        } finally {
            app.stop();
            store.close();
        }
    }

    Set<String> feed(Javalin app, String subscriber) throws Exception {
        Set<String> uris = new TreeSet<>();
        String cursor = "0";
        for (int page = 0; page < 100; page++) {
            JsonNode body = json.readTree(get(app, "/v1/changes?limit=3&since=" + cursor, subscriber).body());
            body.get("changes").forEach(c -> uris.add(c.get("uri").asText()));
            if (body.get("nextCursor").asText().equals(cursor)) {
                return uris;
            }
            cursor = body.get("nextCursor").asText();
        }
        throw new AssertionError("the feed did not end");
    }

    HttpResponse<String> get(Javalin app, String path, String subscriber) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + subscriber + "-key").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static Subscriber subscriber(String id, List<Product> products) {
        List<Product> named = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            named.add(new Product("p" + i, p.agencies(), p.mediaTopics(), p.languages(), p.urgencyMin(), p.urgencyMax(),
                    p.places(), p.keywords(), p.editorialStates()));
        }
        return new Subscriber(id, id, Set.of(SubscriberConfig.keyHash(id + "-key")), named, OutputFormat.OFFICIAL, true, null);
    }

    @Provide
    Arbitrary<List<Product>> products() {
        Arbitrary<Set<String>> agencies = Arbitraries.of(Set.of("*"), Set.of("alpha"), Set.of("beta"), Set.of("alpha", "gamma"));
        Arbitrary<Set<String>> topics = Arbitraries.of(Set.of(), Set.of(Stories.SPORT), Set.of(Stories.ECONOMY, Stories.POLITICS));
        Arbitrary<Set<EditorialState>> states = Arbitraries.of(Set.of(), Set.of(EditorialState.USABLE), Set.of(EditorialState.CORRECTION));
        Arbitrary<Set<String>> keywords = Arbitraries.of(Set.of(), Set.of(), Set.of("harbour"));
        return Combinators.combine(agencies, topics, states, keywords)
                .as((a, t, s, k) -> new Product("p", a, t, Set.of(), null, null, Set.of(), k, s))
                .list();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(AGENCIES), Arbitraries.of(TOPICS),
                        Arbitraries.of("usable", "usable", "usable", "correction", "withheld", "kill"),
                        Arbitraries.integers().between(0, 3))
                .as(Step::new).list();
    }
}

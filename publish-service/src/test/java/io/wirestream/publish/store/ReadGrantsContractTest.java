package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.jdbc.JdbcArticleStore;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read what through the per-subscriber read API, as each SQL store records it ({@code read_grants}); every
 * database runs it against a real instance.
 */
abstract class ReadGrantsContractTest {

    static final String TOPIC = "wire.articles";
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final AtomicReference<SubscriberConfig> subscribers = new AtomicReference<>();
    private final List<ArticleStore> opened = new ArrayList<>();
    private long nextOffset;
    private int configVersion;

    /** A fresh, empty, opened store. */
    abstract JdbcArticleStore newStore();

    JdbcArticleStore store(Subscriber... in) {
        configure(in);
        JdbcArticleStore store = newStore();
        store.grantReadsTo(subscribers::get);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ArticleStore::close);
    }

    void configure(Subscriber... in) {
        subscribers.set(new SubscriberConfig(List.of(in), "config-" + (++configVersion)));
    }

    static Product sportOf(String agency) {
        return new Product("sport", Set.of(agency), Set.of(Stories.SPORT), Set.of(), null, null, Set.of(), Set.of(), Set.of());
    }

    static Product economyOf(String agency) {
        return new Product("economy", Set.of(agency), Set.of(Stories.ECONOMY), Set.of(), null, null, Set.of(), Set.of(), Set.of());
    }

    static Product everythingOf(String agency) {
        return new Product("all", Set.of(agency), Set.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of());
    }

    static Subscriber subscriber(String id, Product... products) {
        return new Subscriber(id, id, Set.of(SubscriberConfig.keyHash(id + "-key")), List.of(products), OutputFormat.OFFICIAL, true, null);
    }

    void apply(ArticleStore store, Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(IncomingRecord.article(a, TOPIC, 0, nextOffset++));
        }
        store.apply(batch, now);
    }

    /** Every change the subscriber's feed lists, read page by page from the start. */
    static List<ArticleChange> feed(ArticleStore store, String subscriber, Instant now, int limit, int scan) {
        List<ArticleChange> all = new ArrayList<>();
        long cursor = 0;
        for (int page = 0; page < 1000; page++) {
            ChangePage p = store.changesSince(cursor, limit, now, ReadScope.subscriber(subscriber), scan);
            all.addAll(p.changes());
            if (p.nextCursor() == cursor) {
                return all;
            }
            assertThat(p.nextCursor()).isGreaterThan(cursor);
            cursor = p.nextCursor();
        }
        throw new AssertionError("the feed did not end");
    }

    static List<String> uris(List<ArticleChange> changes) {
        return changes.stream().map(ArticleChange::uri).toList();
    }

    @Test
    void eachSubscriberReadsOnlyTheStoriesItsProductsAdmit() {
        JdbcArticleStore store = store(subscriber("alpha-sport", sportOf("alpha")), subscriber("beta-all", everythingOf("beta")));
        apply(store, Stories.usable("s:alpha-sport", 1, "alpha", Stories.SPORT),
                Stories.usable("s:alpha-economy", 1, "alpha", Stories.ECONOMY),
                Stories.usable("s:beta-sport", 1, "beta", Stories.SPORT));

        assertThat(store.readableBy("s:alpha-sport", "alpha-sport")).isTrue();
        assertThat(store.readableBy("s:alpha-economy", "alpha-sport")).isFalse();
        assertThat(store.readableBy("s:beta-sport", "alpha-sport")).isFalse();
        assertThat(store.readableBy("s:beta-sport", "beta-all")).isTrue();
        assertThat(uris(feed(store, "alpha-sport", now, 100, 100))).containsExactly("s:alpha-sport");
        assertThat(uris(feed(store, "beta-all", now, 100, 100))).containsExactly("s:beta-sport");
        assertThat(uris(feed(store, "nobody", now, 100, 100))).isEmpty();
        assertThat(store.search("paragraph", 10, now, ReadScope.subscriber("alpha-sport"))).extracting(SearchHit::uri)
                .containsExactly("s:alpha-sport");
        assertThat(store.search("paragraph", 10, now, ReadScope.everything())).hasSize(3);
        assertThat(store.hiddenAmong(List.of("s:alpha-sport", "s:beta-sport", "s:unknown"), now, ReadScope.subscriber("alpha-sport")))
                .containsExactly("s:beta-sport");
    }

    @Test
    void aKillAfterAProductChangeStillReachesTheSubscriberWhoCouldReadTheStoryAndNoOneElse() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        apply(store, Stories.usable("s:1", 1, "alpha", Stories.SPORT));
        // the file changes: a no longer takes sport, b now does
        configure(subscriber("a", economyOf("alpha")), subscriber("b", sportOf("alpha")));
        store.refreshReadGrants(now);
        apply(store, Stories.kill("s:1", 2, "alpha"));

        assertThat(store.readableBy("s:1", "a")).as("a could read the story, so it sees its kill").isTrue();
        List<ArticleChange> aFeed = feed(store, "a", now, 100, 100);
        assertThat(aFeed).hasSize(1);
        assertThat(aFeed.get(0).status()).isEqualTo(StoryStatus.WITHDRAWN);
        assertThat(aFeed.get(0).version()).isEqualTo(2);
        // b was granted the usable version the file change admitted, so the kill reaches b too
        assertThat(store.readableBy("s:1", "b")).isTrue();
    }

    @Test
    void aKillNeverStartsReadingAndACorrectionThatNoLongerMatchesStaysReadable() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        apply(store, Stories.kill("s:killed-first", 1, "alpha"));
        apply(store, Stories.usable("s:2", 1, "alpha", Stories.SPORT));
        apply(store, Stories.correctionWithoutTopics("s:2", 2, "alpha"));
        // a new subscriber whose product would admit the kill's agency: the stored kill starts nothing
        configure(subscriber("a", sportOf("alpha")), subscriber("c", everythingOf("alpha")));
        store.refreshReadGrants(now);

        assertThat(store.readableBy("s:killed-first", "a")).isFalse();
        assertThat(store.readableBy("s:killed-first", "c")).isFalse();
        assertThat(store.readableBy("s:2", "a")).isTrue();
        assertThat(store.get("s:2", now).orElseThrow().version()).isEqualTo(2);
        assertThat(store.readableBy("s:2", "c")).as("the stored correction is admitted by c's product").isTrue();
    }

    @Test
    void aVersionAdmittedAndKilledInTheSameBatchStillReachesItsReader() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        apply(store, Stories.usable("s:1", 1, "alpha", Stories.SPORT), Stories.kill("s:1", 2, "alpha"));

        assertThat(store.readableBy("s:1", "a")).isTrue();
        assertThat(feed(store, "a", now, 100, 100)).extracting(ArticleChange::status).containsExactly(StoryStatus.WITHDRAWN);
    }

    @Test
    void aNewSubscriberOrAWiderProductReadsTheStoriesItsProductsAdmitNowAndTheFeedListsThem() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        apply(store, Stories.usable("s:sport", 1, "alpha", Stories.SPORT), Stories.usable("s:economy", 1, "alpha", Stories.ECONOMY));
        ChangePage first = store.changesSince(0, 100, now, ReadScope.subscriber("a"), 100);
        assertThat(uris(first.changes())).containsExactly("s:sport");

        configure(subscriber("a", sportOf("alpha"), economyOf("alpha")), subscriber("n", economyOf("alpha")));
        assertThat(store.refreshReadGrants(now)).isEqualTo(2);
        assertThat(store.refreshReadGrants(now)).as("the same file again changes nothing").isZero();

        assertThat(uris(feed(store, "n", now, 100, 100))).containsExactly("s:economy");
        // a's cursor had passed s:economy: it is listed again after it, so a's feed does not miss it
        ChangePage after = store.changesSince(first.nextCursor(), 100, now, ReadScope.subscriber("a"), 100);
        assertThat(uris(after.changes())).containsExactly("s:economy");
        assertThat(store.search("paragraph", 10, now, ReadScope.subscriber("n"))).extracting(SearchHit::uri).containsExactly("s:economy");
    }

    @Test
    void aSubscriberRemovedFromTheFileAndAddedBackIsLookedAtAgain() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        apply(store, Stories.usable("s:economy", 1, "alpha", Stories.ECONOMY));
        configure();
        store.refreshReadGrants(now);
        configure(subscriber("a", economyOf("alpha")));
        store.refreshReadGrants(now);
        assertThat(store.readableBy("s:economy", "a")).isTrue();
    }

    @Test
    void pagingWalksPastALongRunOfOtherCopyWithABoundedScanPerRequest() {
        JdbcArticleStore store = store(subscriber("a", sportOf("alpha")));
        List<Article> batch = new ArrayList<>();
        batch.add(Stories.usable("s:first", 1, "alpha", Stories.SPORT));
        for (int i = 0; i < 45; i++) {
            batch.add(Stories.usable("s:other-" + i, 1, "beta", Stories.SPORT));
        }
        batch.add(Stories.usable("s:last", 1, "alpha", Stories.SPORT));
        apply(store, batch.toArray(Article[]::new));

        ChangePage page = store.changesSince(0, 5, now, ReadScope.subscriber("a"), 10);
        assertThat(uris(page.changes())).containsExactly("s:first");
        long cursor = page.nextCursor();
        int requests = 1;
        List<String> seen = new ArrayList<>(uris(page.changes()));
        while (true) {
            ChangePage next = store.changesSince(cursor, 5, now, ReadScope.subscriber("a"), 10);
            requests++;
            seen.addAll(uris(next.changes()));
            if (next.nextCursor() == cursor) {
                break;
            }
            cursor = next.nextCursor();
        }
        assertThat(seen).containsExactly("s:first", "s:last");
        // 47 changes, at most 10 looked at per request: 5 requests reach the end, a 6th finds nothing new
        assertThat(requests).isEqualTo(6);
    }

    @Test
    void withoutASubscribersFileNoGrantsAreMade() {
        JdbcArticleStore store = newStore();
        opened.add(store);
        apply(store, Stories.usable("s:1", 1, "alpha", Stories.SPORT));
        assertThat(store.refreshReadGrants(now)).isZero();
        assertThat(store.readableBy("s:1", "a")).isFalse();
        assertThat(store.changesSince(0, 10, now, ReadScope.everything(), 10).changes()).hasSize(1);
    }
}

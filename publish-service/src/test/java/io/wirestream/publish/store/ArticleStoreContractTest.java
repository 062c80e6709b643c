package io.wirestream.publish.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static io.wirestream.publish.testing.TestArticles.withText;
import static io.wirestream.publish.testing.TestArticles.embargoed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour every queryable store must show; each database runs it against a real instance.
 */
abstract class ArticleStoreContractTest {

    static final String TOPIC = "wire.articles";
    static final ObjectMapper JSON = new ObjectMapper();
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    private final List<ArticleStore> opened = new ArrayList<>();
    private long nextOffset;

    /** A fresh, empty, opened store. */
    abstract ArticleStore newStore(KillMode killMode);

    ArticleStore store(KillMode mode) {
        ArticleStore store = newStore(mode);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ArticleStore::close);
    }

    IncomingRecord at(Article article, int partition) {
        return IncomingRecord.article(article, TOPIC, partition, nextOffset++);
    }

    ApplyResult apply(ArticleStore store, Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(at(a, 0));
        }
        return store.apply(batch, now);
    }

    static JsonNode json(String document) throws Exception {
        return JSON.readTree(document);
    }

    @Test
    void insertsAStoryVisibleByUri() throws Exception {
        ArticleStore store = store(KillMode.WITHDRAW);
        ApplyResult result = apply(store, usable("testwire:ferry", 1));

        assertThat(result.written()).isEqualTo(1);
        StoredArticle stored = store.get("testwire:ferry", now).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(StoryStatus.USABLE);
        assertThat(stored.headline()).contains("version 1");
        JsonNode doc = json(stored.document());
        assertThat(doc.get("uri").asText()).isEqualTo("testwire:ferry");
        assertThat(doc.get("version").asText()).isEqualTo("1");
        assertThat(store.get("testwire:unknown", now)).isEmpty();
    }

    @Test
    void newerVersionReplacesTheStory() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:ferry", 1));
        apply(store, usable("testwire:ferry", 3));

        StoredArticle stored = store.get("testwire:ferry", now).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.headline()).contains("version 3");
    }

    @Test
    void olderOrReplayedVersionIsIgnored() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:ferry", 5));
        long cursorAfterV5 = store.get("testwire:ferry", now).orElseThrow().changeCursor();

        ApplyResult result = apply(store, usable("testwire:ferry", 2), usable("testwire:ferry", 5));

        assertThat(result.ignored()).isEqualTo(2);
        assertThat(result.written()).isZero();
        StoredArticle stored = store.get("testwire:ferry", now).orElseThrow();
        assertThat(stored.version()).isEqualTo(5);
        assertThat(stored.headline()).contains("version 5");
        assertThat(store.changesSince(cursorAfterV5, 10, now).changes()).isEmpty();
    }

    @Test
    void anEqualVersionWithNewContentIsARevisionButAReplayOrARevivalIsNot() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:tram", 3));
        long cursorBefore = store.get("testwire:tram", now).orElseThrow().changeCursor();

        // enrich-stream republishes the story at its own version once a second agency's copy joins its cluster
        Article revised = io.wirestream.publish.testing.TestArticles.story("testwire:tram", 3)
                .setDuplicates(io.wirestream.avro.DuplicateCluster.newBuilder().setClusterId("dc-tram").setFirstUri("testwire:tram")
                        .setFirstAgency("testwire").setFirstWiredAt(now).setAlsoCarriedBy(List.of("northstar"))
                        .setMemberUris(List.of("northstar:tram-copy")).build())
                .build();
        ApplyResult revision = apply(store, revised);
        assertThat(revision.written()).isEqualTo(1);
        StoredArticle stored = store.get("testwire:tram", now).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.document()).contains("northstar:tram-copy");
        assertThat(store.changesSince(cursorBefore, 10, now).changes()).hasSize(1);

        // the same record again (a replay) changes nothing and makes no change-feed entry
        long cursorAfter = store.get("testwire:tram", now).orElseThrow().changeCursor();
        assertThat(apply(store, revised).ignored()).isEqualTo(1);
        assertThat(store.changesSince(cursorAfter, 10, now).changes()).isEmpty();

        // a kill at that version is final: an equal-version revision cannot bring the story back
        apply(store, kill("testwire:tram", 3));
        assertThat(apply(store, usable("testwire:tram", 3)).ignored()).isEqualTo(1);
        assertThat(store.get("testwire:tram", now).orElseThrow().status().isKilled()).isTrue();
    }

    @Test
    void versionsInOneBatchEndAtTheHighest() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:a", 2), usable("testwire:a", 4), usable("testwire:a", 3));
        assertThat(store.get("testwire:a", now).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void killWithdrawsTheStoryAndALateOlderVersionCannotBringItBack() throws Exception {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, withText("testwire:fire", 1, "Warehouse fire in dockland", "Firefighters attended a warehouse fire."));
        long before = store.changesSince(0, 100, now).nextCursor();

        ApplyResult killed = apply(store, kill("testwire:fire", 2));
        apply(store, withText("testwire:fire", 1, "Warehouse fire in dockland", "Firefighters attended a warehouse fire."));

        assertThat(killed.killed()).isEqualTo(1);
        StoredArticle stored = store.get("testwire:fire", now).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoryStatus.WITHDRAWN);
        assertThat(stored.version()).isEqualTo(2);
        JsonNode marker = json(stored.document());
        assertThat(marker.get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(marker.has("bodies")).isFalse();
        assertThat(store.search("warehouse", 10, now)).isEmpty();
        assertThat(store.changesSince(before, 10, now).changes())
                .extracting(ArticleChange::uri, ArticleChange::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("testwire:fire", StoryStatus.WITHDRAWN));
    }

    /** Issue 15: a kill is permanent for the story id; a higher version after it must not bring the story back. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(KillMode.class)
    void aKillIsPermanentEvenAgainstAHigherVersion(KillMode mode) {
        ArticleStore store = store(mode);
        apply(store, withText("testwire:recalled", 1, "Factory recalls kettles", "The factory recalls its kettles."));
        apply(store, kill("testwire:recalled", 2));

        ApplyResult late = apply(store, withText("testwire:recalled", 3, "Factory recalls kettles", "The factory recalls its kettles."));
        store.apply(List.of(IncomingRecord.tombstone("testwire:recalled", TOPIC, 0, nextOffset++)), now);
        ApplyResult afterTombstone = apply(store, withText("testwire:recalled", 4, "Factory recalls kettles", "Again."));

        assertThat(late.written()).isZero();
        assertThat(afterTombstone.written()).isZero();
        StoredArticle stored = store.get("testwire:recalled", now).orElseThrow();
        assertThat(stored.status().isKilled()).isTrue();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(store.search("kettles", 10, now)).isEmpty();
    }

    /** Issue 14: every item's fate by its ingest item id, from articles, dedupe audits and rejections alike. */
    @Test
    void itemFatesTellWhatBecameOfEachItem() {
        ArticleStore store = store(KillMode.WITHDRAW);
        Article published = usable("testwire:lineage", 1);
        Article killedLater = usable("testwire:lineage-kill", 1);
        apply(store, published, killedLater, kill("testwire:lineage-kill", 2), usable("testwire:lineage-kill", 3),
                embargoed("testwire:lineage-held", 1, now.plus(Duration.ofHours(1))));
        io.wirestream.avro.DedupeAudit merge = io.wirestream.avro.DedupeAudit.newBuilder().setUri("otherwire:copy")
                .setVersion(1).setAgency("otherwire").setReason("near-duplicate").setSurvivorUri("testwire:lineage")
                .setClusterId("c-1").setReceivedAt(now).setDecidedAt(now)
                .setRaw(new io.wirestream.avro.RawRef("item-merged", "otherwire", "wire.raw", 1, 7L)).build();
        io.wirestream.avro.Rejection rejection = io.wirestream.avro.Rejection.newBuilder().setStage("parse")
                .setReason("malformed-xml").setDetail("unclosed tag").setRejectedAt(now)
                .setRaw(new io.wirestream.avro.RawRef("item-rejected", "testwire", "wire.raw", 0, 9L)).build();
        store.apply(List.of(
                IncomingRecord.lineage(ItemFate.of(merge), "wire.dedupe-audit", 0, 0),
                IncomingRecord.lineage(ItemFate.of(rejection), "wire.rejected", 0, 0),
                // a weaker fate read later from another topic does not replace the merge
                IncomingRecord.article(Article.newBuilder(usable("otherwire:copy", 1))
                        .setRaw(new io.wirestream.avro.RawRef("item-merged", "otherwire", "wire.raw", 1, 7L)).build(), TOPIC, 1, 0)), now);

        ItemFate ok = store.itemFate(published.getRaw().getItemId()).orElseThrow();
        assertThat(ok.fate()).isEqualTo(ItemFate.Fate.PUBLISHED);
        assertThat(ok.storyUri()).isEqualTo("testwire:lineage");
        assertThat(ok.version()).isEqualTo(1L);
        assertThat(store.itemFate(kill("testwire:lineage-kill", 2).getRaw().getItemId()).orElseThrow().status())
                .isEqualTo("withdrawn");
        ItemFate afterKill = store.itemFate(usable("testwire:lineage-kill", 3).getRaw().getItemId()).orElseThrow();
        assertThat(afterKill.fate()).isEqualTo(ItemFate.Fate.DROPPED);
        assertThat(afterKill.reason()).isEqualTo("after-kill");
        ItemFate held = store.itemFate(embargoed("testwire:lineage-held", 1, now).getRaw().getItemId()).orElseThrow();
        assertThat(held.fate()).isEqualTo(ItemFate.Fate.HELD);
        assertThat(held.embargoedUntil()).isEqualTo(now.plus(Duration.ofHours(1)));
        ItemFate merged = store.itemFate("item-merged").orElseThrow();
        assertThat(merged.fate()).isEqualTo(ItemFate.Fate.MERGED);
        assertThat(merged.survivorUri()).isEqualTo("testwire:lineage");
        assertThat(merged.clusterId()).isEqualTo("c-1");
        ItemFate rejected = store.itemFate("item-rejected").orElseThrow();
        assertThat(rejected.fate()).isEqualTo(ItemFate.Fate.REJECTED);
        assertThat(rejected.stage()).isEqualTo("parse");
        assertThat(rejected.reason()).isEqualTo("malformed-xml");
        assertThat(store.itemFate("item-never-seen")).isEmpty();
        assertThat(store.storedOffsets()).containsEntry(new TopicPartition("wire.dedupe-audit", 0), 1L)
                .containsEntry(new TopicPartition("wire.rejected", 0), 1L);
    }

    @Test
    void killWithTheSameVersionNumberStillTakes() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:same", 4));
        apply(store, kill("testwire:same", 4));
        assertThat(store.get("testwire:same", now).orElseThrow().status()).isEqualTo(StoryStatus.WITHDRAWN);
    }

    @Test
    void killInDeleteModeRemovesTheContentButKeepsTheGuard() {
        ArticleStore store = store(KillMode.DELETE);
        apply(store, withText("testwire:libel", 1, "Mayor accused of fraud", "Claims about the mayor."));
        apply(store, kill("testwire:libel", 2));
        apply(store, withText("testwire:libel", 1, "Mayor accused of fraud", "Claims about the mayor."));

        StoredArticle stored = store.get("testwire:libel", now).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoryStatus.DELETED);
        assertThat(stored.document()).isNull();
        assertThat(stored.headline()).isNull();
        assertThat(store.search("mayor", 10, now)).isEmpty();
    }

    @Test
    void embargoedStoryIsInvisibleUntilItsTimeThenReleasedIntoTheChangeFeed() {
        ArticleStore store = store(KillMode.WITHDRAW);
        Instant embargo = now.plus(Duration.ofHours(1));
        apply(store, withText("testwire:budget", 1, "Budget raises fuel duty", "The chancellor raised fuel duty."));
        long cursor = store.changesSince(0, 100, now).nextCursor();

        ApplyResult held = store.apply(List.of(at(embargoed("testwire:results", 1, embargo), 1)), now);

        assertThat(held.held()).isEqualTo(1);
        assertThat(store.get("testwire:results", now)).isEmpty();
        assertThat(store.get("testwire:results", embargo.minusMillis(1))).isEmpty();
        assertThat(store.search("ferry", 10, now)).isEmpty();
        assertThat(store.changesSince(cursor, 10, now).changes()).isEmpty();
        assertThat(store.releaseDueEmbargoes(embargo.minusSeconds(1))).isZero();

        assertThat(store.releaseDueEmbargoes(embargo)).isEqualTo(1);

        assertThat(store.get("testwire:results", embargo)).isPresent();
        assertThat(store.search("ferry", 10, embargo)).extracting(SearchHit::uri).containsExactly("testwire:results");
        ChangePage page = store.changesSince(cursor, 10, embargo);
        assertThat(page.changes()).extracting(ArticleChange::uri).containsExactly("testwire:results");
        assertThat(page.nextCursor()).isGreaterThan(cursor);
        assertThat(store.releaseDueEmbargoes(embargo.plusSeconds(5))).isZero();
    }

    @Test
    void killOfAnEmbargoedStoryIsImmediate() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, embargoed("testwire:early", 1, now.plus(Duration.ofHours(2))));
        apply(store, kill("testwire:early", 2));
        assertThat(store.get("testwire:early", now).orElseThrow().status()).isEqualTo(StoryStatus.WITHDRAWN);
    }

    @Test
    void searchFindsHeadlineAndBodyWordsOfUsableStoriesOnly() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store,
                withText("testwire:eel", 1, "Glass eels return to the river", "Conservationists counted record numbers."),
                withText("testwire:rail", 1, "Rail strike called off", "Union members accepted the pay offer after talks."),
                withText("testwire:pay", 1, "Nurses vote on pay offer", "Ballot papers go out on Monday."),
                withText("testwire:gone", 1, "Pay offer withdrawn", "This story will be killed."));
        apply(store, kill("testwire:gone", 2));

        assertThat(store.search("eels", 10, now)).extracting(SearchHit::uri).containsExactly("testwire:eel");
        assertThat(store.search("pay offer", 10, now)).extracting(SearchHit::uri)
                .containsExactlyInAnyOrder("testwire:rail", "testwire:pay");
        // a headline hit outranks a body-only hit
        assertThat(store.search("nurses offer", 10, now)).extracting(SearchHit::uri).containsExactly("testwire:pay");
        assertThat(store.search("pay", 10, now).get(0).uri()).isEqualTo("testwire:pay");
        assertThat(store.search("\"unbalanced AND (NEAR", 10, now)).isEmpty();
        assertThat(store.search("   ", 10, now)).isEmpty();
    }

    @Test
    void changeFeedPagesInOrderAndShowsEachStoryOnceAtItsLatestState() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:one", 1), usable("testwire:two", 1), usable("testwire:three", 1));
        apply(store, usable("testwire:one", 2));

        ChangePage first = store.changesSince(0, 2, now);
        ChangePage second = store.changesSince(first.nextCursor(), 2, now);
        ChangePage empty = store.changesSince(second.nextCursor(), 2, now);

        assertThat(first.changes()).extracting(ArticleChange::uri).containsExactly("testwire:two", "testwire:three");
        assertThat(second.changes()).extracting(ArticleChange::uri, ArticleChange::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("testwire:one", 2L));
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.nextCursor()).isEqualTo(second.nextCursor());
    }

    @Test
    void offsetsAreStoredWithTheBatchAndNeverMoveBack() {
        ArticleStore store = store(KillMode.WITHDRAW);
        store.apply(List.of(IncomingRecord.article(usable("testwire:x", 1), TOPIC, 0, 10),
                IncomingRecord.article(usable("testwire:y", 1), TOPIC, 2, 41),
                IncomingRecord.unreadable("testwire:bad", TOPIC, 2, 42)), now);
        store.apply(List.of(IncomingRecord.article(usable("testwire:x", 1), TOPIC, 0, 7)), now);

        assertThat(store.storedOffsets()).containsOnly(
                org.assertj.core.api.Assertions.entry(new TopicPartition(TOPIC, 0), 11L),
                org.assertj.core.api.Assertions.entry(new TopicPartition(TOPIC, 2), 43L));
    }

    @Test
    void tombstoneForALiveStoryWithdrawsIt() {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:t", 3));
        store.apply(List.of(IncomingRecord.tombstone("testwire:t", TOPIC, 0, nextOffset++),
                IncomingRecord.tombstone("testwire:never-seen", TOPIC, 0, nextOffset++)), now);
        StoredArticle stored = store.get("testwire:t", now).orElseThrow();
        assertThat(stored.status()).isEqualTo(StoryStatus.WITHDRAWN);
        assertThat(stored.version()).isEqualTo(3);
        assertThat(store.get("testwire:never-seen", now)).isEmpty();
    }

    @Test
    void storesAgencyTextWithControlCharactersAndBackslashes() throws Exception {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, withText("testwire:nul", 1, "Stray\u0000null byte in a headline \\u0000 kept literally",
                "Body with a NUL\u0000 and a tab\t and a path C:\\u0000dir"));

        StoredArticle stored = store.get("testwire:nul", now).orElseThrow();
        assertThat(stored.headline()).startsWith("Stray").contains("null byte").contains("\\u0000 kept literally");
        JsonNode doc = json(stored.document());
        assertThat(doc.get("headlines").get(0).get("value").asText()).contains("\\u0000 kept literally");
        assertThat(store.search("null byte", 10, now)).extracting(SearchHit::uri).containsExactly("testwire:nul");
    }

    @Test
    void reportsHealthy() {
        assertThat(store(KillMode.WITHDRAW).health().up()).isTrue();
    }
}

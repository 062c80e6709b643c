package io.wirestream.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.subscriptions.testing.Stories;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadEntitlementTest {

    private static Product sportOf(String agency) {
        return new Product("sport", Set.of(agency), Set.of(Stories.SPORT), Set.of(), null, null, Set.of(), Set.of(), Set.of());
    }

    private static Subscriber subscriber(String id, Product... products) {
        return new Subscriber(id, id, Set.of(SubscriberConfig.keyHash(id + "-key")), List.of(products), OutputFormat.OFFICIAL,
                true, null);
    }

    private static StoryFacets facets(Article a) {
        return StoryFacets.of(a);
    }

    @Test
    void aMatchingUsableVersionStartsReadingAndAnotherAgencysDoesNot() {
        Subscriber s = subscriber("alpha-sport", sportOf("alpha"));
        assertThat(ReadEntitlement.starts(s, facets(Stories.usable("u1", 1, "alpha", Stories.SPORT)))).isTrue();
        assertThat(ReadEntitlement.starts(s, facets(Stories.usable("u2", 1, "beta", Stories.SPORT)))).isFalse();
        assertThat(ReadEntitlement.starts(s, facets(Stories.usable("u3", 1, "alpha", Stories.ECONOMY)))).isFalse();
    }

    @Test
    void aKillOrAWithheldNoticeNeverStartsReadingEvenForAProductThatTakesEverything() {
        Product everything = new Product("all", Set.of("*"), Set.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of());
        Subscriber s = subscriber("all", everything);
        assertThat(ReadEntitlement.starts(s, facets(Stories.kill("u1", 2, "alpha")))).isFalse();
        assertThat(ReadEntitlement.starts(s, facets(Stories.withheld("u1", 2, "alpha")))).isFalse();
        assertThat(ReadEntitlement.readable(false, s, facets(Stories.kill("u1", 2, "alpha")))).isFalse();
    }

    @Test
    void onceGrantedLaterVersionsStayReadableWhetherOrNotTheyMatch() {
        Subscriber s = subscriber("alpha-sport", sportOf("alpha"));
        assertThat(ReadEntitlement.readable(true, s, facets(Stories.kill("u1", 3, "alpha")))).isTrue();
        assertThat(ReadEntitlement.readable(true, s, facets(Stories.correctionWithoutTopics("u1", 2, "alpha")))).isTrue();
        assertThat(ReadEntitlement.readable(false, s, facets(Stories.correctionWithoutTopics("u1", 2, "alpha")))).isFalse();
    }

    @Test
    void startingWithNamesExactlyTheSubscribersAnyOfWhoseProductsAdmitTheVersion() {
        SubscriberConfig config = new SubscriberConfig(List.of(subscriber("a", sportOf("alpha")),
                subscriber("b", sportOf("beta"), sportOf("alpha")), subscriber("c", sportOf("gamma"))), "d");
        assertThat(ReadEntitlement.startingWith(config, facets(Stories.usable("u", 1, "alpha", Stories.SPORT))))
                .containsExactly("a", "b");
        assertThat(ReadEntitlement.startingWith(config, facets(Stories.kill("u", 2, "alpha")))).isEmpty();
    }

    @Test
    void theRulesDigestChangesWithTheProductsAndNotWithTheirOrderOrTheKeys() {
        Subscriber one = subscriber("s", sportOf("alpha"), sportOf("beta"));
        Subscriber reordered = new Subscriber("s", "other name", Set.of(), List.of(sportOf("beta"), sportOf("alpha")),
                OutputFormat.EXTENDED, false, null);
        Subscriber narrower = subscriber("s", sportOf("alpha"));
        assertThat(ReadEntitlement.rulesDigest(reordered)).isEqualTo(ReadEntitlement.rulesDigest(one));
        assertThat(ReadEntitlement.rulesDigest(narrower)).isNotEqualTo(ReadEntitlement.rulesDigest(one));
    }

    @Test
    void aKeyFindsItsSubscriberByHashAndAnythingElseFindsNone() {
        SubscriberConfig config = new SubscriberConfig(List.of(subscriber("a", sportOf("alpha")), subscriber("b", sportOf("beta"))), "d");
        assertThat(config.byApiKey("b-key").id()).isEqualTo("b");
        assertThat(config.byApiKey("b-key ")).isNull();
        assertThat(config.byApiKey(SubscriberConfig.keyHash("b-key"))).as("the hash itself is not a key").isNull();
        assertThat(config.byApiKey("")).isNull();
        assertThat(config.byApiKey(null)).isNull();
        assertThat(config.byKeyHash(SubscriberConfig.keyHash("a-key")).id()).as("by the hash, for a caller that hashed once").isEqualTo("a");
        assertThat(config.byKeyHash("b-key")).isNull();
        assertThat(config.byKeyHash(null)).isNull();
        assertThat(SubscriberConfig.keyHash("password"))
                .isEqualTo("sha256:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
    }
}

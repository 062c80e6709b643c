package io.wirestream.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Subject;
import io.wirestream.subscriptions.testing.Stories;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static Product product(Set<String> agencies) {
        return new Product("p", agencies, Set.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of());
    }

    private static final Article ALPHA_SPORT = Stories.usable("u1", 1, "alpha", Stories.SPORT);

    @Test
    void agencyIsComparedWithoutCaseAndStarTakesEveryAgency() {
        assertThat(product(Set.of("ALPHA")).matches(ALPHA_SPORT)).isTrue();
        assertThat(product(Set.of("beta")).matches(ALPHA_SPORT)).isFalse();
        assertThat(product(Set.of("*")).matches(ALPHA_SPORT)).isTrue();
    }

    @Test
    void mediaTopicsMatchExactCodesInAnyOfTheirWrittenForms() {
        Product sport = new Product("p", Set.of("*"), Set.of("medtop:15000000"), Set.of(), null, null, Set.of(), Set.of(), Set.of());
        assertThat(sport.matches(ALPHA_SPORT)).isTrue();
        Article uriForm = Stories.story("u2", 1, "alpha", "x").setSubjects(List.of(
                new Subject("http://cv.iptc.org/newscodes/mediatopic/15000000", null, null, "source"))).build();
        assertThat(sport.matches(uriForm)).isTrue();
        assertThat(sport.matches(Stories.usable("u3", 1, "alpha", Stories.ECONOMY))).isFalse();
        Article subjectCode = Stories.story("u4", 1, "alpha", "x").setSubjects(List.of(new Subject("subj:15000000", null, null, "source"))).build();
        assertThat(sport.matches(subjectCode)).as("an IPTC Subject Code is another scheme").isFalse();
    }

    @Test
    void languagePrefixMatchesRegionalTagsButNotTheOtherWayRound() {
        Product en = new Product("p", Set.of("*"), Set.of(), Set.of("en"), null, null, Set.of(), Set.of(), Set.of());
        Product enGb = new Product("p", Set.of("*"), Set.of(), Set.of("en-GB"), null, null, Set.of(), Set.of(), Set.of());
        Article british = Stories.story("u", 1, "a", Stories.SPORT).setLanguage("en-gb").build();
        assertThat(en.matches(british)).isTrue();
        assertThat(enGb.matches(british)).isTrue();
        assertThat(enGb.matches(ALPHA_SPORT)).isFalse();
        assertThat(en.matches(Stories.story("u", 1, "a", Stories.SPORT).setLanguage("eng").build())).isFalse();
        assertThat(en.matches(Stories.story("u", 1, "a", Stories.SPORT).setLanguage(null).build())).isFalse();
    }

    @Test
    void urgencyBoundsAreInclusiveAndAStoryWithoutUrgencyIsNotUrgent() {
        Product urgent = new Product("p", Set.of("*"), Set.of(), Set.of(), null, 3, Set.of(), Set.of(), Set.of());
        assertThat(urgent.matches(Stories.story("u", 1, "a", Stories.SPORT).setUrgency(3).build())).isTrue();
        assertThat(urgent.matches(Stories.story("u", 1, "a", Stories.SPORT).setUrgency(4).build())).isFalse();
        assertThat(urgent.matches(Stories.story("u", 1, "a", Stories.SPORT).setUrgency(null).build())).isFalse();
    }

    @Test
    void placeIsTheDatelineOrATaggedPlaceAndKeywordsAreTheStorysKeywords() {
        Product bergen = new Product("p", Set.of("*"), Set.of(), Set.of(), null, null, Set.of("Bergen"), Set.of(), Set.of());
        assertThat(bergen.matches(ALPHA_SPORT)).isFalse();
        Article tagged = Stories.story("u", 1, "a", Stories.SPORT).setEntities(List.of(
                new Entity("Bergen", EntityType.PLACE, List.of("Bergen"), 1, 0.9, null))).build();
        assertThat(bergen.matches(tagged)).isTrue();
        Article person = Stories.story("u", 1, "a", Stories.SPORT).setEntities(List.of(
                new Entity("Bergen", EntityType.PERSON, List.of("Bergen"), 1, 0.9, null))).build();
        assertThat(bergen.matches(person)).as("a person called Bergen is no place").isFalse();
        Product harbour = new Product("p", Set.of("*"), Set.of(), Set.of(), null, null, Set.of(), Set.of("HARBOUR"), Set.of());
        assertThat(harbour.matches(ALPHA_SPORT)).isTrue();
        assertThat(harbour.matches(Stories.story("u", 1, "a", Stories.SPORT).setKeywords(List.of("port")).build())).isFalse();
    }

    @Test
    void editorialStateTakesTheMostSpecificAndKillsOrWithheldNoticesNeverStartADelivery() {
        Product corrections = new Product("p", Set.of("*"), Set.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of(EditorialState.CORRECTION));
        assertThat(corrections.matches(ALPHA_SPORT)).isFalse();
        Article corrected = Stories.story("u", 2, "a", Stories.SPORT).setSignals(List.of("update", "correction")).build();
        assertThat(EditorialState.of(corrected)).isEqualTo(EditorialState.CORRECTION);
        assertThat(corrections.matches(corrected)).isTrue();
        Product all = product(Set.of("*"));
        assertThat(all.matches(Stories.kill("u", 3, "a"))).isFalse();
        assertThat(all.matches(Stories.withheld("u", 3, "a"))).isFalse();
        assertThat(EditorialState.of(Stories.story("u", 1, "a", "x").setSignals(List.of("KILL")).build())).isEqualTo(EditorialState.KILLED);
    }
}

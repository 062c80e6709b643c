package io.wirestream.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import io.wirestream.subscriptions.testing.Stories;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A store keeps a version's facets and decides later from them: that must be the decision the article itself gives. */
class StoryFacetsProperties {

    @Property(tries = 300)
    void aProductDecidesTheSameOnTheFacetsKeptAsOnTheArticle(@ForAll("articles") Article article, @ForAll("products") Product product) {
        StoryFacets kept = StoryFacets.fromJson(StoryFacets.of(article).toJson());
        assertThat(kept).isEqualTo(StoryFacets.of(article));
        assertThat(product.matches(kept)).isEqualTo(product.matches(article));
    }

    @Provide
    Arbitrary<Article> articles() {
        Arbitrary<String> agency = Arbitraries.of("alpha", "Beta", "gamma");
        Arbitrary<String> topic = Arbitraries.of(Stories.SPORT, "15000000", "http://cv.iptc.org/newscodes/mediatopic/04000000", "subj:01000000");
        Arbitrary<String> language = Arbitraries.of("en", "en-GB", "nb", "de_AT");
        Arbitrary<Integer> urgency = Arbitraries.integers().between(1, 9).injectNull(0.2);
        Arbitrary<String> place = Arbitraries.of("Oslo", " bergen ", "Paris");
        Arbitrary<List<String>> signals = Arbitraries.of(List.of(), List.of("update"), List.of("correction"), List.of("advisory"), List.of("kill"));
        Arbitrary<PubStatus> status = Arbitraries.of(PubStatus.usable, PubStatus.usable, PubStatus.withheld, PubStatus.canceled);
        return Combinators.combine(agency, topic, language, urgency, place, signals, status, Arbitraries.of("Energy", "ferry"))
                .as((a, t, l, u, p, sig, st, k) -> Stories.story("u", 1, a, t).setLanguage(l).setUrgency(u).setLocated(p)
                        .setSignals(sig).setPubstatus(st).setKeywords(List.of(k))
                        .setSubjects(List.of(new Subject(t, null, 1.0, "source")))
                        .setEntities(List.of(new Entity(p.equals("Paris") ? "Lyon" : "Paris", EntityType.PLACE, List.of(), 1, 0.9, null)))
                        .build());
    }

    @Provide
    Arbitrary<Product> products() {
        Arbitrary<Set<String>> agencies = Arbitraries.of(Set.of("*"), Set.of("alpha"), Set.of("beta", "gamma"));
        Arbitrary<Set<String>> topics = Arbitraries.of(Set.of(), Set.of("medtop:15000000"), Set.of("medtop:04000000"));
        Arbitrary<Set<String>> languages = Arbitraries.of(Set.of(), Set.of("en"), Set.of("en-GB"), Set.of("de-at"));
        Arbitrary<Integer> max = Arbitraries.integers().between(1, 9).injectNull(0.5);
        Arbitrary<Set<String>> places = Arbitraries.of(Set.of(), Set.of("Bergen"), Set.of("paris"));
        Arbitrary<Set<String>> keywords = Arbitraries.of(Set.of(), Set.of("energy"));
        Arbitrary<Set<EditorialState>> states = Arbitraries.of(Set.of(), Set.of(EditorialState.USABLE), Set.of(EditorialState.CORRECTION, EditorialState.UPDATE));
        return Combinators.combine(agencies, topics, languages, max, places, keywords, states)
                .as((a, t, l, m, p, k, s) -> new Product("p", a, t, l, null, m, p, k, s));
    }
}

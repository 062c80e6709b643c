package io.wirestream.subscribers.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.subscriptions.EditorialState;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.testing.MutableClock;
import io.wirestream.subscriptions.testing.Stories;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What a subscriber receives equals the filter applied to what was published: random products and random streams of
 * story versions (agencies, topics, languages, urgencies, editorial states, kills, withheld notices, versions after a
 * kill), fanned out by the real topology, against a model written here independently of the product code: a story
 * starts for a subscriber with its first version that may start a delivery and that one of its products admits; from
 * then on every newer version reaches it, whatever it says, until and including a kill; nothing else reaches it.
 */
class FanOutPropertyTest {

    private static final List<String> AGENCIES = List.of("alpha", "beta", "gamma");
    private static final List<String> TOPICS = List.of(Stories.SPORT, Stories.ECONOMY, Stories.POLITICS);
    private static final List<String> LANGUAGES = List.of("en", "en-GB", "de");
    private static final List<EditorialState> STATES = List.of(EditorialState.USABLE, EditorialState.USABLE, EditorialState.UPDATE,
            EditorialState.CORRECTION, EditorialState.ADVISORY, EditorialState.KILLED, EditorialState.WITHHELD);

    /** One published version as the generator made it. */
    record Version(String uri, long version, String agency, String topic, String language, Integer urgency, EditorialState state) {}

    /** A product as the generator made it: null means the criterion is left out. */
    record Filter(Set<String> agencies, Set<String> topics, Set<String> languages, Integer urgencyMax, Set<EditorialState> states) {}

    @Property(tries = 40)
    void eachSubscriberReceivesExactlyTheFilterAppliedToWhatWasPublished(
            @ForAll("subscribers") List<List<Filter>> subscribers, @ForAll("streams") List<Version> published) {
        List<Subscriber> config = new ArrayList<>();
        for (int i = 0; i < subscribers.size(); i++) {
            List<Product> products = new ArrayList<>();
            for (int j = 0; j < subscribers.get(i).size(); j++) {
                Filter f = subscribers.get(i).get(j);
                products.add(new Product("p" + j, f.agencies() == null ? Set.of("*") : f.agencies(), f.topics() == null ? Set.of() : f.topics(),
                        f.languages() == null ? Set.of() : f.languages(), null, f.urgencyMax(), Set.of(), Set.of(),
                        f.states() == null ? Set.of() : f.states()));
            }
            config.add(new Subscriber("site-" + i, "site " + i, Set.of(), products, OutputFormat.OFFICIAL, true, null));
        }
        Map<String, List<String>> expected = model(subscribers, published);

        Map<String, Object> serde = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "fanout-property");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        FanOutTopology.Options options = new FanOutTopology.Options(Topics.ARTICLES.name(), "wire.sub.", "wire.subscribers.webhooks",
                Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(90));
        SubscriberConfig subscriberConfig = new SubscriberConfig(config, "test");
        try (TopologyTestDriver driver = new TopologyTestDriver(FanOutTopology.build(options, () -> subscriberConfig, serde,
                new MutableClock(now), new FanOutMetrics(new SimpleMeterRegistry())), p, now)) {
            TestInputTopic<String, Article> in = driver.createInputTopic(Topics.ARTICLES.name(),
                    Topics.ARTICLES.keySerde(serde).serializer(), Topics.ARTICLES.valueSerde(serde).serializer());
            for (Version v : published) {
                in.pipeInput(v.uri(), article(v));
            }
            for (int i = 0; i < subscribers.size(); i++) {
                List<String> got = new ArrayList<>();
                for (TestRecord<String, byte[]> r : driver.createOutputTopic("wire.sub.site-" + i, new StringDeserializer(),
                        new ByteArrayDeserializer()).readRecordsToList()) {
                    got.add(r.key() + "@" + text(r, FanOutProcessor.HEADER_VERSION) + ":" + text(r, FanOutProcessor.HEADER_STATE));
                }
                assertThat(got).as("site-%d with %s", i, subscribers.get(i)).containsExactlyElementsOf(expected.get("site-" + i));
            }
        }
    }

    /** The rule, written out plainly. */
    static Map<String, List<String>> model(List<List<Filter>> subscribers, List<Version> published) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < subscribers.size(); i++) {
            List<String> got = new ArrayList<>();
            Map<String, Long> last = new HashMap<>();
            Set<String> killed = new HashSet<>();
            for (Version v : published) {
                boolean received = last.containsKey(v.uri());
                if (received) {
                    if (killed.contains(v.uri()) || v.version() <= last.get(v.uri())) {
                        continue;
                    }
                } else {
                    boolean canStart = v.state() != EditorialState.KILLED && v.state() != EditorialState.WITHHELD;
                    if (!canStart || subscribers.get(i).stream().noneMatch(f -> admits(f, v))) {
                        continue;
                    }
                }
                got.add(v.uri() + "@" + v.version() + ":" + v.state().configName());
                last.put(v.uri(), v.version());
                if (v.state() == EditorialState.KILLED) {
                    killed.add(v.uri());
                }
            }
            out.put("site-" + i, got);
        }
        return out;
    }

    static boolean admits(Filter f, Version v) {
        return (f.agencies() == null || f.agencies().contains(v.agency()))
                && (f.topics() == null || f.topics().contains(v.topic()))
                && (f.languages() == null || f.languages().stream().anyMatch(l -> v.language().equalsIgnoreCase(l)
                        || v.language().toLowerCase().startsWith(l.toLowerCase() + "-")))
                && (f.urgencyMax() == null || v.urgency() != null && v.urgency() <= f.urgencyMax())
                && (f.states() == null || f.states().contains(v.state()));
    }

    private static Article article(Version v) {
        Article.Builder b = Stories.story(v.uri(), v.version(), v.agency(), v.topic()).setLanguage(v.language()).setUrgency(v.urgency())
                .setSubjects(List.of(new Subject(v.topic(), null, 1.0, "source")));
        switch (v.state()) {
            case KILLED -> b.setPubstatus(PubStatus.canceled).setSignals(List.of("kill"));
            case WITHHELD -> b.setPubstatus(PubStatus.withheld).setSignals(List.of("hold"));
            case CORRECTION -> b.setSignals(List.of("correction"));
            case ADVISORY -> b.setSignals(List.of("advisory"));
            case UPDATE -> b.setSignals(List.of("update"));
            default -> { }
        }
        return b.build();
    }

    private static String text(TestRecord<String, byte[]> r, String header) {
        return new String(r.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<List<List<Filter>>> subscribers() {
        Arbitrary<Set<String>> agencies = Arbitraries.of(AGENCIES).set().ofMinSize(1).ofMaxSize(2).injectNull(0.3);
        Arbitrary<Set<String>> topics = Arbitraries.of(TOPICS).set().ofMinSize(1).ofMaxSize(2).injectNull(0.4);
        Arbitrary<Set<String>> languages = Arbitraries.of("en", "en-GB", "de").set().ofMinSize(1).ofMaxSize(2).injectNull(0.6);
        Arbitrary<Integer> urgency = Arbitraries.integers().between(1, 9).injectNull(0.6);
        Arbitrary<Set<EditorialState>> states = Arbitraries.of(EditorialState.USABLE, EditorialState.UPDATE, EditorialState.CORRECTION,
                EditorialState.ADVISORY).set().ofMinSize(1).ofMaxSize(3).injectNull(0.7);
        Arbitrary<Filter> filter = Combinators.combine(agencies, topics, languages, urgency, states).as(Filter::new);
        return filter.list().ofMinSize(1).ofMaxSize(2).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Version>> streams() {
        Arbitrary<Version> draft = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.of(AGENCIES),
                Arbitraries.of(TOPICS), Arbitraries.of(LANGUAGES), Arbitraries.integers().between(1, 9).injectNull(0.2),
                Arbitraries.of(STATES)).as((story, agency, topic, language, urgency, state) ->
                new Version("story-" + story, 0, agency, topic, language, urgency, state));
        // versions rise per story, in publishing order, as enrich-stream guarantees on wire.articles
        return draft.list().ofMinSize(1).ofMaxSize(40).map(list -> {
            Map<String, Long> next = new HashMap<>();
            List<Version> out = new ArrayList<>();
            for (Version d : list) {
                long version = next.merge(d.uri(), 1L, Long::sum);
                out.add(new Version(d.uri(), version, d.agency(), d.topic(), d.language(), d.urgency(), d.state()));
            }
            return out;
        });
    }
}

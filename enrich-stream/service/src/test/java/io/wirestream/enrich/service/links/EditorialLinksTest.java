package io.wirestream.enrich.service.links;

import static io.wirestream.enrich.service.links.RelatedLinkStageTest.HARBOUR_FOLLOW_UP;
import static io.wirestream.enrich.service.links.RelatedLinkStageTest.HARBOUR_TALKS;
import static io.wirestream.enrich.service.links.RelatedLinkStageTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.related.LinkSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Editorial state in the links stage (issue 15): a story under embargo, withheld or killed is never offered to other
 * stories as a related link; an embargoed one may be once its embargo has lifted. The stage's clock is the driver's
 * wall clock, which starts at {@link RelatedLinkStageTest#T0}.
 */
class EditorialLinksTest {

    TopologyTestDriver driver;
    TestInputTopic<String, Article> in;
    TestOutputTopic<String, Article> out;

    @BeforeEach
    void start() {
        Serde<Article> articles = AvroBinaryArticleSerde.create();
        StreamsBuilder builder = new StreamsBuilder();
        RelatedLinkStage.apply(builder, builder.stream("in", Consumed.with(Serdes.String(), articles)),
                        RelatedLinkStageTest.TAGGER, LinkSettings.defaults().withWindow(Duration.ofDays(4)))
                .to("out", Produced.with(Serdes.String(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "editorial-links-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/editorial-links-test-" + System.nanoTime());
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), articles.serializer(), T0, Duration.ofMinutes(5));
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Map<String, List<String>> linksByUri() {
        return out.readKeyValuesToList().stream().filter(kv -> kv.value != null)
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.getRelated().stream().map(RelatedLink::getUri).toList(),
                        (a, b) -> b));
    }

    private static Article followUp(String uri) {
        return Article.newBuilder(HARBOUR_FOLLOW_UP).setUri(uri).build();
    }

    @Test
    void anEmbargoedStoryIsNotLinkedBeforeItsEmbargoLiftsAndMayBeAfter() {
        Article embargoed = Article.newBuilder(HARBOUR_TALKS).setEmbargoed(T0.plus(Duration.ofHours(6))).build();
        in.pipeInput(embargoed.getUri(), embargoed);
        in.pipeInput("b:before", followUp("b:before"));

        assertThat(linksByUri().get("b:before")).doesNotContain(HARBOUR_TALKS.getUri());

        driver.advanceWallClockTime(Duration.ofHours(7));
        in.pipeInput("b:after", followUp("b:after"));

        assertThat(linksByUri().get("b:after")).contains(HARBOUR_TALKS.getUri());
    }

    @Test
    void aWithheldStoryIsNeverLinked() {
        Article withheld = Article.newBuilder(HARBOUR_TALKS).setPubstatus(PubStatus.withheld).build();
        in.pipeInput(withheld.getUri(), withheld);
        in.pipeInput("b:follow", followUp("b:follow"));
        driver.advanceWallClockTime(Duration.ofDays(1));
        in.pipeInput("b:later", followUp("b:later"));

        Map<String, List<String>> links = linksByUri();
        assertThat(links.get("b:follow")).doesNotContain(HARBOUR_TALKS.getUri());
        assertThat(links.get("b:later")).doesNotContain(HARBOUR_TALKS.getUri());
    }

    @Test
    void aKilledStoryLeavesTheIndexEvenWhenTheKillCarriesNoText() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        in.pipeInput("b:before-kill", followUp("b:before-kill"));
        assertThat(linksByUri().get("b:before-kill")).contains(HARBOUR_TALKS.getUri()); // it was linkable

        Article kill = Article.newBuilder(HARBOUR_TALKS).setVersion(2).setPubstatus(PubStatus.canceled)
                .setHeadline("KILL").setBodyParagraphs(List.of()).build();
        in.pipeInput(kill.getUri(), kill);
        in.pipeInput("b:after-kill", followUp("b:after-kill"));

        assertThat(linksByUri().get("b:after-kill")).isNotNull().doesNotContain(HARBOUR_TALKS.getUri());
    }

    @Test
    void anEmbargoedUpdateHidesTheStoryUntilItLifts() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        Article embargoedUpdate = Article.newBuilder(HARBOUR_TALKS).setVersion(2)
                .setHeadline("Lavrov and Alhakim sign Basra harbour deal in Moscow")
                .setEmbargoed(T0.plus(Duration.ofDays(1))).build();
        in.pipeInput(embargoedUpdate.getUri(), embargoedUpdate);
        in.pipeInput("b:follow", followUp("b:follow"));

        List<RelatedLink> links = out.readKeyValuesToList().stream().filter(kv -> kv.key.equals("b:follow"))
                .findFirst().orElseThrow().value.getRelated();
        assertThat(links).extracting(RelatedLink::getTitle).doesNotContain(embargoedUpdate.getHeadline());
        assertThat(links).extracting(RelatedLink::getUri).doesNotContain(HARBOUR_TALKS.getUri());
    }

    @Test
    void storiesAlreadyPublishedWithALinkToAKilledStoryAreRepublishedWithoutIt() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        in.pipeInput("b:linked", followUp("b:linked"));
        assertThat(linksByUri().get("b:linked")).contains(HARBOUR_TALKS.getUri());

        Article kill = Article.newBuilder(HARBOUR_TALKS).setVersion(2).setPubstatus(PubStatus.canceled)
                .setHeadline("KILL").setBodyParagraphs(List.of()).build();
        in.pipeInput(kill.getUri(), kill);

        List<Article> republished = out.readKeyValuesToList().stream().filter(kv -> kv.key.equals("b:linked"))
                .map(kv -> kv.value).toList();
        assertThat(republished).singleElement().satisfies(b -> {
            assertThat(b.getVersion()).as("the same version, revised").isEqualTo(HARBOUR_FOLLOW_UP.getVersion());
            assertThat(b.getHeadline()).isEqualTo(HARBOUR_FOLLOW_UP.getHeadline());
            assertThat(b.getRelated()).extracting(RelatedLink::getUri).doesNotContain(HARBOUR_TALKS.getUri());
        });
    }

    @Test
    void aTombstonedStoryIsNotRepublishedWhenAStoryItLinkedToIsKilled() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        in.pipeInput("b:linked", followUp("b:linked"));
        in.pipeInput("b:linked", (Article) null);
        out.readKeyValuesToList();

        in.pipeInput(HARBOUR_TALKS.getUri(), Article.newBuilder(HARBOUR_TALKS).setVersion(2)
                .setPubstatus(PubStatus.canceled).build());

        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).doesNotContain("b:linked");
    }
}

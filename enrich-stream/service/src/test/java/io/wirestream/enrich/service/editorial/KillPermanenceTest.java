package io.wirestream.enrich.service.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.dedupe.version.StoryState;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a kill is permanent for the story id, however long after the dedupe window a later version comes. */
class KillPermanenceTest {

    @TempDir
    Path dir;

    @Test
    void aKilledStoryDoesNotComeBackWithAHigherVersionAfterTheDedupeWindow() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", "urn:acme:mine|1|usable|||Mine collapses in the north|Rescuers reached the site on Monday.");
            p.push("acme", "urn:acme:mine|2|canceled|||KILL|");
            assertThat(p.latest("urn:acme:mine").getPubstatus()).isEqualTo(PubStatus.canceled);

            for (int day = 0; day < 9; day++) {
                p.advance(Duration.ofDays(1)); // the version state's purge runs hourly on the wall clock
            }
            p.push("acme", "urn:acme:mine|3|usable|||Mine collapses in the north, toll rises|Rescuers found more.");
            p.settle();

            assertThat(p.of("urn:acme:mine")).extracting(Article::getVersion).as("nothing after the kill")
                    .containsExactly(1L, 2L);
        }
    }

    @Test
    void liveStatesStillExpireWithTheWindowWhileKilledOnesStayIncludingStatesWrittenBeforeTheExpiryIndex() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", "urn:acme:live|1|usable|||Flood warning for the valley|Rivers rose overnight.");
            KeyValueStore<String, StoryState> versions = p.store(VERSIONS);
            // as an earlier version of the pipeline left them: no expiry entries
            versions.put("urn:acme:old-live", new StoryState("urn:acme:old-live", 4, false, p.now()));
            versions.put("urn:acme:old-kill", new StoryState("urn:acme:old-kill", 2, true, p.now()));

            for (int day = 0; day < 9; day++) {
                p.advance(Duration.ofDays(1));
            }

            assertThat(versions.get("urn:acme:live")).as("live, past the window").isNull();
            assertThat(versions.get("urn:acme:old-live")).as("live, former layout, past the window").isNull();
            assertThat(versions.get("urn:acme:old-kill")).as("killed, former layout").isNotNull();
            p.push("acme", "urn:acme:old-kill|9|usable|||A killed story filed again|It should not appear.");
            assertThat(p.of("urn:acme:old-kill")).isEmpty();
        }
    }

    /** The version guard's store, as the dedupe stage names it. */
    static final String VERSIONS = "dedupe-story-versions";
}

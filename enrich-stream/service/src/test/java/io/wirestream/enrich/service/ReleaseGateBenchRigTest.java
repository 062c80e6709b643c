package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.PubStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ReleaseGateBenchmark} measures the paths it names: the embargoed story is really held and then released by
 * the tick, the kill goes out and its tombstone follows, and the stories held beforehand stay held throughout.
 */
class ReleaseGateBenchRigTest {

    final ReleaseGateBenchRig rig = new ReleaseGateBenchRig(25);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aPlainStoryGoesOutAtOnceStamped() {
        assertThat(rig.plainStory()).singleElement().satisfies(a -> {
            assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
            assertThat(a.getProcessedAt()).isNotNull();
        });
        assertThat(rig.heldStories()).isEqualTo(25);
    }

    @Test
    void anEmbargoedStoryIsHeldUntilTheTickAfterItsEmbargo() {
        for (int i = 0; i < 3; i++) {
            String uri = "urn:bench:story-" + i;
            assertThat(rig.holdEmbargoed()).as("nothing out while embargoed").isEmpty();
            assertThat(rig.heldStories()).isEqualTo(26);
            assertThat(rig.releaseDue()).singleElement().satisfies(a -> {
                assertThat(a.getUri()).isEqualTo(uri);
                assertThat(a.getEmbargoed()).isBefore(a.getProcessedAt());
            });
            assertThat(rig.heldStories()).isEqualTo(25);
        }
        rig.releaseEmbargoes(5);
        assertThat(rig.tickNothingDue()).isEmpty();
        assertThat(rig.heldStories()).isEqualTo(25);
    }

    @Test
    void aKillGoesOutAtOnceAndItsTombstoneAfterTheGrace() {
        for (int i = 0; i < 3; i++) {
            assertThat(rig.kill()).singleElement().satisfies(a -> assertThat(a.getPubstatus()).isEqualTo(PubStatus.canceled));
            assertThat(rig.tombstoneDue()).as("the tombstone").containsExactly((io.wirestream.avro.Article) null);
        }
        assertThat(rig.heldStories()).as("a week per kill: the stories held beforehand are still held").isEqualTo(25);
    }
}

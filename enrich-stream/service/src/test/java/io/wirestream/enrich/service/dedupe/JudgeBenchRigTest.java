package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code DedupeJudgeBenchmark} measures the paths it names: a story published alone, a near copy merged into it. */
class JudgeBenchRigTest {

    final JudgeBenchRig rig = new JudgeBenchRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aStoryWithNoCopiesIsJudgedTheHeadOfItsClusterAndPublishedAtOnce() {
        rig.fill(20);
        JudgeBenchRig.Outcome outcome = rig.storyWithNoCopies();
        assertThat(outcome.audits()).isEmpty();
        assertThat(outcome.published()).singleElement().satisfies(a -> {
            assertThat(a.getUri()).isEqualTo("urn:bench:story-20");
            assertThat(a.getDuplicates().getMemberUris()).isEmpty();
        });
        assertThat(rig.pendingStories()).as("nothing left waiting for an answer").isZero();
        assertThat(rig.timerTick()).as("a tick finds nothing due").isZero();
    }

    @Test
    void theNearCopyIsDroppedIntoTheStorysClusterAndTheStoryRepublishedListingIt() {
        for (int t = 0; t < 32; t++) {
            assertThat(rig.copyKind(t)).as("template %d", t).isEqualTo(MatchKind.NEAR);
        }
        for (int n = 0; n < 40; n++) {
            JudgeBenchRig.Outcome outcome = rig.storyAndItsNearCopy();
            String story = "urn:bench:story-" + n;
            String copy = "urn:bench:copy-" + n;
            assertThat(outcome.published()).extracting(a -> a.getUri()).containsExactly(story, story);
            assertThat(outcome.published().get(1).getDuplicates().getMemberUris()).containsExactly(copy);
            assertThat(outcome.audits()).singleElement().satisfies(audit -> {
                assertThat(audit.getUri()).isEqualTo(copy);
                assertThat(audit.getReason()).isEqualTo("near-duplicate");
                assertThat(audit.getSurvivorUri()).isEqualTo(story);
            });
        }
        assertThat(rig.pendingStories()).isZero();
    }
}

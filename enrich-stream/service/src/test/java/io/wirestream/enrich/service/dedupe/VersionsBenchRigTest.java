package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code StoryVersionBenchmark} measures the paths it names: each call takes the guard's branch it says. */
class VersionsBenchRigTest {

    final VersionsBenchRig rig = new VersionsBenchRig(3);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aFirstVersionIsFingerprintedAndProbedOncePerIndexPartition() {
        List<DedupeMessage> out = rig.firstVersion();
        assertThat(out.get(0)).isInstanceOfSatisfying(StoryCandidate.class, c -> {
            assertThat(c.firstVersion()).isTrue();
            assertThat(c.expectedAnswers()).isGreaterThan(1).isEqualTo(out.size() - 1);
        });
        assertThat(out.subList(1, out.size())).allSatisfy(m -> assertThat(m).isInstanceOf(IndexProbe.class));
    }

    @Test
    void newerVersionsGoOnUnjudgedAndStaleOnesAreDropped() {
        for (int i = 0; i < 6; i++) {
            assertThat(rig.newerVersion()).singleElement().isInstanceOfSatisfying(StoryCandidate.class,
                    c -> assertThat(c.firstVersion()).isFalse());
        }
        for (int i = 0; i < 6; i++) {
            assertThat(rig.staleVersion()).singleElement().isInstanceOfSatisfying(AuditEvent.class,
                    a -> assertThat(a.audit().getReason()).isEqualTo("stale-version"));
        }
    }

    @Test
    void everyKillKillsALiveStoryAndTheRigRefusesToKillOneTwice() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                assertThat(rig.kill()).singleElement().isInstanceOfSatisfying(StoryCandidate.class,
                        c -> assertThat(c.article().getPubstatus()).isEqualTo(PubStatus.canceled));
            }
            assertThatThrownBy(rig::kill).hasMessageContaining("storiesInWindow");
            rig.revive();
        }
    }
}

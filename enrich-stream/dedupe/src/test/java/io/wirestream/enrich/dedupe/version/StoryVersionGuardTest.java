package io.wirestream.enrich.dedupe.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.dedupe.TestStories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryVersionGuardTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    final StoryVersionGuard guard = new StoryVersionGuard();

    static Optional<StoryState> stored(long version, boolean killed) {
        return Optional.of(new StoryState("ntb:ruling", version, killed, NOW.minusSeconds(60)));
    }

    @Test
    void theFirstVersionIsPublishedAndRemembered() {
        VersionDecision decision = guard.decide(Optional.empty(), TestStories.ruling(1), NOW);
        assertThat(decision.verdict()).isEqualTo(VersionVerdict.PUBLISH);
        assertThat(decision.firstVersion()).isTrue();
        assertThat(decision.newState()).isEqualTo(new StoryState("ntb:ruling", 1, false, NOW));
    }

    @Test
    void aNewerVersionSupersedesAndAnOlderOrEqualOneIsStale() {
        assertThat(guard.decide(stored(2, false), TestStories.ruling(3), NOW).verdict()).isEqualTo(VersionVerdict.PUBLISH);
        VersionDecision equal = guard.decide(stored(2, false), TestStories.ruling(2), NOW);
        assertThat(equal.verdict()).isEqualTo(VersionVerdict.DROP_STALE);
        assertThat(equal.newState().latestVersion()).isEqualTo(2);
        assertThat(guard.decide(stored(2, false), TestStories.ruling(1), NOW).verdict())
                .isEqualTo(VersionVerdict.DROP_STALE);
    }

    @Test
    void aCorrectionIsMarkedWithTheOneSignalDownstreamLooksFor() {
        Article correction = Article.newBuilder(TestStories.ruling(2)).setSignals(List.of("sig:correction")).build();
        VersionDecision decision = guard.decide(stored(1, false), correction, NOW);
        assertThat(decision.verdict()).isEqualTo(VersionVerdict.PUBLISH);
        assertThat(decision.correction()).isTrue();
        assertThat(decision.article().getSignals()).contains("sig:correction", "correction");
        assertThat(guard.decide(stored(1, false), TestStories.ruling(2), NOW).correction()).isFalse();
    }

    @Test
    void aKillIsPublishedWhateverItsVersionAndRestampedAboveTheStoredOne() {
        Article kill = Article.newBuilder(TestStories.ruling(2)).setSignals(List.of("withdrawn")).build();
        VersionDecision decision = guard.decide(stored(5, false), kill, NOW);
        assertThat(decision.verdict()).isEqualTo(VersionVerdict.PUBLISH_KILL);
        assertThat(decision.article().getPubstatus()).isEqualTo(PubStatus.canceled);
        assertThat(decision.article().getVersion()).isEqualTo(6);
        assertThat(decision.newState().killed()).isTrue();

        Article canceled = Article.newBuilder(TestStories.ruling(9)).setPubstatus(PubStatus.canceled).build();
        assertThat(guard.decide(stored(5, false), canceled, NOW).article().getVersion()).isEqualTo(9);
    }

    @Test
    void afterAKillNothingOfTheStoryComesBackNotEvenANewerVersion() {
        assertThat(guard.decide(stored(3, true), TestStories.ruling(2), NOW).verdict())
                .isEqualTo(VersionVerdict.DROP_AFTER_KILL);
        assertThat(guard.decide(stored(3, true), TestStories.ruling(4), NOW).verdict())
                .isEqualTo(VersionVerdict.DROP_AFTER_KILL);
    }

    @Test
    void aKillForAStoryNeverSeenIsStillPublishedSoStoresLearnOfIt() {
        Article kill = Article.newBuilder(TestStories.ruling(1)).setPubstatus(PubStatus.canceled).build();
        VersionDecision decision = guard.decide(Optional.empty(), kill, NOW);
        assertThat(decision.verdict()).isEqualTo(VersionVerdict.PUBLISH_KILL);
        assertThat(decision.newState().killed()).isTrue();
    }
}

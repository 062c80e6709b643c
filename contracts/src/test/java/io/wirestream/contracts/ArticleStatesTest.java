package io.wirestream.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleStatesTest {

    static Article article(PubStatus status, List<String> signals) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        return Article.newBuilder().setUri("testwire:s").setVersion(1).setVersioncreated(at).setPubstatus(status)
                .setSignals(signals).setHeadline("h").setAgency("testwire").setReceivedAt(at).build();
    }

    @Test
    void aCanceledStoryIsKilledWhateverItsSignals() {
        assertThat(ArticleStates.isKill(article(PubStatus.canceled, List.of()))).isTrue();
    }

    @Test
    void theKillSignalKillsAStoryOfAnyStatusInAnyCase() {
        assertThat(ArticleStates.isKill(article(PubStatus.usable, List.of("update", "KILL")))).isTrue();
        assertThat(ArticleStates.isKill(article(PubStatus.withheld, List.of("kill")))).isTrue();
    }

    @Test
    void usableOrWithheldWithoutTheSignalIsNotAKill() {
        assertThat(ArticleStates.isKill(article(PubStatus.usable, List.of("correction", "killed-in-action")))).isFalse();
        assertThat(ArticleStates.isKill(article(PubStatus.withheld, List.of()))).isFalse();
    }
}

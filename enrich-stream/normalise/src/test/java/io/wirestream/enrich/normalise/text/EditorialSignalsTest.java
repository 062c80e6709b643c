package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditorialSignalsTest {

    @Test
    void capitalMarkersAtTheStartOfAClauseKill() {
        assertThat(EditorialSignals.fromAdvisoryText("Eds: KILL this story. It was sent in error.")).contains("kill");
        assertThat(EditorialSignals.fromAdvisoryText("URGENT - MANDATORY KILL")).contains("kill");
        assertThat(EditorialSignals.fromAdvisoryText("Adds byline; ELIMINATION of earlier version")).contains("kill");
        assertThat(EditorialSignals.fromAdvisoryText("Editors: this story has been withdrawn.")).contains("kill");
    }

    @Test
    void storyWordsDoNotKillHoldOrCorrect() {
        assertThat(EditorialSignals.fromAdvisoryText("Updates with senator's withdrawal from committee post"))
                .contains("update").doesNotContain("kill");
        assertThat(EditorialSignals.fromAdvisoryText("Eds: do not use before 0600 GMT")).doesNotContain("kill");
        assertThat(EditorialSignals.fromAdvisoryText("Adds that the rebels killed two soldiers")).doesNotContain("kill");
        assertThat(EditorialSignals.fromAdvisoryText("Adds that coalition talks are on hold")).doesNotContain("hold");
        assertThat(EditorialSignals.fromAdvisoryText("Updates with market correction")).doesNotContain("correction");
    }

    @Test
    void correctionsAreReadFromTheClauseThatAnnouncesThem() {
        assertThat(EditorialSignals.fromAdvisoryText("Eds: Corrects spelling of minister's name")).contains("correction");
        assertThat(EditorialSignals.fromAdvisoryText("Updates with vote; corrects date in 3rd paragraph"))
                .contains("correction", "update");
    }

    @Test
    void takeKeysAreReadAsExactTokens() {
        assertThat(EditorialSignals.fromTakeKey("Kill")).contains("kill");
        assertThat(EditorialSignals.fromTakeKey("1st Ld-Writethru")).contains("update").doesNotContain("kill");
        assertThat(EditorialSignals.fromTakeKey("Correction")).contains("correction");
        assertThat(EditorialSignals.fromTakeKey("Killings")).doesNotContain("kill");
    }
}

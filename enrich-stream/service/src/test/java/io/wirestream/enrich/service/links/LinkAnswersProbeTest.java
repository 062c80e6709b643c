package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.tagging.related.KeyHits;
import org.junit.jupiter.api.Test;

/** The benchmark's invented answers are what the stage would carry: they survive the codec and rank to links. */
class LinkAnswersProbeTest {

    @Test
    void inventedAnswersRoundTripAndRankToAFullSetOfLinks() {
        LinkAnswersProbe probe = LinkAnswersProbe.invented(20, 400, 42);
        assertThat(probe.answers()).hasSize(20).allSatisfy(h -> assertThat(h.postings()).hasSize(KeyHits.RANKED_PER_KEY));
        assertThat(probe.decode(probe.encode())).isEqualTo(probe.answers());
        assertThat(probe.rank()).hasSize(5);
    }
}

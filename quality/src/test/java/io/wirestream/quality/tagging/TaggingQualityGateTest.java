package io.wirestream.quality.tagging;

import io.wirestream.newsformats.corpora.CorporaLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression floors on the shared corpora, a little under what the tagger measured when they were set (see the
 * module README for the numbers and the targets). Skips when the corpora are absent. Reuters is left to the
 * report command: it takes longer than a unit test should.
 */
class TaggingQualityGateTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();

    static Path corpus(String relative) {
        Path corpora = CorporaLocation.find().orElse(null);
        assumeTrue(corpora != null && Files.exists(corpora.resolve(relative)), "corpus " + relative + " absent: skipped");
        return corpora.resolve(relative);
    }

    @Test
    void conllEntitySpans() throws IOException {
        Map<String, PrecisionRecall> byType = new ConllEntityEvaluation(TAGGER, 0.5).evaluate(corpus("conll2003/eng.testa"));
        assertThat(byType.get("PER").f1()).isGreaterThan(0.82);
        assertThat(byType.get("ORG").f1()).isGreaterThan(0.74);
        assertThat(byType.get("LOC").f1()).isGreaterThan(0.87);
    }

    @Test
    void bbcMediaTopics() throws IOException {
        assertThat(new BbcTopicEvaluation(TAGGER).evaluate(corpus("bbc-dev")).accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void ecbPlusRelatedLinks() throws IOException {
        RelatedLinkEvaluation.Result r = new RelatedLinkEvaluation(TAGGER, LinkSettings.defaults())
                .evaluate(LinkingCorpora.ecbPlus(corpus("ecbplus-dev")));
        assertThat(r.precisionAt3()).isGreaterThanOrEqualTo(0.93);
        assertThat(r.sameEventAboveOtherEvent()).isGreaterThan(0.94);
        assertThat(r.pairwiseOrdering()).isGreaterThan(0.91);
        assertThat(r.byPart().get(LinkingCorpora.HELD_OUT).precisionAt3()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void basilRelatedLinks() throws IOException {
        RelatedLinkEvaluation.Result r = new RelatedLinkEvaluation(TAGGER, LinkSettings.defaults())
                .evaluate(LinkingCorpora.basil(corpus("basil-dev/articles")));
        assertThat(r.precisionAt3()).isGreaterThanOrEqualTo(0.93);
        assertThat(r.sameEventAboveOtherEvent()).isGreaterThan(0.93);
        assertThat(r.byPart().get(LinkingCorpora.HELD_OUT).precisionAt3()).isGreaterThanOrEqualTo(0.9);
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.GoldenBytes;
import org.junit.jupiter.api.Test;

/**
 * State written before issue 20 is read after it: the dedupe stage's stores (version states, fates, pending stories
 * and articles, clusters, followers) and its repartition topics hold exactly the bytes in {@code state-v1/dedupe/},
 * written by the codecs as they were. Each decodes to the value it was written from, and is written again the same.
 */
class DedupeStateV1Test {

    @Test
    void versionStates() {
        GoldenBytes.check("dedupe/story-state.hex", StateV1Cases.storyStates(), StateV1Codecs.storyState());
    }

    @Test
    void fates() {
        GoldenBytes.check("dedupe/story-fate.hex", StateV1Cases.storyFates(), StateV1Codecs.storyFate());
    }

    @Test
    void pendingStories() {
        GoldenBytes.check("dedupe/pending-story.hex", StateV1Cases.pendingStories(), StateV1Codecs.pendingStory());
    }

    @Test
    void pendingArticles() {
        GoldenBytes.check("dedupe/pending-article.hex", StateV1Cases.pendingArticles(), StateV1Codecs.pendingArticle());
    }

    @Test
    void clusters() {
        GoldenBytes.check("dedupe/cluster-state.hex", StateV1Cases.clusterStates(), StateV1Codecs.clusterState());
    }

    @Test
    void messagesOnTheRepartitionTopicsAndInTheFollowersStore() {
        GoldenBytes.check("dedupe/dedupe-message.hex", StateV1Cases.messages(), StateV1Codecs.messages());
    }
}

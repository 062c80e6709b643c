package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.version.StoryState;
import org.apache.kafka.common.serialization.Serde;

/** The serdes the stage gives its stores and internal topics, for the golden-bytes test and its generator. */
final class StateV1Codecs {

    /** Articles nested in the state were written in release 1's schema, which a reader learns from the registry. */
    private static final Serde<Article> ARTICLES = new ReleaseOneArticleSerde();
    private static final DedupeBinary BINARY = new DedupeBinary(ARTICLES, "wire.articles");

    private StateV1Codecs() {
    }

    static Serde<StoryState> storyState() {
        return DedupeBinary.storyStates();
    }

    static Serde<StoryFate> storyFate() {
        return StoryFate.serde();
    }

    static Serde<PendingStory> pendingStory() {
        return PendingStory.serde(BINARY);
    }

    static Serde<Article> pendingArticle() {
        return BINARY.articles();
    }

    static Serde<ClusterState> clusterState() {
        return ClusterState.serde(BINARY);
    }

    static Serde<DedupeMessage> messages() {
        return new DedupeMessageSerde(ARTICLES, "wire.articles");
    }
}

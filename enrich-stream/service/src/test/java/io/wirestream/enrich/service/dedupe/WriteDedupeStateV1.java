package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.GoldenBytes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Wrote {@code state-v1/dedupe/} with the codecs as they were before issue 20. Kept to show how the files were made;
 * running it again after a codec change would overwrite what it is meant to prove, so it refuses existing files.
 * Argument: the test resources directory ({@code enrich-stream/service/src/test/resources}).
 */
final class WriteDedupeStateV1 {

    private WriteDedupeStateV1() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "state-v1", "dedupe");
        if (dir.toFile().exists()) {
            throw new IllegalStateException(dir + " exists: golden files are written once, before a codec change");
        }
        String why = "written by WriteDedupeStateV1 with the pre-issue-20 codecs; never regenerate";
        GoldenBytes.write(dir.resolve("story-state.hex"), why,
                GoldenBytes.encode(StateV1Cases.storyStates(), StateV1Codecs.storyState()));
        GoldenBytes.write(dir.resolve("story-fate.hex"), why,
                GoldenBytes.encode(StateV1Cases.storyFates(), StateV1Codecs.storyFate()));
        GoldenBytes.write(dir.resolve("pending-story.hex"), why,
                GoldenBytes.encode(StateV1Cases.pendingStories(), StateV1Codecs.pendingStory()));
        GoldenBytes.write(dir.resolve("pending-article.hex"), why,
                GoldenBytes.encode(StateV1Cases.pendingArticles(), StateV1Codecs.pendingArticle()));
        GoldenBytes.write(dir.resolve("cluster-state.hex"), why,
                GoldenBytes.encode(StateV1Cases.clusterStates(), StateV1Codecs.clusterState()));
        GoldenBytes.write(dir.resolve("dedupe-message.hex"), why,
                GoldenBytes.encode(StateV1Cases.messages(), StateV1Codecs.messages()));
    }
}

package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.GoldenBytes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Wrote {@code state-v1/links/} with the codecs as they were before issue 20. Kept to show how the files were made;
 * running it again after a codec change would overwrite what it is meant to prove, so it refuses existing files.
 * Argument: the test resources directory ({@code enrich-stream/service/src/test/resources}).
 */
final class WriteLinkStateV1 {

    private WriteLinkStateV1() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "state-v1", "links");
        if (dir.toFile().exists()) {
            throw new IllegalStateException(dir + " exists: golden files are written once, before a codec change");
        }
        String why = "written by WriteLinkStateV1 with the pre-issue-20 codecs; never regenerate";
        GoldenBytes.write(dir.resolve("posting.hex"), why, GoldenBytes.encode(StateV1Cases.postings(), StateV1Codecs.postings()));
        GoldenBytes.write(dir.resolve("link-message.hex"), why,
                GoldenBytes.encode(StateV1Cases.messages(), StateV1Codecs.messages()));
        GoldenBytes.write(dir.resolve("link-part.hex"), why, GoldenBytes.encode(StateV1Cases.parts(), StateV1Codecs.parts()));
        GoldenBytes.write(dir.resolve("pending-links.hex"), why,
                GoldenBytes.encode(StateV1Cases.pendingLinks(), StateV1Codecs.pendingLinks()));
        GoldenBytes.write(dir.resolve("indexed-keys.hex"), why,
                GoldenBytes.encode(StateV1Cases.indexedKeys(), StateV1Codecs.indexedKeys()));
    }
}

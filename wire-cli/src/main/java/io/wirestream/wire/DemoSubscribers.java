package io.wirestream.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The subscribers file of local mode: written once into the data directory from the bundled example (three sites
 * with different products), then left to the user, who may edit it while `wire up` runs.
 */
final class DemoSubscribers {

    static final String RESOURCE = "/local/subscribers.yaml";

    private DemoSubscribers() {}

    /**
     * The file, written from the bundled example when it does not exist, with the hashes of the read keys made for
     * its subscribers ({@link DemoReadKeys}).
     */
    static Path prepare(Path dir, DemoReadKeys readKeys) {
        Path file = dir.resolve("subscribers.yaml");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                try (InputStream in = DemoSubscribers.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("the example subscribers file is missing from the build: " + RESOURCE);
                    }
                    Files.writeString(file, readKeys.fill(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the subscribers file in " + dir, e);
        }
    }
}

package io.wirestream.enrich.tagging.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared evaluation corpora are: system property {@code wirestream.corpora}, else {@code ../shared/corpora}
 * relative to the working directory or its parents. The corpora are read for measurement only; nothing from them is
 * copied into the project.
 */
public final class CorporaLocation {

    private CorporaLocation() {
    }

    public static Optional<Path> find() {
        String property = System.getProperty("wirestream.corpora");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Optional.of(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpora").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

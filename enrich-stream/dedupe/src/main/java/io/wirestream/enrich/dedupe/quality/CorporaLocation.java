package io.wirestream.enrich.dedupe.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared evaluation corpora are: system property {@code wirestream.corpora} (the build sets it), else
 * {@code ../shared/corpora} from the working directory. The corpora are read, never copied into the project.
 */
public final class CorporaLocation {

    public static final String PROPERTY = "wirestream.corpora";

    private CorporaLocation() {
    }

    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "corpora");
        return Files.isDirectory(path) ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
    }
}

package io.wirestream.newsformats.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the shared evaluation corpora are, for the quality reports and the tests that read them: the system property
 * {@code wirestream.corpora} (the build sets it), else {@code ../shared/corpora} beside the working directory or one
 * of its parents, or beside one of the extra starting points a caller gives (the CLI gives its jar's folder). The
 * corpora are read in place, never copied into the project; callers skip plainly when nothing is found.
 */
public final class CorporaLocation {

    public static final String PROPERTY = "wirestream.corpora";

    private CorporaLocation() {}

    public static Optional<Path> find(Path... alsoFrom) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        for (Path p : alsoFrom) {
            starts.add(p.toAbsolutePath());
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("../shared/corpora").normalize();
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

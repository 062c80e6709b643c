package io.wirestream.ingest.pull;

import io.wirestream.ingest.auth.AgencyName;
import io.wirestream.runtime.config.DurationText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pull sources of one deployment, read from the sources file ({@code ingest.sources.file}). One source per line,
 * {@code #} starts a comment:
 * <pre>
 * feed   &lt;agency&gt; &lt;http(s) URL&gt; [every=5m]
 * folder &lt;agency&gt; &lt;directory&gt;
 * </pre>
 * The agency on every item from a source is the one named here.
 */
public record PullSources(List<FeedSource> feeds, List<DropFolderSource> folders) {

    /** An RSS 2.0 or Atom feed polled for an agency. */
    public record FeedSource(String agency, URI url, Duration interval) {}

    /** A directory an agency (or its FTP server) drops files into. */
    public record DropFolderSource(String agency, Path directory) {}

    public static PullSources none() {
        return new PullSources(List.of(), List.of());
    }

    public static PullSources read(Path file, Duration defaultInterval) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), defaultInterval, file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sources file " + file, e);
        }
    }

    /** Relative folder paths are taken relative to {@code baseDir} (the sources file's directory). */
    public static PullSources parse(List<String> lines, Duration defaultInterval, Path baseDir) {
        List<FeedSource> feeds = new ArrayList<>();
        List<DropFolderSource> folders = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            String where = "sources line " + (i + 1) + ": ";
            if (parts.length < 3 || !AgencyName.isValid(parts[1])) {
                throw new IllegalArgumentException(where + "expected 'feed <agency> <url> [every=5m]' or 'folder <agency> <dir>'");
            }
            switch (parts[0]) {
                case "feed" -> {
                    URI url = URI.create(parts[2]);
                    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                        throw new IllegalArgumentException(where + "a feed URL must be http or https: " + parts[2]);
                    }
                    Duration every = defaultInterval;
                    for (int j = 3; j < parts.length; j++) {
                        if (parts[j].startsWith("every=")) {
                            every = DurationText.parse(parts[j].substring(6));
                        } else {
                            throw new IllegalArgumentException(where + "unknown option " + parts[j]);
                        }
                    }
                    feeds.add(new FeedSource(parts[1], url, every));
                }
                case "folder" -> {
                    if (parts.length != 3) {
                        throw new IllegalArgumentException(where + "a folder line is 'folder <agency> <dir>' (no spaces in the path)");
                    }
                    Path dir = Path.of(parts[2]);
                    folders.add(new DropFolderSource(parts[1], baseDir == null || dir.isAbsolute() ? dir : baseDir.resolve(dir)));
                }
                default -> throw new IllegalArgumentException(where + "unknown source kind '" + parts[0] + "' (feed or folder)");
            }
        }
        return new PullSources(List.copyOf(feeds), List.copyOf(folders));
    }
}

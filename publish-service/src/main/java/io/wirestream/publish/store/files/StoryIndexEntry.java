package io.wirestream.publish.store.files;

import io.wirestream.publish.store.StoryStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

/**
 * What the file store knows about one story besides its public file: the version guard's memory and where the
 * file lives (fixed at first sight, so later versions overwrite the same file instead of leaving old ones behind).
 *
 * @param relativePath     the story's file under the public directory
 * @param awaitingRelease  the current version waits in the embargo folder until {@code embargoed}
 */
record StoryIndexEntry(String uri, long version, StoryStatus status, String relativePath, Instant embargoed,
                       boolean awaitingRelease) {

    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("uri", uri);
        p.setProperty("version", Long.toString(version));
        p.setProperty("status", status.dbValue());
        p.setProperty("path", relativePath);
        if (embargoed != null) {
            p.setProperty("embargoed", embargoed.toString());
        }
        p.setProperty("awaitingRelease", Boolean.toString(awaitingRelease));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static StoryIndexEntry parse(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        String embargoed = p.getProperty("embargoed");
        return new StoryIndexEntry(p.getProperty("uri"), Long.parseLong(p.getProperty("version")),
                StoryStatus.fromDb(p.getProperty("status")), p.getProperty("path"),
                embargoed == null ? null : Instant.parse(embargoed), Boolean.parseBoolean(p.getProperty("awaitingRelease")));
    }

    StoryIndexEntry with(long newVersion, StoryStatus newStatus, Instant newEmbargo, boolean newAwaiting) {
        return new StoryIndexEntry(uri, newVersion, newStatus, relativePath, newEmbargo, newAwaiting);
    }
}

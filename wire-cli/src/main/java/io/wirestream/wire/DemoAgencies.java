package io.wirestream.wire;

import io.wirestream.ingest.auth.ApiKeyHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * API keys for local mode. Made once per data directory and kept there, so a restart keeps working keys. The
 * credentials file ingest reads holds only hashes; the plain keys sit beside it for the local user's convenience
 * (this is a single-user laptop setup, not how production keys are handled).
 */
final class DemoAgencies {

    static final Set<String> AGENCIES = Set.of("demo", "acme", "northstar", "globe", "meridian", "condor", "fieldnotes", "lowlands");

    private final Path credentialsFile;
    private final TreeMap<String, String> keys = new TreeMap<>();

    DemoAgencies(Path ingestDir) {
        this.credentialsFile = ingestDir.resolve("credentials");
        Path keysFile = ingestDir.resolve("local-api-keys.properties");
        try {
            Files.createDirectories(ingestDir);
            Properties stored = new Properties();
            if (Files.exists(keysFile)) {
                try (InputStream in = Files.newInputStream(keysFile)) {
                    stored.load(in);
                }
            }
            boolean changed = false;
            for (String agency : new TreeSet<>(AGENCIES)) {
                if (stored.getProperty(agency) == null) {
                    stored.setProperty(agency, ApiKeyHash.newKey());
                    changed = true;
                }
                keys.put(agency, stored.getProperty(agency));
            }
            if (changed || !Files.exists(keysFile)) {
                try (OutputStream out = Files.newOutputStream(keysFile)) {
                    stored.store(out, "local-mode API keys (plain text, local use only)");
                }
            }
            StringBuilder lines = new StringBuilder("# written by `wire up`: agency and SHA-256 of its key\n");
            keys.forEach((agency, key) -> lines.append(ApiKeyHash.credentialsLine(agency, key)).append('\n'));
            Files.writeString(credentialsFile, lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare local API keys in " + ingestDir, e);
        }
    }

    Path credentialsFile() {
        return credentialsFile;
    }

    String keyOf(String agency) {
        String key = keys.get(agency);
        if (key == null) {
            throw new IllegalArgumentException("no local key for agency " + agency + "; known: " + keys.keySet());
        }
        return key;
    }
}

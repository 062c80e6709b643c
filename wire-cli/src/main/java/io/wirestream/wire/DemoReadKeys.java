package io.wirestream.wire;

import io.wirestream.ingest.auth.ApiKeyHash;
import io.wirestream.subscriptions.SubscriberConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read API keys of local mode: one operator key (reads everything: the demo report, `wire faults`, the tests) and
 * one key per example subscriber, made once per data directory and kept beside the subscribers file, as the agency
 * keys are kept beside ingest's credentials. The subscribers file holds only their hashes (written where the bundled
 * example says {@code ${read-key-hash:<id>}}). Local, single-user convenience, not how production keys are handled.
 */
public final class DemoReadKeys {

    public static final String FILE = "local-read-keys.properties";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{read-key-hash:([a-z0-9-]+)}");
    private static final String OPERATOR = "operator";
    private static final String SUBSCRIBER = "subscriber.";

    private final Path file;
    private final Properties keys = new Properties();

    private DemoReadKeys(Path file) {
        this.file = file;
    }

    /** The keys kept in this folder, with an operator key made if there is none yet. */
    static DemoReadKeys load(Path dir) {
        DemoReadKeys k = new DemoReadKeys(dir.resolve(FILE));
        try {
            Files.createDirectories(dir);
            if (Files.exists(k.file)) {
                try (InputStream in = Files.newInputStream(k.file)) {
                    k.keys.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local read keys in " + dir, e);
        }
        if (k.keys.getProperty(OPERATOR) == null) {
            k.keys.setProperty(OPERATOR, ApiKeyHash.newKey());
            k.save();
        }
        return k;
    }

    /** The template with each {@code ${read-key-hash:<id>}} replaced by the hash of that subscriber's key (made if new). */
    String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            String key = keys.getProperty(SUBSCRIBER + id);
            if (key == null) {
                key = ApiKeyHash.newKey();
                keys.setProperty(SUBSCRIBER + id, key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(SubscriberConfig.keyHash(key)));
        }
        m.appendTail(out);
        save();
        return out.toString();
    }

    String operatorKey() {
        return keys.getProperty(OPERATOR);
    }

    /** The subscriber's key, or null when this data directory made none for it (a file written before read keys). */
    String keyOf(String subscriberId) {
        return keys.getProperty(SUBSCRIBER + subscriberId);
    }

    Map<String, String> subscriberKeys() {
        Map<String, String> out = new TreeMap<>();
        keys.stringPropertyNames().stream().filter(n -> n.startsWith(SUBSCRIBER))
                .forEach(n -> out.put(n.substring(SUBSCRIBER.length()), keys.getProperty(n)));
        return out;
    }

    private void save() {
        try (OutputStream out = Files.newOutputStream(file)) {
            keys.store(out, "local-mode read API keys (plain text, local use only); the subscribers file holds their hashes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

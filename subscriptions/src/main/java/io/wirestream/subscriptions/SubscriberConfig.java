package io.wirestream.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribers in force: one parsed and validated subscribers file.
 *
 * @param digest SHA-256 of the file's bytes, to name the version in logs, health and metrics
 */
public record SubscriberConfig(List<Subscriber> subscribers, String digest) {

    public static final SubscriberConfig EMPTY = new SubscriberConfig(List.of(), "");

    public SubscriberConfig {
        subscribers = List.copyOf(subscribers);
    }

    public Subscriber byId(String id) {
        for (Subscriber s : subscribers) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The subscriber one of whose {@code credentials.apiKeys} is the SHA-256 of this key ({@link #keyHash}), or null.
     * Every subscriber is looked at, so the time taken does not tell how far down the list a key is.
     */
    public Subscriber byApiKey(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        byte[] presented = keyHash(key).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Subscriber found = null;
        for (Subscriber s : subscribers) {
            for (String hash : s.apiKeyHashes()) {
                if (java.security.MessageDigest.isEqual(presented, hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    found = s;
                }
            }
        }
        return found;
    }

    /** How a key is written in the file: {@code sha256:} and the 64 lower-case hex digits of its SHA-256. */
    public static String keyHash(String key) {
        return "sha256:" + io.wirestream.newsformats.hash.Sha256.hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Map<String, Subscriber> byId() {
        Map<String, Subscriber> m = new LinkedHashMap<>();
        subscribers.forEach(s -> m.put(s.id(), s));
        return m;
    }
}

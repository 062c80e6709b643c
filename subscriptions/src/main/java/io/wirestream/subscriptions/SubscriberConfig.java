package io.wirestream.subscriptions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribers in force: one parsed and validated subscribers file. Built once each time a file is applied, it
 * indexes the subscribers by their key hashes then, so finding a request's subscriber is one map look-up.
 */
public final class SubscriberConfig {

    public static final SubscriberConfig EMPTY = new SubscriberConfig(List.of(), "");

    private final List<Subscriber> subscribers;
    private final String digest;
    private final Map<String, Subscriber> byKeyHash;

    /** @param digest SHA-256 of the file's bytes, to name the version in logs, health and metrics */
    public SubscriberConfig(List<Subscriber> subscribers, String digest) {
        this.subscribers = List.copyOf(subscribers);
        this.digest = digest;
        Map<String, Subscriber> index = new HashMap<>();
        // a hash listed under two subscribers goes to the later one, as the linear scan this replaces did
        this.subscribers.forEach(s -> s.apiKeyHashes().forEach(h -> index.put(h, s)));
        this.byKeyHash = Map.copyOf(index);
    }

    public List<Subscriber> subscribers() {
        return subscribers;
    }

    public String digest() {
        return digest;
    }

    public Subscriber byId(String id) {
        for (Subscriber s : subscribers) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The subscriber one of whose {@code credentials.apiKeys} is the SHA-256 of this key ({@link #keyHash}), or null. */
    public Subscriber byApiKey(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        return byKeyHash(keyHash(key));
    }

    /**
     * The subscriber with this key hash ({@code sha256:<hex>}, as {@link #keyHash} makes it), or null. A map look-up:
     * its timing can only tell something about the hash of a key, which gives nothing towards a key itself.
     */
    public Subscriber byKeyHash(String hash) {
        return hash == null ? null : byKeyHash.get(hash);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SubscriberConfig other && subscribers.equals(other.subscribers) && digest.equals(other.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(subscribers, digest);
    }

    @Override
    public String toString() {
        return "SubscriberConfig[subscribers=" + subscribers + ", digest=" + digest + "]";
    }
}

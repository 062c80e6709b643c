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

    public Map<String, Subscriber> byId() {
        Map<String, Subscriber> m = new LinkedHashMap<>();
        subscribers.forEach(s -> m.put(s.id(), s));
        return m;
    }
}

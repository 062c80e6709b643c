package io.wirestream.subscribers.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.subscriptions.EditorialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Who received one story, and what they last received: the state that makes a later version, a correction or a kill
 * reach every subscriber that received the story (whether or not the new version still matches its product) and
 * no one else. Kept per story uri in the fan-out's {@code subscriber-deliveries} store, a compacted changelog.
 * Stored as a small JSON object: {@code {"harbour-daily":{"v":3,"d":"<digest>","s":"correction","t":<millis>}}}.
 */
public final class Recipients {

    /** What one subscriber last received of the story. */
    public record Received(long version, String digest, EditorialState state, long atMillis) {
        public boolean killed() {
            return state == EditorialState.KILLED;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<String, Received> bySubscriber;

    public Recipients() {
        this(new TreeMap<>());
    }

    private Recipients(TreeMap<String, Received> bySubscriber) {
        this.bySubscriber = bySubscriber;
    }

    public Received get(String subscriberId) {
        return bySubscriber.get(subscriberId);
    }

    public void put(String subscriberId, Received received) {
        bySubscriber.put(subscriberId, received);
    }

    public Map<String, Received> all() {
        return java.util.Collections.unmodifiableMap(bySubscriber);
    }

    public boolean isEmpty() {
        return bySubscriber.isEmpty();
    }

    /** The latest time anyone received the story. */
    public long lastDeliveredMillis() {
        return bySubscriber.values().stream().mapToLong(Received::atMillis).max().orElse(0);
    }

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        bySubscriber.forEach((id, r) -> root.putObject(id).put("v", r.version()).put("d", r.digest())
                .put("s", r.state().configName()).put("t", r.atMillis()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Recipients fromBytes(byte[] bytes) {
        TreeMap<String, Received> map = new TreeMap<>();
        try {
            JsonNode root = JSON.readTree(bytes);
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode r = f.getValue();
                map.put(f.getKey(), new Received(r.path("v").asLong(), r.path("d").asText(),
                        EditorialState.valueOf(r.path("s").asText().toUpperCase(java.util.Locale.ROOT)), r.path("t").asLong()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable recipients state", e);
        }
        return new Recipients(map);
    }

    public static Serde<Recipients> serde() {
        Serializer<Recipients> ser = (topic, r) -> r == null ? null : r.toBytes();
        Deserializer<Recipients> de = (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
        return Serdes.serdeFrom(ser, de);
    }
}

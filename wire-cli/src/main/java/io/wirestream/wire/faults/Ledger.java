package io.wirestream.wire.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.topics.TopicDef;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.wire.bench.BenchItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Where every accepted item went, counted from what the pipeline wrote, never from what it says of itself: the story's
 * uri in the store (read API change feed, or the PostgreSQL table), a dedupe decision on wire.dedupe-audit, or a
 * rejection on wire.rejected. An item found in none of them is lost. A story whose same version with the same content
 * (processing time aside) is on wire.articles more than once is a story published twice.
 */
final class Ledger {

    /** The count for one fault. */
    record Count(int accepted, int published, int merged, int rejected, int lost, int publishedTwice, List<String> lostSample) {
        boolean holds() {
            return lost == 0 && publishedTwice == 0 && published + merged + rejected == accepted;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final Map<String, Object> serde;
    private final String readApiUrl;
    private final String readApiKey;
    private final String postgresJdbcUrl;
    private final String postgresSchema;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param readApiKey      the pipeline's operator read key (local mode gives its read API a subscribers file), or
     *                        null for an open read API
     * @param postgresJdbcUrl the database itself (not the proxy), or null to count published stories from the read API
     */
    Ledger(String bootstrap, String registryUrl, String readApiUrl, String readApiKey, String postgresJdbcUrl, String postgresSchema) {
        this.bootstrap = bootstrap;
        this.serde = Map.of("schema.registry.url", registryUrl);
        this.readApiUrl = readApiUrl;
        this.readApiKey = readApiKey;
        this.postgresJdbcUrl = postgresJdbcUrl;
        this.postgresSchema = postgresSchema;
    }

    Count count(Collection<BenchItem> accepted) throws Exception {
        Set<String> stored = postgresJdbcUrl == null ? storedViaReadApi() : storedInPostgres();
        Set<String> merged = new HashSet<>();
        readAll(Topics.DEDUPE_AUDIT, (DedupeAudit a) -> merged.add(a.getUri().toString()));
        Set<String> rejectedIds = new HashSet<>();
        readAll(Topics.REJECTED, (Rejection r) -> {
            if (r.getRaw() != null && r.getRaw().getItemId() != null) {
                rejectedIds.add(r.getRaw().getAgency() + "/" + r.getRaw().getItemId());
            }
        });
        // the same version may be written again with new content (a copy joined its cluster, a link was added): that
        // is an update. The same content twice, whatever the processing time, is the story published twice.
        Map<String, Integer> writes = new HashMap<>();
        readAll(Topics.ARTICLES, (Article a) -> writes.merge(a.getUri() + "#" + a.getVersion() + "#"
                + Article.newBuilder(a).setProcessedAt(java.time.Instant.EPOCH).build().hashCode(), 1, Integer::sum));
        Map<String, Integer> twiceByUri = new HashMap<>();
        writes.forEach((key, n) -> {
            if (n > 1) {
                twiceByUri.merge(key.substring(0, key.indexOf('#')), 1, Integer::sum);
            }
        });

        int published = 0, mergedCount = 0, rejected = 0, twice = 0;
        List<String> lost = new ArrayList<>();
        for (BenchItem item : accepted) {
            if (twiceByUri.containsKey(item.uri())) {
                twice++;
            }
            if (stored.contains(item.uri())) {
                published++;
            } else if (merged.contains(item.uri())) {
                mergedCount++;
            } else if (rejectedIds.contains(item.agency() + "/" + item.itemId())) {
                rejected++;
            } else {
                lost.add(item.uri());
            }
        }
        return new Count(accepted.size(), published, mergedCount, rejected, lost.size(), twice,
                lost.subList(0, Math.min(3, lost.size())));
    }

    private Set<String> storedViaReadApi() throws Exception {
        Set<String> uris = new HashSet<>();
        long cursor = 0;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(readApiUrl + "/v1/changes?since=" + cursor
                    + "&limit=1000")).timeout(Duration.ofSeconds(30));
            if (readApiKey != null) {
                request.header("Authorization", "Bearer " + readApiKey);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /v1/changes answered " + r.statusCode());
            }
            JsonNode body = JSON.readTree(r.body());
            int got = 0;
            for (JsonNode change : body.path("changes")) {
                uris.add(change.path("uri").asText());
                got++;
            }
            long next = Long.parseLong(body.path("nextCursor").asText(Long.toString(cursor)));
            if (got == 0 || next == cursor) {
                return uris;
            }
            cursor = next;
        }
    }

    private Set<String> storedInPostgres() throws Exception {
        Set<String> uris = new HashSet<>();
        try (Connection c = DriverManager.getConnection(postgresJdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT uri FROM " + postgresSchema + ".articles")) {
            while (rs.next()) {
                uris.add(rs.getString(1));
            }
        }
        return uris;
    }

    /** Reads a topic from its start to its current end, committed records only. */
    private <V> void readAll(TopicDef<String, V> topic, Consumer<V> sink) {
        Deserializer<V> values = topic.valueSerde(serde).deserializer();
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "enable.auto.commit", false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        sink.accept(values.deserialize(topic.name(), r.value()));
                    }
                }
            }
        }
    }
}

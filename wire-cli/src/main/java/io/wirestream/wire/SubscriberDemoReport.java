package io.wirestream.wire;

import io.wirestream.runtime.kafka.GroupProgress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.subscribers.SubscriberSettings;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.fanout.FanOutProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * After the demo: what each configured subscriber received on its own topic, story by story (every version, its
 * editorial state and headline), once subscriber-service has fanned out everything on {@code wire.articles}.
 */
final class SubscriberDemoReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private final LocalPipeline pipeline;

    SubscriberDemoReport(LocalPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What one subscriber's topic holds: story uri -> "v1 usable: headline", in topic order. */
    Map<String, Map<String, List<String>>> received() {
        SubscriberConfig config = pipeline.subscribers().subscribers().get();
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (Subscriber s : config.subscribers()) {
            if (s.topic()) {
                out.put(s.id(), read(pipeline.subscribers().topics().topicOf(s.id())));
            }
        }
        return out;
    }

    void print(PrintStream out) {
        if (pipeline.subscribers() == null) {
            return;
        }
        boolean caughtUp = awaitFanOut();
        out.println();
        out.println("Subscribers (" + pipeline.subscribersFile() + "; edit it while this runs, it is re-read):");
        if (!caughtUp) {
            out.println("  (the fan-out had not caught up within " + PATIENCE.toSeconds() + " s; showing what it wrote so far)");
        }
        SubscriberConfig config = pipeline.subscribers().subscribers().get();
        Map<String, Map<String, List<String>>> received = received();
        for (Subscriber s : config.subscribers()) {
            String products = s.products().stream().map(p -> p.name()).collect(Collectors.joining(", "));
            out.println("  " + s.id() + " (" + s.format().configName() + " ninjs; products: " + products + ")"
                    + (s.topic() ? " on " + pipeline.subscribers().topics().topicOf(s.id()) : "")
                    + (s.webhook() != null ? ", webhook to " + s.webhook().url().getHost() : ""));
            Map<String, List<String>> stories = received.getOrDefault(s.id(), Map.of());
            if (stories.isEmpty()) {
                out.println("      (nothing: no story matched its products)");
            }
            stories.forEach((uri, versions) -> out.println("      " + String.join("  ->  ", versions)));
            out.println("      " + readApiLine(s.id(), stories.keySet()));
        }
    }

    /**
     * One line: what the subscriber's read API key reads (its change feed) against what its topic received, and
     * that a story it was not given answers 404 to it.
     */
    private String readApiLine(String id, java.util.Set<String> onTopic) {
        String key = pipeline.readApiKey(id);
        if (key == null) {
            return "read API: no key made for it (its subscribers file predates read keys)";
        }
        try {
            java.util.Set<String> readable = readable(key);
            java.util.Set<String> others = new java.util.TreeSet<>(readable(pipeline.readApiKey()));
            others.removeAll(readable);
            String comparison = readable.equals(onTopic) ? "the same stories as its topic"
                    : "its topic has " + onTopic.size() + " (" + difference(onTopic, readable) + ")";
            String hidden = others.isEmpty() ? "" : "; another's story answers it " + articleStatus(others.iterator().next(), key);
            return "read API with its key: " + readable.size() + (readable.size() == 1 ? " story" : " stories")
                    + " in /v1/changes, " + comparison + hidden;
        } catch (IOException | RuntimeException e) {
            return "read API: could not be read (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "read API: interrupted";
        }
    }

    private static String difference(java.util.Set<String> topic, java.util.Set<String> api) {
        java.util.Set<String> onlyTopic = new java.util.TreeSet<>(topic);
        onlyTopic.removeAll(api);
        java.util.Set<String> onlyApi = new java.util.TreeSet<>(api);
        onlyApi.removeAll(topic);
        return "only on the topic: " + onlyTopic + ", only in the read API: " + onlyApi;
    }

    /** The story uris a read API key's change feed lists, from the start. */
    java.util.Set<String> readable(String key) throws IOException, InterruptedException {
        java.util.Set<String> uris = new java.util.TreeSet<>();
        String cursor = "0";
        for (int page = 0; page < 1000; page++) {
            JsonNode body = JSON.readTree(send("/v1/changes?limit=1000&since=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8), key).body());
            body.path("changes").forEach(c -> uris.add(c.path("uri").asText()));
            String next = body.path("nextCursor").asText(cursor);
            if (next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        return uris;
    }

    int articleStatus(String uri, String key) throws IOException, InterruptedException {
        return send("/v1/articles/" + java.net.URLEncoder.encode(uri, StandardCharsets.UTF_8).replace("+", "%20"), key).statusCode();
    }

    private java.net.http.HttpResponse<String> send(String path, String key) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(pipeline.readApiUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        java.net.http.HttpResponse<String> r = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500 || r.statusCode() == 401 || r.statusCode() == 400) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return r;
    }

    private boolean awaitFanOut() {
        String group = pipeline.settings().get(SubscriberSettings.APPLICATION_ID);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp(group)) {
                return true;
            }
            try {
                Thread.sleep(300); // polling a running pipeline for a human-facing report
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean caughtUp(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", pipeline.bootstrapServers()))) {
            return GroupProgress.caughtUp(admin, group, Topics.ARTICLES.name());
        } catch (Exception e) {
            return false;
        }
    }

    private Map<String, List<String>> read(String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", pipeline.bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", false);
        Map<String, List<String>> byStory = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return byStory;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            Map<String, String> lastVersion = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                String version = header(r, FanOutProcessor.HEADER_VERSION);
                // the same version again is a revision: in extended ninjs, its duplicate cluster or related links changed
                String revision = r.value() != null && version.equals(lastVersion.put(r.key(), version)) ? " (revised)" : "";
                byStory.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(describe(r) + revision);
            }
        }
        return byStory;
    }

    private static String describe(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return "tombstone";
        }
        String version = header(r, FanOutProcessor.HEADER_VERSION);
        String state = header(r, FanOutProcessor.HEADER_STATE);
        String headline = "";
        try {
            JsonNode doc = JSON.readTree(r.value());
            headline = doc.path("headlines").path(0).path("value").asText("");
        } catch (IOException e) {
            headline = "(unreadable)";
        }
        return "v" + version + " " + state + (headline.isEmpty() ? "" : ": " + headline);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package io.wirestream.ingest;

import io.wirestream.avro.RawItem;
import io.wirestream.ingest.auth.ApiKeyHash;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The service on a free port in front of a real broker and schema registry (the suite's {@link TestInfrastructure},
 * which the harness closes), with helpers to push and to read wire.raw.
 */
final class IngestHarness implements AutoCloseable {

    final TestInfrastructure infrastructure;
    final Path dir;
    final Path credentials;
    final Settings settings;
    IngestService service;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IngestHarness(TestInfrastructure infrastructure, Map<String, String> extraSettings, Map<String, String> agencyKeys) throws IOException {
        this.infrastructure = infrastructure;
        dir = Files.createTempDirectory("ingest-it-");
        credentials = dir.resolve("credentials.txt");
        writeCredentials(agencyKeys);
        Map<String, String> values = new HashMap<>();
        values.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        values.put("registry.url", infrastructure.registryUrl());
        values.put("ingest.http.host", "127.0.0.1");
        values.put("ingest.http.port", "0");
        values.put("ingest.credentials.file", credentials.toString());
        values.put("ingest.credentials.recheck", "0s");
        values.put("ingest.state.dir", dir.resolve("state").toString());
        values.putAll(extraSettings);
        settings = Settings.ofValues(values);
        try {
            service = new IngestService(settings);
            service.start();
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    void writeCredentials(Map<String, String> agencyKeys) throws IOException {
        StringBuilder lines = new StringBuilder("# written by the test\n");
        agencyKeys.forEach((key, agency) -> lines.append(ApiKeyHash.credentialsLine(agency, key)).append('\n'));
        Path tmp = dir.resolve("credentials.tmp");
        Files.writeString(tmp, lines);
        Files.move(tmp, credentials, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops the service and starts a new one on the same settings and state, as after a process restart. */
    void restartService() {
        service.stop();
        service = new IngestService(settings);
        service.start();
    }

    String base() {
        return "http://127.0.0.1:" + service.port();
    }

    HttpResponse<String> post(String path, String apiKey, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET();
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every record on wire.raw, read from the beginning until {@code expected} are there or the time is up. */
    List<ConsumerRecord<String, RawItem>> readRaw(int expected, Duration within) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> serde = Map.of("schema.registry.url", infrastructure.registryUrl());
        List<ConsumerRecord<String, RawItem>> records = new ArrayList<>();
        try (KafkaConsumer<String, RawItem> consumer = new KafkaConsumer<>(p, Topics.RAW.keySerde(serde).deserializer(),
                Topics.RAW.valueSerde(serde).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                boolean atEnd = partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
                if (records.size() >= expected && atEnd) {
                    break;
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        service.stop();
        infrastructure.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}

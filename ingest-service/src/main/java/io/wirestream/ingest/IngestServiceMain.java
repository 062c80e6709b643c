package io.wirestream.ingest;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Runs ingest-service: {@code java io.wirestream.ingest.IngestServiceMain [ingest.properties]}. Settings come from the
 * optional properties file and {@code WIRE_*} environment variables (see {@link IngestSettings}); loading, validation,
 * shutdown and exit codes are {@link ServiceMain}'s.
 */
public final class IngestServiceMain {

    /**
     * What ingest-service may be configured with (the shared Kafka settings and {@code kafka.client.*} come on top, from
     * {@link ServiceMain}); of {@code kafka.client.*} it also refuses what its receipts rest on: the timeouts
     * {@code ingest.kafka.timeout} sets, and the partitioner that keeps a story's versions on one partition.
     */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(IngestSettings.ALL)
            .withPassthrough(KafkaClientPassthrough.CLIENTS.refusing(refusedClientProperties()));

    static Map<String, String> refusedClientProperties() {
        String timeout = "ingest derives it from " + IngestSettings.KAFKA_TIMEOUT.key() + " (" + IngestSettings.KAFKA_TIMEOUT.envVar()
                + "), so no push waits longer than that and no delivery outlives the 503 its push was answered with";
        String partitioner = "ingest partitions raw items by the murmur2 hash of their key, so the versions of a story share a "
                + "partition and keep their order";
        return Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout, ProducerConfig.PARTITIONER_CLASS_CONFIG, partitioner,
                ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, partitioner);
    }

    private IngestServiceMain() {}

    public static void main(String[] args) {
        ServiceMain.run("ingest-service", DECLARED, IngestService::new, args);
    }
}

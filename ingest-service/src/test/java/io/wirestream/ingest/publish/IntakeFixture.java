package io.wirestream.ingest.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.RawItem;
import io.wirestream.ingest.classify.FormatDetectorClassifier;
import io.wirestream.ingest.metrics.IngestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An intake in front of Kafka's MockProducer, for unit tests of the pull sources. When "Kafka is down" sends are never
 * completed, so the publisher's bounded wait runs out exactly as with a stopped broker.
 */
public final class IntakeFixture {

    public final MockProducer<String, RawItem> producer;
    public final ItemIntake intake;
    public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private IntakeFixture(boolean autoComplete, Duration kafkaTimeout) {
        producer = new MockProducer<>(autoComplete, null, new StringSerializer(), (topic, value) -> new byte[0]);
        RawItemPublisher publisher = new RawItemPublisher(producer, kafkaTimeout, Clock.systemUTC(), metrics);
        intake = new ItemIntake(new FormatDetectorClassifier(), publisher, new IngestMetrics(metrics), 1024 * 1024, Duration.ofSeconds(3));
    }

    public static IntakeFixture kafkaUp() {
        return new IntakeFixture(true, Duration.ofMillis(200));
    }

    public static IntakeFixture kafkaDown() {
        return new IntakeFixture(false, Duration.ofMillis(200));
    }

    /** Sends wait until the test completes them (or the given timeout runs out). */
    public static IntakeFixture manualAcks(Duration kafkaTimeout) {
        return new IntakeFixture(false, kafkaTimeout);
    }

    public List<RawItem> sent() {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    public double count(String outcome, String reason) {
        return metrics.find(IngestMetrics.ITEMS).tag("outcome", outcome).tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}

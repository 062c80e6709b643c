package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Rejection;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the production guard answers for each kind of failed write: the record's own fault is rejected and skipped
 * (the loop of issue 13 was Streams' FAIL on a RecordTooLargeException), anything else is retried or fails the task.
 */
class GuardedProductionHandlerTest {

    final Map<String, Object> config = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient());
    final GuardedProductionHandler handler = new GuardedProductionHandler();
    final ProducerRecord<byte[], byte[]> big = new ProducerRecord<>("wirestream-enrich-dedupe-by-story-repartition", new byte[1], new byte[3]);

    @BeforeEach
    void configure() {
        handler.configure(config);
    }

    @Test
    void aRecordTooLargeForItsTopicIsRejectedTooLargeWithWhereItCameFromAndSkipped() {
        Response response = handler.handleError(context(), big, new RecordTooLargeException("3.1 MB is over max.request.size"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
            assertThat(dlq.topic()).isEqualTo(Topics.REJECTED.name());
            Rejection r = Topics.REJECTED.valueSerde(config).deserializer().deserialize(dlq.topic(), dlq.value());
            assertThat(r.getReason()).isEqualTo("too-large");
            assertThat(r.getStage()).isEqualTo("release-by-uri-sink");
            assertThat(r.getErrorClass()).isEqualTo(RecordTooLargeException.class.getName());
            assertThat(r.getRaw().getTopic()).isEqualTo(Topics.RAW.name());
            assertThat(r.getRaw().getPartition()).isEqualTo(2);
            assertThat(r.getRaw().getOffset()).isEqualTo(41L);
        });
    }

    @Test
    void aRetriableErrorIsRetriedAndARefusedAuthorisationFailsNothingIsSkipped() {
        assertThat(handler.handleError(context(), big, new TimeoutException("broker away")).result()).isEqualTo(Result.RETRY);
        assertThat(handler.handleError(context(), big, new TopicAuthorizationException("no")).result()).isEqualTo(Result.FAIL);
    }

    @Test
    void aRegistryOutageWhileSerialisingFailsTheTaskAnUnserialisableValueIsRejected() {
        Exception outage = new SerializationException("x", new SchemaRegistryException(503, 50301, "down"));
        assertThat(handler.handleSerializationError(context(), big, outage, SerializationExceptionOrigin.VALUE).result())
                .isEqualTo(Result.FAIL);

        Response bad = handler.handleSerializationError(context(), big, new SerializationException("not Avro"), SerializationExceptionOrigin.VALUE);
        assertThat(bad.result()).isEqualTo(Result.RESUME);
        assertThat(bad.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void anArticleOverTheBudgetIsRefusedByItsSerializerAndRejectedTooLarge() {
        var serde = new BudgetedSerde<>(Topics.ARTICLES.valueSerde(config), BudgetedSerde.REQUEST_OVERHEAD_BYTES + 1_000);
        var article = io.wirestream.avro.Article.newBuilder().setUri("urn:acme:big").setVersion(1)
                .setPubstatus(io.wirestream.avro.PubStatus.usable).setHeadline("h").setBodyHtml("x".repeat(5_000))
                .setVersioncreated(java.time.Instant.EPOCH).setReceivedAt(java.time.Instant.EPOCH).setAgency("acme").build();
        Exception refused = org.assertj.core.api.Assertions.catchException(() -> serde.serializer().serialize("wire.articles", article));
        assertThat(refused).isInstanceOf(BudgetedSerde.OverBudgetException.class);

        Response response = handler.handleSerializationError(context(), big, refused, SerializationExceptionOrigin.VALUE);
        assertThat(response.result()).isEqualTo(Result.RESUME);
        Rejection r = Topics.REJECTED.valueSerde(config).deserializer().deserialize("wire.rejected",
                response.deadLetterQueueRecords().get(0).value());
        assertThat(r.getReason()).isEqualTo("too-large");

        article.setBodyHtml("small");
        assertThat(serde.serializer().serialize("wire.articles", article)).isNotEmpty();
    }

    static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return Topics.RAW.name(); }
            @Override public int partition() { return 2; }
            @Override public long offset() { return 41; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "release-by-uri-sink"; }
            @Override public TaskId taskId() { return new TaskId(0, 2); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return null; }
            @Override public byte[] sourceRawValue() { return null; }
        };
    }
}

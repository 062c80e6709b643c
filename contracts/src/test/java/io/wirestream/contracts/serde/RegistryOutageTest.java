package io.wirestream.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * A registry that is down must make a reader wait, never make it call a good record unreadable; a registry that
 * answers "no such schema" is an answer, and the record is corrupt.
 */
class RegistryOutageTest {

    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    byte[] written() {
        RawItem item = RawItem.newBuilder().setItemId("r-1").setAgency("acme").setReceivedAt(Instant.parse("2026-03-01T09:00:00Z"))
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap("plain".getBytes(StandardCharsets.UTF_8))).build();
        return new WireAvroSerde<>(RawItem.class, registry, true, false).serializer().serialize("wire.raw", item);
    }

    @Test
    void waitsOutAShortOutageAndReadsTheRecord() {
        byte[] bytes = written();
        registry.failLookupsById(3, new SchemaRegistryException(503, 50301, "unavailable"));
        WireAvroDeserializer<RawItem> reader = new WireAvroDeserializer<>(RawItem.class, registry, 10_000);

        assertThat(reader.deserialize("wire.raw", bytes).getItemId()).isEqualTo("r-1");
        assertThat(registry.lookupsById()).isEqualTo(4);
    }

    @Test
    void anOutageLongerThanTheWaitIsThrownAsAnOutageNotAsACorruptRecord() {
        byte[] bytes = written();
        registry.failLookupsById(Integer.MAX_VALUE,
                new SchemaRegistryException("schema registry unreachable", new java.net.ConnectException("refused")));
        WireAvroDeserializer<RawItem> reader = new WireAvroDeserializer<>(RawItem.class, registry, 300);

        assertThatThrownBy(() -> reader.deserialize("wire.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .satisfies(e -> assertThat(SchemaRegistryException.outageIn(e)).isNotNull());
        assertThat(registry.lookupsById()).as("asked again with backoff before giving up").isGreaterThan(1);
    }

    @Test
    void anUnknownSchemaIdIsAnAnswerNotAnOutage() {
        byte[] bytes = written();
        bytes[4] = 99; // a schema id the registry never gave
        WireAvroDeserializer<RawItem> reader = new WireAvroDeserializer<>(RawItem.class, registry, 10_000);

        assertThatThrownBy(() -> reader.deserialize("wire.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .satisfies(e -> assertThat(SchemaRegistryException.outageIn(e)).isNull());
    }

    @Test
    void aTimeoutAndA5xxAreOutagesA4xxIsNot() {
        assertThat(new SchemaRegistryException(500, 50001, "x").isOutage()).isTrue();
        assertThat(new SchemaRegistryException(429, 429, "x").isOutage()).isTrue();
        assertThat(new SchemaRegistryException("timed out", new java.net.http.HttpTimeoutException("t")).isOutage()).isTrue();
        assertThat(new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "x").isOutage()).isFalse();
        assertThat(new SchemaRegistryException(401, 401, "x").isOutage()).isFalse();
    }
}

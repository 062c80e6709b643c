package io.wirestream.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireAvroSerdeTest {

    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    RawItem item() {
        return RawItem.newBuilder().setItemId("r-1").setAgency("acme").setReceivedAt(Instant.parse("2026-03-01T09:00:00Z"))
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap("<nitf/>".getBytes(StandardCharsets.UTF_8))).build();
    }

    @Test
    void writesMagicByteThenBigEndianIdThenAvroBinaryUnderTheTopicValueSubject() {
        WireAvroSerde<RawItem> serde = new WireAvroSerde<>(RawItem.class, registry, true, false);
        byte[] bytes = serde.serializer().serialize("wire.raw", item());

        int id = registry.lookup("wire.raw-value", RawItem.getClassSchema()).orElseThrow().id();
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(serde.deserializer().deserialize("wire.raw", bytes)).isEqualTo(item());
    }

    @Test
    void keysAreAvroStringsUnderTheKeySubject() {
        WireAvroSerde<String> keys = new WireAvroSerde<>(String.class, registry, true, true);
        byte[] bytes = keys.serializer().serialize("wire.raw", "acme/123");
        assertThat(registry.latest("wire.raw-key")).hasValueSatisfying(r -> assertThat(r.schema().getType()).isEqualTo(Schema.Type.STRING));
        // Avro string: zig-zag length (8 -> 16) then UTF-8 bytes
        assertThat(bytes).hasSize(5 + 1 + 8);
        assertThat(bytes[5]).isEqualTo((byte) 16);
        assertThat(keys.deserializer().deserialize("wire.raw", bytes)).isEqualTo("acme/123");
    }

    @Test
    void readsRecordsWrittenWithAnOlderWriterSchema() throws Exception {
        // an older RawRef without the offset field, written by some earlier producer
        Schema old = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"RawRef\",\"namespace\":\"io.wirestream.avro\",\"fields\":["
                + "{\"name\":\"itemId\",\"type\":\"string\"},{\"name\":\"agency\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
        int oldId = registry.register("refs-value", old);
        GenericRecord record = new GenericData.Record(old);
        record.put("itemId", "r-9");
        record.put("agency", "condor");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(oldId).array());
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(record, enc);
        enc.flush();

        RawRef read = new WireAvroDeserializer<>(RawRef.class, registry).deserialize("refs", out.toByteArray());
        assertThat(read.getItemId()).isEqualTo("r-9");
        assertThat(read.getAgency()).isEqualTo("condor");
        assertThat(read.getOffset()).isNull();
    }

    @Test
    void refusesUnregisteredSchemasWhenAutoRegistrationIsOff() {
        WireAvroSerializer<Rejection> strict = new WireAvroSerializer<>(registry, false, false);
        Rejection r = Rejection.newBuilder().setStage("parse").setReason("malformed-xml")
                .setRaw(RawRef.newBuilder().setItemId("x").build()).setRejectedAt(Instant.EPOCH).build();
        assertThatThrownBy(() -> strict.serialize("wire.rejected", r)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("auto-registration is off");
        registry.register("wire.rejected-value", Rejection.getClassSchema());
        assertThat(strict.serialize("wire.rejected", r)).startsWith((byte) 0);
    }

    @Test
    void refusesBytesThatAreNotInTheWireFormat() {
        WireAvroDeserializer<RawItem> d = new WireAvroDeserializer<>(RawItem.class, registry);
        assertThatThrownBy(() -> d.deserialize("wire.raw", new byte[] {1, 0, 0, 0, 1, 2})).isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
        assertThatThrownBy(() -> d.deserialize("wire.raw", new byte[] {0, 1})).isInstanceOf(SerializationException.class);
    }

    @Test
    void configuresFromConfluentPropertyNames() {
        WireAvroSerde<RawItem> serde = WireAvroSerde.of(RawItem.class, Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, registry), false);
        byte[] bytes = serde.serializer().serialize("wire.raw", item());
        assertThat(serde.deserializer().deserialize("wire.raw", bytes).getAgency()).isEqualTo("acme");
        assertThatThrownBy(() -> WireAvroSerde.of(RawItem.class, Map.of(), false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}

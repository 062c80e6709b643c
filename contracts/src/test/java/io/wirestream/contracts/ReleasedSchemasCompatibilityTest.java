package io.wirestream.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidatorBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/** Every released schema version kept in schemas/released must stay readable by the current schema. */
class ReleasedSchemasCompatibilityTest {

    static final Map<String, Schema> CURRENT = Map.of(
            "RawItem", RawItem.getClassSchema(),
            "Article", Article.getClassSchema(),
            "Rejection", Rejection.getClassSchema());

    static final Path RELEASED = Path.of("released");

    @Test
    void currentSchemasReadEveryReleasedVersion() throws IOException, SchemaValidationException {
        assertThat(RELEASED).as("released schema folder (run from the schemas module)").isDirectory();
        int checked = 0;
        for (Map.Entry<String, Schema> current : CURRENT.entrySet()) {
            List<Schema> history = releasedVersionsOf(current.getKey());
            assertThat(history).as("at least one released version of " + current.getKey()).isNotEmpty();
            new SchemaValidatorBuilder().canReadStrategy().validateAll().validate(current.getValue(), history);
            checked += history.size();
        }
        assertThat(checked).isGreaterThanOrEqualTo(CURRENT.size());
    }

    @Test
    void anArticleWrittenBeforeRightsAndProviderReadsWithoutThem() throws IOException {
        Schema release1 = new Schema.Parser().parse(Files.readString(RELEASED.resolve("1").resolve("Article.avsc")));
        GenericRecord old = new GenericData.Record(release1);
        old.put("uri", "urn:test:1");
        old.put("version", 1L);
        old.put("versioncreated", 1_700_000_000_000L);
        old.put("pubstatus", new GenericData.EnumSymbol(release1.getField("pubstatus").schema(), "usable"));
        old.put("headline", "Old record");
        old.put("agency", "testwire");
        old.put("receivedAt", 1_700_000_000_000L);
        old.put("copyrightnotice", "(c) 2023 Test Wire");
        for (Schema.Field f : release1.getFields()) {
            if (old.get(f.name()) == null && f.hasDefaultValue()) {
                old.put(f.name(), GenericData.get().getDefaultValue(f));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(release1).write(old, encoder);
        encoder.flush();

        Article read = new SpecificDatumReader<Article>(release1, Article.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.getCopyrightnotice()).isEqualTo("(c) 2023 Test Wire");
        assertThat(read.getCopyrightholder()).isNull();
        assertThat(read.getUsageterms()).isNull();
        assertThat(read.getProvider()).isNull();
    }

    @Test
    void theCheckRefusesAChangeThatBreaksOldData() {
        Schema released = Article.getClassSchema();
        // a required field added without a default: records written before cannot be read
        String broken = released.toString().replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"mandatoryNew\",\"type\":\"string\"},");
        Schema candidate = new Schema.Parser().parse(broken);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new SchemaValidatorBuilder().canReadStrategy().validateAll().validate(candidate, List.of(released)))
                .isInstanceOf(SchemaValidationException.class);
    }

    static List<Schema> releasedVersionsOf(String name) throws IOException {
        List<Schema> newestFirst = new ArrayList<>();
        try (Stream<Path> releases = Files.list(RELEASED)) {
            List<Path> dirs = releases.filter(Files::isDirectory)
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(b.getFileName().toString()), Integer.parseInt(a.getFileName().toString())))
                    .toList();
            for (Path dir : dirs) {
                Path file = dir.resolve(name + ".avsc");
                if (Files.exists(file)) {
                    newestFirst.add(new Schema.Parser().parse(Files.readString(file)));
                }
            }
        }
        return newestFirst;
    }
}

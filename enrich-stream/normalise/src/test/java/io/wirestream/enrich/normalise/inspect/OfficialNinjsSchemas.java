package io.wirestream.enrich.normalise.inspect;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.wirestream.enrich.normalise.TestItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The official IPTC ninjs 2.x JSON Schemas, read in place from ../shared/corpora/iptc-ninjs/specification (never
 * copied into the project). Tests that need them are skipped, saying so, when the corpora are absent.
 */
final class OfficialNinjsSchemas {

    static final List<String> VERSIONS = List.of("2.0", "2.1", "2.2");
    private final SchemaRegistry registry;

    private OfficialNinjsSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    static OfficialNinjsSchemas loadOrSkip() {
        Path corpora = TestItems.corpora();
        Path spec = corpora == null ? null : corpora.resolve("iptc-ninjs/specification");
        Assumptions.assumeTrue(spec != null && Files.isRegularFile(spec.resolve("ninjs-schema_2.2.json")),
                "ninjs specification not found in the shared corpora; skipping schema validation");
        Map<String, String> schemas = new HashMap<>();
        for (String v : VERSIONS) {
            try {
                schemas.put(id(v), Files.readString(spec.resolve("ninjs-schema_" + v + ".json"), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        schemas.put("https://geojson.org/schema/GeoJSON.json", "true"); // referenced online; never fetched in tests
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(schemas));
        return new OfficialNinjsSchemas(registry);
    }

    static String id(String version) {
        return "http://www.iptc.org/std/ninjs/ninjs-schema_" + version + ".json";
    }

    List<String> violations(String version, String json) {
        List<Error> errors = registry.getSchema(SchemaLocation.of(id(version))).validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}

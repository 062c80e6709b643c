package io.wirestream.publish.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The official IPTC ninjs schemas, read at test time from the shared corpora (never copied into the project):
 * system property {@code wirestream.corpora} (set by surefire), else {@code ../shared/corpora}. Tests using them
 * are skipped, saying why, when the corpora are absent.
 */
public final class NinjsSchemas {

    public static final List<String> OFFICIAL_2X = List.of("2.0", "2.1", "2.2");
    public static final String EXTENSION_ID = "https://wirestream.io/schemas/ninjs-wirestream-extension.json";
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";

    private final SchemaRegistry registry;

    private NinjsSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Loads the schemas, or skips the calling test when the corpora are not on this machine. */
    public static NinjsSchemas loadOrSkip() {
        Path spec = specificationDir();
        Assumptions.assumeTrue(spec != null,
                "ninjs specification not found (set -Dwirestream.corpora=<dir with iptc-ninjs/specification>); skipping");
        Map<String, String> schemas = new HashMap<>();
        for (String version : OFFICIAL_2X) {
            schemas.put(officialId(version), read(spec.resolve("ninjs-schema_" + version + ".json")));
        }
        // the ninjs 'places.geojson' property refers to the GeoJSON schema online; tests must not fetch it,
        // and our documents never carry geojson
        schemas.put(GEOJSON, "true");
        try (InputStream extension = NinjsSchemas.class.getResourceAsStream("/ninjs-wirestream-extension.schema.json")) {
            schemas.put(EXTENSION_ID, new String(extension.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(schemas));
        return new NinjsSchemas(registry);
    }

    public static String officialId(String version) {
        return "http://www.iptc.org/std/ninjs/ninjs-schema_" + version + ".json";
    }

    /** Messages of every violation of the official schema of this version; empty when valid. */
    public List<String> officialViolations(String version, String json) {
        return violations(registry.getSchema(SchemaLocation.of(officialId(version))), json);
    }

    public List<String> extensionViolations(String json) {
        return violations(registry.getSchema(SchemaLocation.of(EXTENSION_ID)), json);
    }

    private static List<String> violations(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    private static Path specificationDir() {
        return io.wirestream.newsformats.corpora.CorporaLocation.find()
                .map(corpora -> corpora.resolve("iptc-ninjs/specification"))
                .filter(spec -> Files.isRegularFile(spec.resolve("ninjs-schema_2.2.json")))
                .orElse(null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.wirestream.enrich.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoded state kept as test resources: one value per line, {@code name hex}, lines starting with {@code #} are
 * comments. The files under {@code state-v1/} were written once by the codecs as they were before issue 20 and are
 * never regenerated: they stand for the bytes a running deployment's stores and internal topics hold.
 */
public final class GoldenBytes {

    private GoldenBytes() {
    }

    /** The values of a resource under {@code state-v1/}, by name, in file order. */
    public static Map<String, byte[]> read(String resource) {
        try (var in = GoldenBytes.class.getResourceAsStream("/state-v1/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file state-v1/" + resource);
            }
            Map<String, byte[]> values = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (values.put(line.substring(0, space), HexFormat.of().parseHex(line.substring(space + 1).strip())) != null) {
                    throw new IllegalStateException("name repeated in " + resource + ": " + line.substring(0, space));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes values as {@link #read} reads them; only the generators call this, and only before the change. */
    public static void write(Path file, String comment, Map<String, byte[]> values) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        values.forEach((name, bytes) -> text.append(name).append(' ').append(HexFormat.of().formatHex(bytes)).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    /** A golden case: the value written, and the value a reader gets back when that differs (a codec that drops a field). */
    public record Case<T>(String name, T written, T read) {

        public static <T> Case<T> of(String name, T value) {
            return new Case<>(name, value, value);
        }

        public static <T> Case<T> lossy(String name, T written, T read) {
            return new Case<>(name, written, read);
        }

        public static <T> List<String> names(List<Case<T>> cases) {
            return cases.stream().map(Case::name).toList();
        }
    }

    /**
     * Checks a golden file against its cases: it holds exactly these names; each value decodes, field by field, to
     * the case's {@code read} value; and encoding the case's {@code written} value gives the same bytes again.
     */
    public static <T> void check(String resource, List<Case<T>> cases, Serde<T> serde) {
        Map<String, byte[]> golden = read(resource);
        assertThat(golden.keySet()).as(resource).containsExactlyElementsOf(Case.names(cases));
        for (Case<T> c : cases) {
            byte[] bytes = golden.get(c.name());
            T decoded = serde.deserializer().deserialize("state", bytes);
            assertThat(decoded).as(resource + " " + c.name()).isNotNull()
                    .usingRecursiveComparison().isEqualTo(c.read());
            assertThat(HexFormat.of().formatHex(serde.serializer().serialize("state", c.written())))
                    .as(resource + " " + c.name() + " written again").isEqualTo(HexFormat.of().formatHex(bytes));
        }
    }

    /** The bytes of each case as {@code serde} writes them, for a generator. */
    public static <T> Map<String, byte[]> encode(List<Case<T>> cases, Serde<T> serde) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (Case<T> c : cases) {
            values.put(c.name(), serde.serializer().serialize("state", c.written()));
        }
        return values;
    }
}

package io.wirestream.enrich.normalise.characterisation;

import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.enrich.normalise.inspect.ArticleInspector;
import io.wirestream.newsformats.corpora.CorporaLocation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes what the normaliser makes of the recorded test items, and of the shared corpora, so a refactoring can be
 * checked against the code as it was:
 * <ul>
 *   <li>{@code snapshot FILE}: the outcomes of {@value #ITEMS} (the items the module's tests normalise), the file
 *       {@link NormalisationCharacterisationTest} compares with;</li>
 *   <li>{@code corpus DIR}: one outcome file per corpus file (agency-samples, iptc-*, web copy) into DIR, a scratch
 *       folder outside the project: corpus text must not be copied into it.</li>
 * </ul>
 * The items were recorded once by appending every {@code RawItem} that reached
 * {@code WireItemNormaliser.normaliseDetailed} during a run of this module's tests (Avro JSON, one per line, first
 * occurrence kept, payloads above 200 kB left out: those are size refusals); the hook was not kept in the code.
 */
public final class CharacterisationSnapshot {

    static final String ITEMS = "raw-items.jsonl";
    static final String SNAPSHOT = "outcomes.txt";
    static final String ITEM_HEADER = "### item ";

    private CharacterisationSnapshot() {}

    public static void main(String[] args) throws IOException {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            // the build's test JVMs trust the generated records the same way
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream.avro");
        }
        if (args.length == 2 && args[0].equals("snapshot")) {
            Files.writeString(Path.of(args[1]), String.join("", outcomes()), StandardCharsets.UTF_8);
        } else if (args.length == 2 && args[0].equals("corpus")) {
            writeCorpusOutcomes(Path.of(args[1]));
        } else {
            System.err.println("usage: snapshot FILE | corpus DIR");
            System.exit(2);
        }
    }

    static List<RawItem> recordedItems() throws IOException {
        try (Reader r = new InputStreamReader(
                CharacterisationSnapshot.class.getResourceAsStream(ITEMS), StandardCharsets.UTF_8)) {
            return NormalisationOutcome.readItems(r);
        }
    }

    /** One entry per recorded item, each starting with {@value #ITEM_HEADER} and its position. */
    static List<String> outcomes() throws IOException {
        List<String> out = new ArrayList<>();
        try (WireItemNormaliser normaliser = new WireItemNormaliser(TestItems.CLOCK, NormaliserLimits.defaults())) {
            List<RawItem> items = recordedItems();
            for (int i = 0; i < items.size(); i++) {
                out.add(ITEM_HEADER + i + " (" + items.get(i).getItemId() + ")\n"
                        + NormalisationOutcome.describe(normaliser, items.get(i)));
            }
        }
        return out;
    }

    private static void writeCorpusOutcomes(Path outDir) throws IOException {
        Path corpora = CorporaLocation.find().orElseThrow(() -> new IOException("shared corpora not found"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> roots = Files.list(corpora)) {
            for (Path root : roots.sorted().toList()) {
                String name = root.getFileName().toString();
                if (name.equals("agency-samples") || name.startsWith("iptc-") || name.equals("web-copy-sample.txt")) {
                    try (Stream<Path> walk = Files.walk(root)) {
                        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                }
            }
        }
        Files.createDirectories(outDir);
        try (WireItemNormaliser normaliser = new WireItemNormaliser(TestItems.CLOCK, NormaliserLimits.defaults())) {
            for (Path file : files) {
                String relative = corpora.relativize(file).toString();
                RawItem raw = ArticleInspector.rawItem(Path.of(relative), Files.readAllBytes(file), "corpus",
                        TestItems.RECEIVED);
                Files.writeString(outDir.resolve(relative.replace("/", "__") + ".out"),
                        NormalisationOutcome.describe(normaliser, raw), StandardCharsets.UTF_8);
            }
        }
        System.out.println(files.size() + " corpus files written to " + outDir);
    }
}

package io.wirestream.enrich.tagging.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the tagger's knowledge resources ({@code src/main/resources/kb/}) from the project's curated facts
 * ({@code src/main/kb-facts/}) and the ISO 3166 country names the JDK ships ({@link Locale#getISOCountries()}).
 *
 * <p>Run it after editing a facts file or moving to a newer JDK:
 * {@code mvn -q -pl enrich-stream/tagging exec:java -Dexec.mainClass=io.wirestream.enrich.tagging.knowledge.KnowledgeResourceGenerator}
 * (or run {@link #main} from an IDE with the module folder as working directory). A unit test fails while the
 * checked-in resources differ from what this generator produces, so a stale resource cannot slip through.
 */
public final class KnowledgeResourceGenerator {

    /** Bump when the meaning of the generated files changes; printed into every generated file. */
    public static final String KNOWLEDGE_VERSION = "2026.12-1";

    /** Files copied as they are: they are already in the runtime format. */
    static final List<String> VERBATIM = List.of("given-names.txt", "titles.txt", "organisation-words.txt",
            "organisation-heads.txt", "event-words.txt", "common-words.txt", "media-topics.tsv", "place-words.txt");

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        if (!Files.isDirectory(module.resolve("src/main/kb-facts"))) {
            module = Path.of("enrich-stream/tagging");
        }
        Map<String, String> files = generate(module.resolve("src/main/kb-facts"));
        Path out = module.resolve("src/main/resources/kb");
        Files.createDirectories(out);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(out.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.keySet() + " to " + out.toAbsolutePath());
    }

    /** File name to content, for every resource under {@code kb/}. */
    public static Map<String, String> generate(Path factsDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        EntityTable table = new EntityTable();
        StringBuilder demonyms = new StringBuilder(header("demonym <TAB> id of the country"));

        for (String[] row : rows(factsDir.resolve("country-facts.tsv"))) {
            addCountry(row, table, demonyms);
        }
        // countries without curated facts still get their JDK name
        for (String iso2 : Locale.getISOCountries()) {
            String id = "wirestream:place:" + iso2.toLowerCase(Locale.ROOT);
            if (!table.has(id)) {
                addCountry(new String[] {iso2, "", "", ""}, table, demonyms);
            }
        }
        for (String[] row : rows(factsDir.resolve("places.tsv"))) {
            String id = "wirestream:place:" + slug(row[0]);
            String country = col(row, 2);
            table.add(id, "PLACE", country.isEmpty() || country.equals("-") ? row[1] : row[1] + ":" + country, row[0],
                    splitList(col(row, 3)));
        }
        for (String[] row : rows(factsDir.resolve("organisations.tsv"))) {
            table.add("wirestream:org:" + slug(row[0]), "ORGANISATION", row[1], row[0], splitList(col(row, 2)));
        }
        for (String[] row : rows(factsDir.resolve("people.tsv"))) {
            table.add("wirestream:person:" + slug(row[0]), "PERSON", row[1], row[0], splitList(col(row, 2)));
        }
        files.put("entities.tsv", header("type <TAB> id <TAB> kind <TAB> canonical name <TAB> aliases separated by |")
                + table.render());
        files.put("demonyms.tsv", demonyms.toString());
        files.put("names-by-language.tsv", namesByLanguage(factsDir, table));
        for (String name : VERBATIM) {
            files.put(name, Files.readString(factsDir.resolve(name), StandardCharsets.UTF_8));
        }
        files.put("VERSION", KNOWLEDGE_VERSION + "\n");
        return files;
    }

    /** Languages other than English whose copy the agencies send: their names of entities are generated. */
    static final List<String> OTHER_LANGUAGES = List.of("da", "de", "es", "fi", "fr", "it", "nb", "sv");

    /**
     * Names of entities in other languages, used only on copy in that language: the JDK's (CLDR) name of every
     * country with curated facts in each of {@link #OTHER_LANGUAGES} ("Norge", "Saksa", "Allemagne"), then the
     * curated rows of {@code names-by-language.tsv} ("FN", "YK", "ONU"; Finnish forms too irregular to strip).
     */
    private static String namesByLanguage(Path factsDir, EntityTable table) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (String language : OTHER_LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            for (String[] row : rows(factsDir.resolve("country-facts.tsv"))) {
                String id = "wirestream:place:" + row[0].toLowerCase(Locale.ROOT);
                String name = new Locale("", row[0]).getDisplayCountry(locale);
                // short names ("Man", "Oman") may be words; CLDR's descriptive forms ("SAR", brackets) are not used in copy
                if (name.length() >= 4 && name.matches("[\\p{L}' -]+") && !name.contains(" - ")
                        && !table.knows(id, name)) {
                    lines.add(language + "\t" + id + "\t" + name);
                }
            }
        }
        for (String[] row : rows(factsDir.resolve("names-by-language.tsv"))) {
            String id = row[1].trim();
            if (!table.has(id)) {
                throw new IllegalArgumentException("names-by-language.tsv: unknown id " + id);
            }
            for (String language : splitList(row[0])) {
                for (String name : splitList(col(row, 2))) {
                    lines.add(language + "\t" + id + "\t" + name);
                }
            }
        }
        return header("language <TAB> id <TAB> name used for the entity in copy in that language") + String.join("\n", lines)
                + "\n";
    }

    private static void addCountry(String[] row, EntityTable table, StringBuilder demonyms) {
        String iso2 = row[0];
        String jdkName = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
        if (jdkName.isBlank() || jdkName.equals(iso2)) {
            return;
        }
        Set<String> aliases = new LinkedHashSet<>();
        String name = jdkName;
        int paren = name.indexOf(" (");
        if (paren > 0) {
            aliases.add(name.substring(paren + 2, name.length() - 1)); // "Myanmar (Burma)"
            name = name.substring(0, paren);
        }
        if (name.contains(" & ")) {
            aliases.add(name);
            name = name.replace(" & ", " and ");
        }
        if (name.startsWith("St. ")) {
            aliases.add(name);
            name = "Saint " + name.substring(4);
        }
        name = name.replace(" SAR China", ""); // "Hong Kong SAR China"
        if (name.contains(" - ")) { // "Congo - Kinshasa": a CLDR short form, not a name used in copy
            name = name.replace(" - ", " ");
        }
        String canonical = col(row, 4).isBlank() ? name : col(row, 4);
        if (!canonical.equals(name)) {
            aliases.add(name);
        }
        String folded = fold(canonical);
        if (!folded.equals(canonical)) {
            aliases.add(folded);
        }
        aliases.addAll(splitList(col(row, 3)));
        String id = "wirestream:place:" + iso2.toLowerCase(Locale.ROOT);
        table.add(id, "PLACE", "country", canonical, new ArrayList<>(aliases));
        for (String demonym : splitList(col(row, 1))) {
            demonyms.append(demonym).append('\t').append(id).append('\n');
        }
        String capital = col(row, 2);
        if (!capital.isBlank() && !capital.equals(canonical)) {
            table.add("wirestream:place:" + slug(capital), "PLACE", "capital:" + iso2, capital,
                    fold(capital).equals(capital) ? List.of() : List.of(fold(capital)));
        }
    }

    private static String header(String columns) {
        return "# generated by KnowledgeResourceGenerator " + KNOWLEDGE_VERSION
                + " from src/main/kb-facts and the JDK's ISO 3166 names; do not edit by hand\n# columns: " + columns + "\n";
    }

    static String slug(String name) {
        // letters NFD does not take apart ("Støre" -> "store", not "st-re")
        String letters = fold(name).toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
                .replace("ł", "l").replace("đ", "d");
        return letters.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Strips accents so that "Côte d’Ivoire" is also found as "Cote d'Ivoire". */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'');
    }

    private static String col(String[] row, int i) {
        return i < row.length ? row[i].trim() : "";
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** Entities in insertion order; a second row for the same id adds aliases instead of a duplicate. */
    private static final class EntityTable {
        private final Map<String, String[]> heads = new LinkedHashMap<>();
        private final Map<String, Set<String>> aliases = new LinkedHashMap<>();

        boolean has(String id) {
            return heads.containsKey(id);
        }

        /** The entity's canonical name or one of its aliases, ignoring case. */
        boolean knows(String id, String name) {
            return heads.containsKey(id) && (heads.get(id)[2].equalsIgnoreCase(name)
                    || aliases.get(id).stream().anyMatch(name::equalsIgnoreCase));
        }

        void add(String id, String type, String kind, String canonical, List<String> extra) {
            heads.putIfAbsent(id, new String[] {type, kind, canonical});
            Set<String> set = aliases.computeIfAbsent(id, k -> new LinkedHashSet<>());
            set.addAll(extra);
            set.remove(heads.get(id)[2]);
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String[]> e : heads.entrySet()) {
                String[] h = e.getValue();
                sb.append(h[0]).append('\t').append(e.getKey()).append('\t').append(h[1]).append('\t').append(h[2])
                        .append('\t').append(String.join("|", aliases.get(e.getKey()))).append('\n');
            }
            return sb.toString();
        }
    }
}

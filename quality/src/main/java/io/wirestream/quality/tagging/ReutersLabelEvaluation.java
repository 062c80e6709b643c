package io.wirestream.quality.tagging;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.entities.ResolvedEntity;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Story-level precision and recall of the tagger against Reuters-21578's PLACES, PEOPLE and ORGS labels (the TRAIN
 * stories). Our entities are turned into Reuters codes: a place into its country's code (a capital or listed city
 * counts for its country, as Reuters labels the dateline's country), a person into the code of their surname or full
 * name, an organisation into the code of any of its names. Only codes in Reuters' own vocabulary can be predicted.
 */
public final class ReutersLabelEvaluation {

    private static final Pattern STORY = Pattern.compile("<REUTERS[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);

    private final ArticleTagger tagger;
    private final KnowledgeBase kb;

    public ReutersLabelEvaluation(ArticleTagger tagger) {
        this.tagger = tagger;
        this.kb = tagger.knowledge();
    }

    public Map<String, PrecisionRecall> evaluate(Path dir) throws IOException {
        Set<String> places = vocabulary(dir.resolve("all-places-strings.lc.txt"));
        Set<String> people = vocabulary(dir.resolve("all-people-strings.lc.txt"));
        Set<String> orgs = vocabulary(dir.resolve("all-orgs-strings.lc.txt"));
        Map<String, String> placeCodeById = codesById(places);
        Map<String, String> orgCodeById = codesById(orgs);
        Map<String, PrecisionRecall> result = new LinkedHashMap<>();
        result.put("PLACES", PrecisionRecall.ZERO);
        result.put("PEOPLE", PrecisionRecall.ZERO);
        result.put("ORGS", PrecisionRecall.ZERO);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
        }
        for (Path file : files) {
            String sgml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher m = STORY.matcher(sgml);
            while (m.find()) {
                String story = m.group(1);
                String title = unescape(element(story, "TITLE"));
                String dateline = unescape(element(story, "DATELINE"));
                String body = unescape(element(story, "BODY"));
                if (title.isEmpty() && body.isEmpty()) {
                    continue;
                }
                TaggingResult tagged = tagger.analyse(title, List.of(dateline.strip() + " " + body));
                Set<String> predictedPlaces = new HashSet<>();
                Set<String> predictedPeople = new HashSet<>();
                Set<String> predictedOrgs = new HashSet<>();
                for (ResolvedEntity e : tagged.entities()) {
                    KnownEntity known = e.uri() == null ? null : kb.byId(e.uri());
                    if (e.type() == EntityType.PLACE && known != null) {
                        KnownEntity country = kb.countryOf(known);
                        String code = placeCodeById.get((country == null ? known : country).id());
                        if (code != null) {
                            predictedPlaces.add(code);
                        }
                    } else if (e.type() == EntityType.PERSON) {
                        String[] words = e.name().split(" ");
                        String surname = slug(words[words.length - 1]);
                        String full = slug(e.name());
                        if (people.contains(full)) {
                            predictedPeople.add(full);
                        } else if (people.contains(surname)) {
                            predictedPeople.add(surname);
                        }
                    } else if (e.type() == EntityType.ORGANISATION) {
                        String code = known == null ? null : orgCodeById.get(known.id());
                        if (code == null && orgs.contains(compact(e.name()))) {
                            code = compact(e.name());
                        }
                        if (code != null) {
                            predictedOrgs.add(code);
                        }
                    }
                }
                score(result, "PLACES", labels(story, "PLACES", places), predictedPlaces);
                score(result, "PEOPLE", labels(story, "PEOPLE", people), predictedPeople);
                score(result, "ORGS", labels(story, "ORGS", orgs), predictedOrgs);
            }
        }
        return result;
    }

    private static void score(Map<String, PrecisionRecall> result, String type, Set<String> gold, Set<String> predicted) {
        long tp = predicted.stream().filter(gold::contains).count();
        result.put(type, result.get(type).plus(tp, predicted.size() - tp, gold.size() - tp));
    }

    /** Reuters code of each of our entities, found by matching the codes against every name of every entity. */
    private Map<String, String> codesById(Set<String> vocabulary) {
        Map<String, String> byId = new HashMap<>();
        for (KnownEntity entity : kb.entities()) {
            for (String alias : kb.aliasesOf(entity.id())) {
                for (String candidate : List.of(slug(alias), compact(alias))) {
                    if (vocabulary.contains(candidate)) {
                        byId.putIfAbsent(entity.id(), candidate);
                    }
                }
            }
        }
        return byId;
    }

    private static Set<String> labels(String story, String element, Set<String> vocabulary) {
        Set<String> out = new HashSet<>();
        Matcher d = Pattern.compile("<D>(.*?)</D>").matcher(element(story, element));
        while (d.find()) {
            if (vocabulary.contains(d.group(1))) {
                out.add(d.group(1));
            }
        }
        return out;
    }

    private static Set<String> vocabulary(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static String element(String story, String name) {
        int start = story.indexOf("<" + name + ">");
        int end = story.indexOf("</" + name + ">");
        return start < 0 || end < start ? "" : story.substring(start + name.length() + 2, end);
    }

    private static String unescape(String s) {
        return s.replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s*\\n\\s*", " ").replaceAll(" Reuter\\s*$", "").strip();
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static String compact(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}

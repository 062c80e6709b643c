package io.wirestream.quality.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the linking corpora (ECB+ and BASIL) into {@link EvaluationStory} lists. */
public final class LinkingCorpora {

    private static final Pattern TOKEN = Pattern.compile("<token[^>]*sentence=\"(\\d+)\"[^>]*>([^<]*)</token>");

    /** Part of a corpus whose failing queries were looked at while tuning the ranking. */
    public static final String TUNING = "tuning";
    /** Part of a corpus not looked at while tuning: the fairer estimate. */
    public static final String HELD_OUT = "held-out";

    private LinkingCorpora() {
    }

    /**
     * ECB+: per topic folder, {@code *ecb.xml} files report one event and {@code *ecbplus.xml} files another. Sentences
     * are rebuilt by joining their tokens; in ecbplus files sentence 0 is the source URL and is dropped.
     */
    public static List<EvaluationStory> ecbPlus(Path dir) throws IOException {
        List<EvaluationStory> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String topic = name.substring(0, name.indexOf('_'));
            boolean plus = name.endsWith("ecbplus.xml");
            Map<Integer, StringBuilder> sentences = new TreeMap<>();
            Matcher m = TOKEN.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                StringBuilder sb = sentences.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new StringBuilder());
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(unescape(m.group(2)));
            }
            List<String> lines = new ArrayList<>();
            sentences.forEach((k, v) -> {
                if (!(plus && k == 0)) {
                    lines.add(v.toString());
                }
            });
            if (lines.isEmpty()) {
                continue;
            }
            out.add(new EvaluationStory(name, topic + (plus ? "-plus" : "-ecb"), topic, ecbPart(topic), lines.get(0),
                    lines.subList(1, lines.size())));
        }
        return out;
    }

    /**
     * BASIL: every event is covered by three outlets sharing a triplet uuid (same event = same triplet); all stories
     * share one topic, so every other event is a "same topic, other event" story. Ids are {@code year/file}.
     */
    public static List<EvaluationStory> basil(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvaluationStory> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode node = json.readTree(file.toFile());
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode paragraph : node.path("body-paragraphs")) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode sentence : paragraph) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(sentence.asText());
                }
                paragraphs.add(sb.toString());
            }
            String triplet = node.path("triplet-uuid").asText();
            String year = file.getParent().getFileName().toString();
            out.add(new EvaluationStory(year + "/" + file.getFileName(), triplet, "basil", basilPart(year),
                    node.path("title").asText(), paragraphs));
        }
        return out;
    }

    /**
     * The ranking was tuned looking only at queries of odd-numbered ECB+ topics; even-numbered topics are held out.
     */
    static String ecbPart(String topic) {
        return Integer.parseInt(topic.replaceAll("\\D", "")) % 2 == 1 ? TUNING : HELD_OUT;
    }

    /** The ranking was tuned looking only at queries of BASIL 2010-2012; 2013-2014 are held out. */
    static String basilPart(String year) {
        return year.compareTo("2012") <= 0 ? TUNING : HELD_OUT;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("``", "\"").replace("''", "\"");
    }
}

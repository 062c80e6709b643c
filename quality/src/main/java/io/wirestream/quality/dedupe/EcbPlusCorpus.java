package io.wirestream.quality.dedupe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads ECB+ CAT XML: tokens grouped by sentence and joined back into text. The group of a story is
 * {@code <topic>/ecb} or {@code <topic>/ecbplus}: the two seminal events of one topic. In {@code *ecbplus.xml}
 * sentence 0 is the source URL and is skipped.
 */
public final class EcbPlusCorpus {

    private static final Pattern TOKEN = Pattern.compile("<token[^>]*sentence=\"(\\d+)\"[^>]*>([^<]*)</token>");

    private EcbPlusCorpus() {
    }

    public static List<CorpusStory> read(Path ecbPlusRoot) throws IOException {
        List<CorpusStory> stories = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ecbPlusRoot)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean plus = name.endsWith("ecbplus.xml");
            String topic = name.substring(0, name.indexOf('_'));
            Map<Integer, StringBuilder> sentences = new TreeMap<>();
            Matcher token = TOKEN.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (token.find()) {
                sentences.computeIfAbsent(Integer.parseInt(token.group(1)), k -> new StringBuilder())
                        .append(unescape(token.group(2))).append(' ');
            }
            List<String> lines = new ArrayList<>();
            sentences.forEach((number, text) -> {
                if (!(plus && number == 0)) {
                    lines.add(text.toString().strip());
                }
            });
            if (lines.size() < 2) {
                continue;
            }
            stories.add(new CorpusStory(name, topic + "/" + (plus ? "ecbplus" : "ecb"), Instant.EPOCH, lines.get(0),
                    List.copyOf(lines.subList(1, lines.size()))));
        }
        return stories;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}

package io.wirestream.quality.dedupe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Reuters-21578 SGML (not XML: no root, numeric character references for control characters, latin-1).
 * Paragraphs are the indented blocks of a body; hard-wrapped lines are joined.
 */
public final class ReutersCorpus {

    private static final Pattern STORY = Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("<DATE>\\s*([^<]+?)\\s*</DATE>");
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final Pattern CHAR_REF = Pattern.compile("&#(\\d+);");
    // the corpus writes months in capitals ("26-FEB-1987"), which a plain MMM pattern refuses: every story read as
    // wired at the epoch, so "wire order" was NEWID order
    private static final DateTimeFormatter DATE_FORMAT = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

    private ReutersCorpus() {
    }

    public static List<CorpusStory> read(Path folder) throws IOException {
        List<CorpusStory> stories = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher story = STORY.matcher(text);
            while (story.find()) {
                String content = story.group(2);
                Matcher body = BODY.matcher(content);
                Matcher title = TITLE.matcher(content);
                if (!body.find() || !title.find()) {
                    continue;
                }
                stories.add(new CorpusStory("reuters-" + story.group(1), "reuters-" + story.group(1),
                        wiredAt(content), clean(title.group(1)).strip(), paragraphs(clean(body.group(1)))));
            }
        }
        return stories;
    }

    private static java.time.Instant wiredAt(String content) {
        Matcher date = DATE.matcher(content);
        if (date.find()) {
            String value = date.group(1);
            int dot = value.lastIndexOf('.');
            try {
                return LocalDateTime.parse(dot > 0 ? value.substring(0, dot) : value, DATE_FORMAT).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                // a few dates are malformed in the corpus; order does not matter for them
            }
        }
        return java.time.Instant.EPOCH;
    }

    private static String clean(String sgml) {
        String text = CHAR_REF.matcher(sgml).replaceAll(m -> {
            int code = Integer.parseInt(m.group(1));
            return code < 32 && code != 10 ? "" : Matcher.quoteReplacement(String.valueOf((char) code));
        });
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static List<String> paragraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\n")) {
            boolean indented = line.startsWith("    ") || line.startsWith("\t");
            if ((indented || line.isBlank()) && !current.isEmpty()) {
                paragraphs.add(current.toString().strip());
                current.setLength(0);
            }
            if (!line.isBlank()) {
                current.append(current.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString().strip());
        }
        return paragraphs;
    }
}

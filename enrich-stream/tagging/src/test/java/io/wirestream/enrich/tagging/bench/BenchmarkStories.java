package io.wirestream.enrich.tagging.bench;

import io.wirestream.newsformats.corpora.CorporaLocation;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-size stories for benchmarks: read from the shared Reuters-21578 corpus when present (never copied), else
 * generated from the project's own sentence templates at a similar length (about 150 words).
 */
final class BenchmarkStories {

    private BenchmarkStories() {
    }

    static List<Article> load(int count) {
        Optional<Path> corpora = CorporaLocation.find();
        if (corpora.isPresent()) {
            try {
                List<Article> fromReuters = reuters(corpora.get().resolve("reuters21578-train/reut2-000.sgm"), count);
                if (!fromReuters.isEmpty()) {
                    return fromReuters;
                }
            } catch (IOException e) {
                // fall through to generated stories
            }
        }
        return generated(count);
    }

    /**
     * Stories of about 3 KB (2,700 to 3,300 characters of headline and body), the size issue 18's budget is set for:
     * from every Reuters-21578 file present when the corpus is there (about 250 such stories), else generated.
     */
    static List<Article> aboutThreeKilobytes(int count) {
        Optional<Path> corpora = CorporaLocation.find();
        List<Article> out = new ArrayList<>();
        if (corpora.isPresent()) {
            try {
                for (int file = 0; file < 22 && out.size() < count; file++) {
                    Path sgm = corpora.get().resolve(String.format("reuters21578-train/reut2-%03d.sgm", file));
                    for (Article a : reuters(sgm, Integer.MAX_VALUE)) {
                        if (out.size() < count && sizeOf(a) >= 2_700 && sizeOf(a) <= 3_300) {
                            out.add(a);
                        }
                    }
                }
            } catch (IOException e) {
                out.clear();
            }
        }
        if (out.isEmpty()) {
            for (Article a : generated(count, 20)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every Reuters-21578 story present, in the corpus's order (wire order); empty when the corpus is absent. */
    static List<Article> allInWireOrder() {
        Optional<Path> corpora = CorporaLocation.find();
        List<Article> out = new ArrayList<>();
        if (corpora.isPresent()) {
            try {
                for (int file = 0; file < 22; file++) {
                    out.addAll(reuters(corpora.get().resolve(String.format("reuters21578-train/reut2-%03d.sgm", file)),
                            Integer.MAX_VALUE));
                }
            } catch (IOException e) {
                out.clear();
            }
        }
        return out;
    }

    static int sizeOf(Article a) {
        int chars = a.getHeadline() == null ? 0 : a.getHeadline().length();
        for (String p : a.getBodyParagraphs()) {
            chars += p.length() + 1;
        }
        return chars;
    }

    private static List<Article> reuters(Path file, int count) throws IOException {
        List<Article> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String sgml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", Pattern.DOTALL).matcher(sgml);
        while (m.find() && out.size() < count) {
            String body = m.group(2).replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&amp;", "&");
            out.add(article(file.getFileName() + "#" + out.size(), m.group(1), List.of(body.split("\\n {4}"))));
        }
        return out;
    }

    private static final String[] PEOPLE = {"Tomas Varenko", "Amara Okonkwo", "Sergei Lavrov", "Angela Merkel", "Lena Halvorsen"};
    private static final String[] PLACES = {"Tokyo", "Brazil", "Kenya", "Paris", "Chicago", "Indonesia", "Poland"};
    private static final String[] ORGS = {"OPEC", "Norwell Chemical Corp", "World Bank", "European Union", "Federal Reserve"};
    private static final String[] SENTENCES = {
            "%s said on Tuesday that talks with %s on prices would resume next week in %s.",
            "Officials of %s told reporters the agreement covered 120 mln dlrs of exports from %s.",
            "Analysts in %s expected %s to raise output by about 5 pct in the second quarter.",
            "The ministry said shipments to %s fell sharply after %s cut its forecast.",
            "%s, speaking in %s, said the company would not comment on the proposed merger."};

    private static List<Article> generated(int count) {
        return generated(count, 7);
    }

    private static List<Article> generated(int count, int paragraphsEach) {
        Random random = new Random(42);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < paragraphsEach; p++) {
                String template = SENTENCES[random.nextInt(SENTENCES.length)];
                paragraphs.add(String.format(template, pick(random, PEOPLE, ORGS), pick(random, ORGS, PLACES),
                        PLACES[random.nextInt(PLACES.length)]));
            }
            out.add(article("g" + i, PLACES[random.nextInt(PLACES.length)] + " trade talks resume", paragraphs));
        }
        return out;
    }

    private static String pick(Random random, String[] a, String[] b) {
        String[] from = random.nextBoolean() ? a : b;
        return from[random.nextInt(from.length)];
    }

    static Article article(String uri, String headline, List<String> paragraphs) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return Article.newBuilder().setUri(uri).setVersion(1).setVersioncreated(t).setFirstcreated(t)
                .setPubstatus(PubStatus.usable).setHeadline(headline).setBodyParagraphs(paragraphs)
                .setAgency("bench").setReceivedAt(t).build();
    }
}

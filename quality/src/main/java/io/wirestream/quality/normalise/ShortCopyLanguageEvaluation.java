package io.wirestream.quality.normalise;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.SourceDefaults;
import io.wirestream.enrich.normalise.inspect.ArticleInspector;
import io.wirestream.enrich.normalise.lang.LanguageGuesser;
import io.wirestream.quality.corpora.BbcNews;
import io.wirestream.quality.dedupe.BasilCorpus;
import io.wirestream.quality.dedupe.CorpusStory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How often language detection answers, and how often wrongly, on short copy: stories of the dev corpora cut to the
 * first 40, 60, 100 and 150 characters of their body, with their headline in front (as the normaliser detects) or
 * the body alone, under {@link LanguageGuesser.Rule#STRICT} (the rule before this measurement) and
 * {@link LanguageGuesser.Rule#DEFAULT} (the rule in use).
 *
 * <p>Samples, each with the language it is in:
 * <ul>
 *   <li>BBC dev (1,114 stories) and BASIL dev (150): English;</li>
 *   <li>the agency samples and the IPTC ninjs examples, normalised, each distinct story with a body of 150
 *       characters or more: the language it declares, or English for the undeclared ones, which were read by hand
 *       ({@link #READ_AS_ENGLISH}; every other undeclared story is left out). IPTC's NewsML-G2 examples are left out:
 *       most of their text is placeholder Latin declared as English;</li>
 *   <li>every paragraph of 30 characters or more of the non-English stories among those (German, Finnish,
 *       Swedish, Norwegian, Chinese), as more non-English samples.</li>
 * </ul>
 * Each set is split by position in id order: the even positions were used to choose {@code Rule.DEFAULT}, the odd
 * positions were not looked at until it was chosen ({@link Half}). Paragraphs go with their story's half.
 *
 * <p>The corpora are read in place and never copied into the project.
 */
public final class ShortCopyLanguageEvaluation {

    /** Which half of each sample set. */
    public enum Half {
        /** Even positions: the rule was chosen on these. */
        TUNING,
        /** Odd positions: reported, not tuned on. */
        REPORT,
        BOTH
    }

    /** Undeclared stories read by hand: English (file names under agency-samples and iptc-ninjs). */
    static final Set<String> READ_AS_ENGLISH = Set.of("IPTC7901.txt", "aap.xml", "anpa-1.tst", "ap-nitf.xml",
            "ap_anpa-1.tst", "dpa_two_line.txt", "pa1.xml", "001_simple_example.json", "004_simple_text_article.json",
            "ninjsExSimpleText1.json", "ninjsExSimpleText_2.json", "ninjsExSimpleText_3.json");

    static final int[] LENGTHS = {40, 60, 100, 150};

    /** A sample and the language it is in; {@code position} (in its set, or its story's) decides its half. */
    record Story(String set, String id, String language, String headline, String body, int position) {}

    /** Right, no answer, wrong. */
    public record Counts(int right, int none, int wrong) {

        Counts plus(String detected, String truth) {
            if (detected == null) {
                return new Counts(right, none + 1, wrong);
            }
            return sameLanguage(detected, truth) ? new Counts(right + 1, none, wrong) : new Counts(right, none, wrong + 1);
        }

        public int total() {
            return right + none + wrong;
        }

        @Override
        public String toString() {
            return right + " / " + none + " / " + wrong;
        }
    }

    /** One line of the report: a sample set cut to a length, counted under both rules and both inputs. */
    public record Row(String set, int length, Counts strict, Counts headlineAndBody, Counts bodyAlone) {}

    private ShortCopyLanguageEvaluation() {}

    /** The rows for one half, in set then length order. */
    public static List<Row> run(Path corpora, Half half) throws IOException {
        List<Story> stories = stories(corpora);
        Map<String, List<Story>> bySet = new LinkedHashMap<>();
        for (Story s : stories) {
            bySet.computeIfAbsent(s.set(), k -> new ArrayList<>()).add(s);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Story>> e : bySet.entrySet()) {
            List<Story> inSet = e.getValue();
            for (int length : LENGTHS) {
                Counts strict = new Counts(0, 0, 0);
                Counts both = new Counts(0, 0, 0);
                Counts body = new Counts(0, 0, 0);
                for (Story s : inSet) {
                    if (half == Half.TUNING && s.position() % 2 != 0 || half == Half.REPORT && s.position() % 2 != 1) {
                        continue;
                    }
                    String cut = cut(s.body(), length);
                    String withHeadline = s.headline().isEmpty() ? cut : s.headline() + "\n" + cut;
                    strict = strict.plus(LanguageGuesser.detect(withHeadline, LanguageGuesser.Rule.STRICT), s.language());
                    both = both.plus(LanguageGuesser.detect(withHeadline), s.language());
                    body = body.plus(LanguageGuesser.detect(cut), s.language());
                }
                rows.add(new Row(e.getKey(), length, strict, both, body));
            }
        }
        return rows;
    }

    static List<Story> stories(Path corpora) throws IOException {
        List<Story> out = new ArrayList<>();
        for (BbcNews.File f : BbcNews.read(corpora.resolve("bbc-dev"))) {
            if (f.lines().size() > 1) {
                out.add(new Story("BBC dev", f.folder() + "/" + f.number(), "en", f.lines().get(0),
                        String.join("\n", f.lines().subList(1, f.lines().size())), out.size()));
            }
        }
        List<CorpusStory> basil = BasilCorpus.read(corpora.resolve("basil-dev")).stream()
                .sorted(Comparator.comparing(CorpusStory::id)).toList();
        for (int i = 0; i < basil.size(); i++) {
            CorpusStory s = basil.get(i);
            out.add(new Story("BASIL dev", s.id(), "en", s.headline(), String.join("\n", s.paragraphs()), i));
        }
        List<Story> agency = agencyStories(corpora);
        out.addAll(agency);
        // non-English paragraphs as samples of their own, each in its story's position (so its half)
        for (Story s : agency) {
            if (!s.set().equals("agency, not English")) {
                continue;
            }
            int n = 0;
            for (String paragraph : s.body().split("\n")) {
                if (paragraph.strip().length() >= 30) {
                    out.add(new Story("non-English paragraphs", s.id() + "/" + n++, s.language(), "",
                            paragraph.strip(), s.position()));
                }
            }
        }
        return out;
    }

    /** Distinct agency and IPTC ninjs stories with a known language, English and not, in path order. */
    private static List<Story> agencyStories(Path corpora) throws IOException {
        List<Story> english = new ArrayList<>();
        List<Story> other = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // no source defaults: the language a story gets must be its own (declared) or left to the hand labels
        NormaliserLimits limits = NormaliserLimits.defaults().withSources(SourceDefaults.none());
        try (ArticleInspector inspector = new ArticleInspector(Clock.systemUTC(), limits)) {
            for (String folder : List.of("agency-samples", "iptc-ninjs")) {
                Path root = corpora.resolve(folder);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    NormalisationResult r;
                    try {
                        r = inspector.inspectDetailed(file, "evaluation");
                    } catch (NormalisationException e) {
                        continue; // not a text story
                    }
                    for (int i = 0; i < r.articles().size(); i++) {
                        Article a = r.articles().get(i);
                        String body = String.join("\n", a.getBodyParagraphs());
                        if (body.length() < 150 || !seen.add(body)) {
                            continue;
                        }
                        boolean declared = r.diagnostics().get(i).languageSource().equals("item");
                        String language = declared ? primary(a.getLanguage())
                                : READ_AS_ENGLISH.contains(file.getFileName().toString()) ? "en" : null;
                        if (language == null) {
                            continue;
                        }
                        String id = corpora.relativize(file) + (r.articles().size() > 1 ? "#" + i : "");
                        List<Story> set = language.equals("en") ? english : other;
                        set.add(new Story(language.equals("en") ? "agency, English" : "agency, not English", id,
                                language, a.getHeadline(), body, set.size()));
                    }
                }
            }
        }
        List<Story> out = new ArrayList<>(english);
        out.addAll(other);
        return out;
    }

    /** The first {@code length} characters, cut back to the last space in its second half. */
    static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int space = text.lastIndexOf(' ', length);
        return text.substring(0, space > length / 2 ? space : length);
    }

    private static String primary(String tag) {
        String p = tag.toLowerCase(Locale.ROOT).split("-")[0];
        return p.equals("no") || p.equals("nn") ? "nb" : p;
    }

    static boolean sameLanguage(String detected, String truth) {
        return primary(detected).equals(primary(truth));
    }

    /** The rows as a table. */
    public static String render(List<Row> rows, Half half) {
        StringBuilder sb = new StringBuilder();
        sb.append("Language on short copy (").append(half == Half.REPORT ? "odd positions: not tuned on"
                : half == Half.TUNING ? "even positions: the rule was chosen on these" : "all").append(")\n");
        sb.append("right / no answer / wrong; the body cut to N characters\n");
        sb.append(String.format(Locale.ROOT, "%-24s %5s %7s | %-20s | %-20s | %-20s%n", "set", "N", "stories",
                "strict, headline+body", "default, headline+body", "default, body alone"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-24s %5d %7d | %-20s | %-20s | %-20s%n", r.set(), r.length(),
                    r.strict().total(), r.strict(), r.headlineAndBody(), r.bodyAlone()));
        }
        Counts strict = total(rows, Row::strict);
        Counts both = total(rows, Row::headlineAndBody);
        Counts body = total(rows, Row::bodyAlone);
        sb.append(String.format(Locale.ROOT, "%-24s %5s %7d | %-20s | %-20s | %-20s%n", "all", "", strict.total(),
                strict, both, body));
        sb.append(String.format(Locale.ROOT, "%-24s %5s %7s | %-20s | %-20s | %-20s%n", "answered / wrong of answered",
                "", "", shares(strict), shares(both), shares(body)));
        return sb.toString();
    }

    /** The counts of every row added up. */
    public static Counts total(List<Row> rows, java.util.function.Function<Row, Counts> which) {
        int right = 0;
        int none = 0;
        int wrong = 0;
        for (Row r : rows) {
            Counts c = which.apply(r);
            right += c.right();
            none += c.none();
            wrong += c.wrong();
        }
        return new Counts(right, none, wrong);
    }

    private static String shares(Counts c) {
        int answered = c.right() + c.wrong();
        return String.format(Locale.ROOT, "%.1f%% / %.2f%%", 100.0 * answered / Math.max(1, c.total()),
                100.0 * c.wrong() / Math.max(1, answered));
    }

    /** Prints both halves; argument: the corpora folder (default: ../shared/corpora). */
    public static void main(String[] args) throws IOException {
        Path corpora = args.length > 0 ? Paths.get(args[0])
                : io.wirestream.newsformats.corpora.CorporaLocation.find().orElse(Paths.get("..", "shared", "corpora"));
        if (!Files.isDirectory(corpora.resolve("bbc-dev"))) {
            System.out.println("corpora folder not found (" + corpora.toAbsolutePath().normalize()
                    + "): nothing to report; the corpora are read in place and never copied into the project");
            return;
        }
        System.out.println(render(run(corpora, Half.REPORT), Half.REPORT));
        System.out.println(render(run(corpora, Half.TUNING), Half.TUNING));
    }
}

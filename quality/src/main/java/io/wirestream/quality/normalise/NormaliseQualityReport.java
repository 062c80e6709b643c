package io.wirestream.quality.normalise;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.ArticleDiagnostics;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.inspect.ArticleInspector;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.newsformats.format.Detection;
import io.wirestream.newsformats.format.FormatDetector;
import io.wirestream.newsformats.format.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs every file of the shared corpora ({@code agency-samples}, every {@code iptc-*} folder and the web copy sample)
 * through the normaliser, as {@code wire inspect} would, and reports per format: files, parsed, rejected with
 * reasons, and the share of articles with a headline read from the item, a body, a versioncreated read with an
 * explicit zone (so its UTC value is exact), one written without a zone and read in the zone configured for its
 * source ({@code SourceDefaults}: by default the built-in provider zones), and a language.
 *
 * <p>Rejections are sorted into expected ones (the file is not a text story: pictures, video, concepts, events,
 * JSON Schemas, licences; or an item with no text at all, such as the IPTC conformance shells) and failures (a text
 * story that did not parse). Every text item is meant to parse: {@link Report#failures()} should be empty.
 *
 * <p>The corpora belong to their owners and stay where they are; this tool only reads them. When the folder is
 * missing it says so and reports nothing.
 */
public final class NormaliseQualityReport {

    /** Reasons that mean "not a text story" rather than "a story we failed on". */
    static final Set<String> EXPECTED_REASONS = Set.of("not-text", "unknown-format", "no-headline", "empty-payload");

    /** One file's outcome. */
    public record FileOutcome(
            Path file,
            WireFormat format,
            String detectionReason,
            boolean parsed,
            int articles,
            String stage,
            String reason,
            String detail,
            boolean expected,
            List<Article> parsedArticles,
            List<ArticleDiagnostics> diagnostics) {}

    /** Figures for one format. Shares are over articles (a feed file can hold several). */
    public record FormatStats(
            WireFormat format,
            int files,
            int parsed,
            int rejected,
            int unexpectedRejections,
            Map<String, Integer> rejectionReasons,
            int articles,
            int withItemHeadline,
            int withBody,
            int withUtcVersionCreated,
            int withConfiguredZone,
            int withLanguage) {

        public double headlineShare() {
            return share(withItemHeadline);
        }

        public double bodyShare() {
            return share(withBody);
        }

        public double utcVersionCreatedShare() {
            return share(withUtcVersionCreated);
        }

        /** Share of articles whose versioncreated had no zone and was read in the one configured for its source. */
        public double configuredZoneShare() {
            return share(withConfiguredZone);
        }

        public double languageShare() {
            return share(withLanguage);
        }

        private double share(int n) {
            return articles == 0 ? 0.0 : (double) n / articles;
        }
    }

    /** The whole report. */
    public record Report(Path corpora, List<FormatStats> formats, List<FileOutcome> files) {

        /** Text stories that did not parse: should be empty. */
        public List<FileOutcome> failures() {
            return files.stream().filter(f -> !f.parsed() && !f.expected()).toList();
        }

        public int totalFiles() {
            return files.size();
        }

        public int totalParsed() {
            return (int) files.stream().filter(FileOutcome::parsed).count();
        }

        /** The report as text, as {@link #main} prints it. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("Normalisation quality over ").append(corpora).append('\n');
            sb.append(String.format(Locale.ROOT, "%-10s %6s %7s %9s %9s %9s %7s %8s %9s %9s%n", "format", "files", "parsed",
                    "rejected", "articles", "headline", "body", "UTC-time", "zone-cfg", "language"));
            for (FormatStats s : formats) {
                sb.append(String.format(Locale.ROOT, "%-10s %6d %7d %9d %9d %8.0f%% %6.0f%% %7.0f%% %8.0f%% %8.0f%%%n",
                        s.format().label(), s.files(), s.parsed(), s.rejected(), s.articles(),
                        100 * s.headlineShare(), 100 * s.bodyShare(), 100 * s.utcVersionCreatedShare(),
                        100 * s.configuredZoneShare(), 100 * s.languageShare()));
            }
            sb.append(String.format(Locale.ROOT, "%-10s %6d %7d %9d%n", "total", totalFiles(), totalParsed(),
                    totalFiles() - totalParsed()));
            sb.append("\nheadline = read from the item (not derived from the lead); UTC-time = versioncreated read"
                    + " with an explicit zone; zone-cfg = versioncreated written without a zone, read in the zone"
                    + " configured for its source; shares are over articles.\n");

            sb.append("\nRejections by format and reason:\n");
            for (FormatStats s : formats) {
                if (s.rejectionReasons().isEmpty()) {
                    continue;
                }
                sb.append("  ").append(s.format().label()).append(": ");
                List<String> parts = new ArrayList<>();
                s.rejectionReasons().forEach((r, n) -> parts.add(r + " x" + n));
                sb.append(String.join(", ", parts)).append('\n');
            }

            List<FileOutcome> failures = failures();
            sb.append("\nText items that did not parse: ").append(failures.size()).append('\n');
            for (FileOutcome f : failures) {
                sb.append("  ").append(relative(f.file())).append(": ").append(f.stage()).append('/')
                        .append(f.reason()).append(" - ").append(f.detail()).append('\n');
            }
            sb.append("\nExpected rejections (not a text story, or an item with no text at all):\n");
            for (FileOutcome f : files) {
                if (!f.parsed() && f.expected()) {
                    sb.append("  ").append(relative(f.file())).append(": ").append(f.reason()).append(" - ")
                            .append(shorten(f.detail(), 140)).append('\n');
                }
            }
            sb.append("\nParsed articles with a derived headline, a zone-less or missing time (or one read in a configured"
                    + " zone), no body, or no language (or one by default):\n");
            for (FileOutcome f : files) {
                for (int i = 0; i < f.diagnostics().size(); i++) {
                    ArticleDiagnostics d = f.diagnostics().get(i);
                    Article a = f.parsedArticles().get(i);
                    List<String> gaps = new ArrayList<>();
                    if (d.headlineDerived()) {
                        gaps.add("headline derived");
                    }
                    if (d.assumedZone() != null) {
                        gaps.add("zone-less time read in " + d.assumedZone());
                    } else if (!d.utcVersionCreated()) {
                        gaps.add("versioncreated " + d.versionCreatedSource());
                    }
                    if (a.getBodyParagraphs().isEmpty()) {
                        gaps.add("no body");
                    }
                    if (a.getLanguage() == null) {
                        gaps.add("no language");
                    } else if (d.languageSource().equals("default")) {
                        gaps.add("language " + a.getLanguage() + " by the default for its source");
                    }
                    if (!gaps.isEmpty()) {
                        sb.append("  ").append(relative(f.file()))
                                .append(f.parsedArticles().size() > 1 ? " #" + (i + 1) : "").append(": ")
                                .append(String.join(", ", gaps)).append('\n');
                    }
                }
            }
            sb.append(renderEditorialStates());
            return sb.toString();
        }

        /**
         * The editorial state of every parsed article: counts by pubstatus, then each article that is not plainly
         * usable (embargoed, withheld, killed, or carrying a kill, hold or correction signal), so a change to the
         * editorial rules shows here as a changed line.
         */
        public String renderEditorialStates() {
            StringBuilder sb = new StringBuilder("\nEditorial state of parsed articles:\n");
            Map<String, Integer> counts = new java.util.TreeMap<>();
            List<String> lines = new ArrayList<>();
            for (FileOutcome f : files) {
                for (int i = 0; i < f.parsedArticles().size(); i++) {
                    Article a = f.parsedArticles().get(i);
                    counts.merge(String.valueOf(a.getPubstatus()), 1, Integer::sum);
                    List<String> editorial = a.getSignals().stream()
                            .filter(x -> !x.equals("update") && !x.equals("advisory")).toList();
                    if (a.getPubstatus() != io.wirestream.avro.PubStatus.usable || a.getEmbargoed() != null
                            || !editorial.isEmpty()) {
                        lines.add("  " + relative(f.file()) + (f.parsedArticles().size() > 1 ? " #" + (i + 1) : "")
                                + ": " + a.getPubstatus() + (a.getEmbargoed() == null ? "" : " embargoed " + a.getEmbargoed())
                                + (editorial.isEmpty() ? "" : " " + editorial) + '\n');
                    }
                }
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(k + " x" + v));
            sb.append("  ").append(String.join(", ", parts)).append('\n');
            lines.forEach(sb::append);
            return sb.toString();
        }

        private String relative(Path p) {
            try {
                return corpora.relativize(p).toString();
            } catch (IllegalArgumentException e) {
                return p.toString();
            }
        }
    }

    private NormaliseQualityReport() {}

    /** The files the report covers: agency-samples, every iptc-* folder, and web-copy-sample.txt. */
    public static List<Path> corpusFiles(Path corpora) throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(corpora.resolve("agency-samples"));
        try (Stream<Path> top = Files.list(corpora)) {
            top.filter(p -> p.getFileName().toString().startsWith("iptc-") && Files.isDirectory(p))
                    .sorted().forEach(roots::add);
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        Path web = corpora.resolve("web-copy-sample.txt");
        if (Files.isRegularFile(web)) {
            files.add(web);
        }
        return files;
    }

    /** Runs the report; the agency of each file is the corpus folder it sits in. */
    public static Report run(Path corpora) {
        Path root = corpora.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("corpora folder not found: " + root);
        }
        FormatDetector detector = new FormatDetector();
        List<FileOutcome> outcomes = new ArrayList<>();
        try (ArticleInspector inspector = new ArticleInspector(Clock.systemUTC(), NormaliserLimits.defaults())) {
            for (Path file : corpusFiles(root)) {
                String agency = agencyOf(root, file);
                byte[] bytes = Files.readAllBytes(file);
                Detection det = detector.detect(bytes, null, null);
                try {
                    NormalisationResult r = inspector.inspectDetailed(file, agency);
                    outcomes.add(new FileOutcome(file, det.format(), det.reason(), true, r.articles().size(), null, null,
                            r.skipped().isEmpty() ? null : r.skipped().size() + " item(s) skipped", true,
                            r.articles(), r.diagnostics()));
                } catch (NormalisationException e) {
                    outcomes.add(new FileOutcome(file, det.format(), det.reason(), false, 0, e.stage(), e.reason(),
                            e.getMessage(), EXPECTED_REASONS.contains(e.reason()), List.of(), List.of()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(root, stats(outcomes), outcomes);
    }

    private static String agencyOf(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "web-copy";
    }

    private static List<FormatStats> stats(List<FileOutcome> outcomes) {
        Map<WireFormat, List<FileOutcome>> byFormat = new EnumMap<>(WireFormat.class);
        for (FileOutcome o : outcomes) {
            byFormat.computeIfAbsent(o.format(), k -> new ArrayList<>()).add(o);
        }
        List<FormatStats> out = new ArrayList<>();
        for (Map.Entry<WireFormat, List<FileOutcome>> e : byFormat.entrySet()) {
            int parsed = 0;
            int unexpected = 0;
            int articles = 0;
            int headline = 0;
            int body = 0;
            int utc = 0;
            int configuredZone = 0;
            int language = 0;
            Map<String, Integer> reasons = new TreeMap<>();
            for (FileOutcome o : e.getValue()) {
                if (o.parsed()) {
                    parsed++;
                } else {
                    reasons.merge(o.reason(), 1, Integer::sum);
                    if (!o.expected()) {
                        unexpected++;
                    }
                }
                for (int i = 0; i < o.parsedArticles().size(); i++) {
                    Article a = o.parsedArticles().get(i);
                    ArticleDiagnostics d = o.diagnostics().get(i);
                    articles++;
                    headline += d.headlineDerived() || a.getHeadline().isBlank() ? 0 : 1;
                    body += a.getBodyParagraphs().isEmpty() ? 0 : 1;
                    utc += d.utcVersionCreated() ? 1 : 0;
                    configuredZone += d.versionCreatedSource() == TimeSource.ITEM_CONFIGURED_ZONE ? 1 : 0;
                    language += a.getLanguage() == null ? 0 : 1;
                }
            }
            out.add(new FormatStats(e.getKey(), e.getValue().size(), parsed, e.getValue().size() - parsed, unexpected,
                    reasons, articles, headline, body, utc, configuredZone, language));
        }
        out.sort(Comparator.comparing(FormatStats::format));
        return out;
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Prints the report; argument: the corpora folder (default: the wirestream.corpora property or ../shared/corpora). */
    public static void main(String[] args) {
        Path corpora = args.length > 0 ? Paths.get(args[0])
                : io.wirestream.newsformats.corpora.CorporaLocation.find().orElse(Paths.get("..", "shared", "corpora"));
        if (!Files.isDirectory(corpora)) {
            System.out.println("corpora folder not found (" + corpora.toAbsolutePath().normalize()
                    + "): nothing to report; the corpora are read in place and never copied into the project");
            return;
        }
        Report report = run(corpora);
        System.out.print(report.render());
        if (!report.failures().isEmpty()) {
            System.exit(1);
        }
    }
}

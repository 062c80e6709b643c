package io.wirestream.quality.tagging;

import io.wirestream.newsformats.corpora.CorporaLocation;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.related.LinkSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures tagging and linking on the shared corpora and prints the numbers next to the targets:
 * <pre>
 * java -cp ... io.wirestream.quality.tagging.TaggingQualityReport [corpora-dir [ner-model-file]]
 * </pre>
 * The corpora directory defaults to system property {@code wirestream.corpora}, then {@code ../shared/corpora}.
 * The corpora are only read; a missing corpus is reported as skipped.
 */
public final class TaggingQualityReport {

    /** The CoNLL-2003 English files measured when present, in the order printed. */
    static final List<String> CONLL_SPLITS = List.of("eng.testa", "eng.train", "eng.testb");
    /** What each file was to the rules: only eng.testb says how they do on copy nobody tuned them on. */
    private static final Map<String, String> CONLL_ROLES = Map.of(
            "eng.testa", "rules tuned looking at its errors",
            "eng.train", "rules tuned looking at its errors since knowledge 2026.12-1",
            "eng.testb", "never looked at: untuned");
    /** The same files to a trained model (--ner-model): its training data, its selection set, untouched. */
    private static final Map<String, String> CONLL_ROLES_MODEL = Map.of(
            "eng.testa", "trained model: its selection set",
            "eng.train", "trained model: its own training data, not a measure",
            "eng.testb", "trained model: never looked at");

    private final ArticleTagger tagger;
    private final LinkSettings linkSettings;

    public TaggingQualityReport(ArticleTagger tagger, LinkSettings linkSettings) {
        this.tagger = tagger;
        this.linkSettings = linkSettings;
    }

    public static void main(String[] args) throws IOException {
        // Avro 1.12 refuses to build generated classes outside trusted packages; a standalone run trusts ours
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.wirestream.avro");
        }
        Optional<Path> corpora = args.length > 0 ? Optional.of(Path.of(args[0])) : CorporaLocation.find();
        if (corpora.isEmpty() || !Files.isDirectory(corpora.get())) {
            System.out.println("tagging quality: corpora not found (set -Dwirestream.corpora or pass a folder); skipped");
            return;
        }
        // a second argument: a trained name-finder model measured in place of the rules (for English copy)
        TaggerSettings settings = TaggerSettings.defaults().withNerModel(args.length > 1 ? args[1] : "");
        ArticleTagger tagger = new ArticleTagger(KnowledgeBase.bundled(), settings);
        tagger.nerModel().ifPresent(m -> System.out.println("English names from the trained model " + m.describe()));
        TaggingQualityReport report = new TaggingQualityReport(tagger, LinkSettings.defaults());
        report.print(report.measure(corpora.get()), System.out);
    }

    /** Runs every evaluation whose corpus is present. */
    public QualityNumbers measure(Path corpora) throws IOException {
        Map<String, Map<String, PrecisionRecall>> conll = new LinkedHashMap<>();
        for (String split : CONLL_SPLITS) {
            Path file = corpora.resolve("conll2003").resolve(split);
            if (Files.exists(file)) {
                conll.put(split, new ConllEntityEvaluation(tagger, 0.5).evaluate(file));
            }
        }
        Path reuters = corpora.resolve("reuters21578-train");
        Path bbc = corpora.resolve("bbc-dev");
        Path ecb = corpora.resolve("ecbplus-dev");
        Path basil = corpora.resolve("basil-dev/articles");
        RelatedLinkEvaluation links = new RelatedLinkEvaluation(tagger, linkSettings);
        return new QualityNumbers(tagger.knowledge().version(),
                conll.isEmpty() ? null : conll,
                Files.isDirectory(reuters) ? new ReutersLabelEvaluation(tagger).evaluate(reuters) : null,
                Files.isDirectory(bbc) ? new BbcTopicEvaluation(tagger).evaluate(bbc) : null,
                Files.isDirectory(ecb) ? links.evaluate(LinkingCorpora.ecbPlus(ecb)) : null,
                Files.isDirectory(basil) ? links.evaluate(LinkingCorpora.basil(basil)) : null);
    }

    public void print(QualityNumbers n, PrintStream out) {
        out.println("tagging quality (knowledge " + n.knowledgeVersion() + ")");
        for (String split : CONLL_SPLITS) {
            Map<String, PrecisionRecall> table = n.conll() == null ? null : n.conll().get(split);
            if (table == null) {
                out.println("CoNLL-2003 " + split + ": skipped (absent)");
            } else {
                String role = (tagger.nerModel().isPresent() ? CONLL_ROLES_MODEL : CONLL_ROLES).get(split);
                out.println("CoNLL-2003 " + split + " (" + role + "), exact spans "
                        + "(targets: F1 PER >= 0.85, LOC >= 0.85, ORG >= 0.75)");
                printTable(table, out);
            }
        }
        if (n.reuters() == null) {
            out.println("Reuters-21578 train: skipped (absent)");
        } else {
            out.println("Reuters-21578 train, story labels");
            printTable(n.reuters(), out);
        }
        if (n.bbc() == null) {
            out.println("BBC dev Media Topics: skipped (absent)");
        } else {
            out.printf(Locale.ROOT, "BBC dev Media Topic accuracy (target >= 0.90): %.3f over %d articles %s%n",
                    n.bbc().accuracy(), n.bbc().articles(), rounded(n.bbc().accuracyByFolder()));
        }
        printLinks("ECB+ dev", n.ecbPlus(), out);
        printLinks("BASIL dev", n.basil(), out);
    }

    private static void printLinks(String name, RelatedLinkEvaluation.Result r, PrintStream out) {
        if (r == null) {
            out.println(name + " related links: skipped (absent)");
            return;
        }
        out.printf(Locale.ROOT, "%s related links (target precision@3 >= 0.80, same event ranked above same-topic other "
                + "event): %s%n", name, linkNumbers(r));
        r.byPart().forEach((part, p) -> out.printf(Locale.ROOT, "  %s queries (%s): %s%n", part,
                LinkingCorpora.TUNING.equals(part) ? "looked at while tuning the ranking" : "not looked at while tuning",
                linkNumbers(p)));
    }

    private static String linkNumbers(RelatedLinkEvaluation.Result r) {
        return String.format(Locale.ROOT, "precision@3 %.3f, precision of returned links %.3f, best same-event story "
                        + "above best other-event story %.3f of %d (head to head %.3f of %d), same-event above other-event pairs "
                        + "%.3f of %d, %d stories",
                r.precisionAt3(), r.returnedPrecision(), r.sameEventAboveOtherEvent(), r.rankChecks(), r.headToHead(),
                r.headToHeadChecks(),
                r.pairwiseOrdering(), r.pairs(), r.stories());
    }

    private static void printTable(Map<String, PrecisionRecall> table, PrintStream out) {
        table.forEach((type, pr) -> out.printf(Locale.ROOT, "  %-7s %s%n", type, pr));
    }

    private static String rounded(Map<String, Double> byFolder) {
        StringBuilder sb = new StringBuilder("(");
        byFolder.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v)));
        return sb.append(')').toString();
    }
}

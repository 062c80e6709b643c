package io.wirestream.quality.tagging;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.ner.ConllDocument;
import io.wirestream.enrich.tagging.ner.NerModel;
import io.wirestream.enrich.tagging.ner.NerTrainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the optional English name finder from the user's own copy of CoNLL-2003 and measures it honestly:
 * <ul>
 *   <li>{@link #crossValidate}: k-fold cross-validation on eng.train split by document ({@code -DOCSTART-}), the model
 *       of each fold trained on the other folds, with the rules scored on the same held-out folds beside it;</li>
 *   <li>{@link #train}: the model trained on all of eng.train, scored on eng.testa (the set features and iterations
 *       were chosen on, so its figure flatters the model), written with the training file's SHA-256, the feature
 *       version, the parameters and the scores in its manifest.</li>
 * </ul>
 * The model is never part of the project: CoNLL-2003 is Reuters text under a research-only agreement.
 */
public final class NerModelEvaluation {

    static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    private final NerTrainer.Parameters parameters;
    private final PrintStream progress;

    public NerModelEvaluation(NerTrainer.Parameters parameters, PrintStream progress) {
        this.parameters = parameters;
        this.progress = progress;
    }

    /**
     * Splits documents into k folds, document i into fold i mod k: a document is never in two folds, and each fold
     * takes documents from the whole file (CoNLL-2003 is in date order, with runs of similar stories).
     */
    public static List<List<ConllDocument>> folds(List<ConllDocument> documents, int k) {
        if (k < 2 || k > documents.size()) {
            throw new IllegalArgumentException("cannot split " + documents.size() + " documents into " + k + " folds");
        }
        List<List<ConllDocument>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < documents.size(); i++) {
            folds.get(i % k).add(documents.get(i));
        }
        return folds;
    }

    /** Exact-span counts summed over the held-out folds, the model's and the rules'. */
    public record CrossValidation(int folds, Map<String, PrecisionRecall> model, Map<String, PrecisionRecall> rules) {
    }

    public CrossValidation crossValidate(List<ConllDocument> documents, int k) {
        List<List<ConllDocument>> folds = folds(documents, k);
        ArticleTagger rules = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), null);
        Map<String, PrecisionRecall> modelTotal = zero();
        Map<String, PrecisionRecall> rulesTotal = zero();
        for (int f = 0; f < k; f++) {
            List<ConllDocument> training = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    training.addAll(folds.get(g));
                }
            }
            long started = System.nanoTime();
            progress.printf(Locale.ROOT, "fold %d/%d: training on %d documents (%s) ...%n", f + 1, k, training.size(),
                    parameters);
            NerModel model = NerTrainer.train(training, parameters, Map.of());
            Map<String, PrecisionRecall> m = score(model, folds.get(f));
            Map<String, PrecisionRecall> r = new ConllEntityEvaluation(rules, 0.5).evaluate(folds.get(f));
            progress.printf(Locale.ROOT, "fold %d/%d (%d held-out documents, %.0f s): model %s; rules %s%n", f + 1, k,
                    folds.get(f).size(), (System.nanoTime() - started) / 1e9, f1s(m), f1s(r));
            add(modelTotal, m);
            add(rulesTotal, r);
        }
        return new CrossValidation(k, modelTotal, rulesTotal);
    }

    /**
     * Trains on all of {@code trainFile}; scores on {@code selectionFile} when it exists (the selection set) and
     * records the scores in the model.
     */
    public NerModel train(Path trainFile, Path selectionFile) throws IOException {
        List<ConllDocument> documents = ConllDocument.read(trainFile);
        progress.printf(Locale.ROOT, "training on %s: %d documents, %d tokens (%s) ...%n", trainFile, documents.size(),
                documents.stream().mapToInt(ConllDocument::tokens).sum(), parameters);
        long started = System.nanoTime();
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put(NerModel.TRAINING_DATA, trainFile.getFileName().toString());
        manifest.put(NerModel.TRAINING_SHA256, sha256(trainFile));
        manifest.put(NerModel.TRAINED_AT, Instant.now().toString());
        NerModel model = NerTrainer.train(documents, parameters, manifest);
        progress.printf(Locale.ROOT, "trained in %.0f s%n", (System.nanoTime() - started) / 1e9);
        if (selectionFile != null && Files.exists(selectionFile)) {
            Map<String, PrecisionRecall> scores = score(model, ConllDocument.read(selectionFile));
            progress.println(selectionFile.getFileName() + " (the selection set: features and iterations were chosen on it)");
            scores.forEach((type, pr) -> progress.printf(Locale.ROOT, "  %-7s %s%n", type, pr));
            model = model.with(Map.of(NerModel.SCORES, selectionFile.getFileName() + " (selection set) exact-span F1 "
                    + f1s(scores)));
        }
        return model;
    }

    static Map<String, PrecisionRecall> score(NerModel model, List<ConllDocument> documents) {
        ArticleTagger tagger = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model);
        return new ConllEntityEvaluation(tagger, 0.5).evaluate(documents);
    }

    static String f1s(Map<String, PrecisionRecall> scores) {
        StringBuilder sb = new StringBuilder();
        scores.forEach((type, pr) -> sb.append(sb.length() > 0 ? " " : "")
                .append(String.format(Locale.ROOT, "%s %.3f", type, pr.f1())));
        return sb.toString();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
                digest.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, PrecisionRecall> zero() {
        Map<String, PrecisionRecall> m = new LinkedHashMap<>();
        TYPES.forEach(t -> m.put(t, PrecisionRecall.ZERO));
        return m;
    }

    private static void add(Map<String, PrecisionRecall> total, Map<String, PrecisionRecall> part) {
        part.forEach((type, pr) -> total.merge(type, pr,
                (a, b) -> a.plus(b.truePositives(), b.falsePositives(), b.falseNegatives())));
    }

    /**
     * What {@code wire quality tagging --cross-validate / --train-model} run: cross-validation on eng.train and the
     * model on eng.testa, and/or a model trained on all of eng.train written to {@code modelOut}.
     */
    public static void run(Path corpora, boolean crossValidate, int folds, Path modelOut, NerTrainer.Parameters parameters,
                           PrintStream out) throws IOException {
        Path train = corpora.resolve("conll2003").resolve("eng.train");
        Path testa = corpora.resolve("conll2003").resolve("eng.testa");
        if (!Files.exists(train)) {
            out.println("CoNLL-2003 eng.train not found under " + corpora + ": nothing trained. The model is trained from "
                    + "your own licensed copy of CoNLL-2003 (put eng.train, and eng.testa for the selection score, in "
                    + "<corpora>/conll2003/).");
            return;
        }
        NerModelEvaluation evaluation = new NerModelEvaluation(parameters, out);
        if (crossValidate) {
            print(evaluation.crossValidate(ConllDocument.read(train), folds), out);
        }
        if (modelOut != null || crossValidate) {
            NerModel model = evaluation.train(train, testa);
            if (modelOut != null) {
                model.write(modelOut);
                // read back, as the tagger will: the file round-trips and says what it is
                out.println("model written: " + NerModel.load(modelOut).describe());
                out.println("use it with enrich.tagging.ner.model=" + modelOut.toAbsolutePath()
                        + " (trained from your licensed copy of CoNLL-2003: do not distribute it)");
            }
        }
    }

    /**
     * What {@code wire quality tagging --ner-model FILE --compare-decoders} runs: the model's own decoder
     * ({@code PerceptronNameFinder}) against OpenNLP's NameFinderME on eng.testa, sentence by sentence on the CoNLL
     * tokens (in how many sentences the spans agree, and how far apart the probabilities are where they do: ours adds
     * the same weights in another order), with each one's decoding CPU time, and the whole tagger's exact-span F1
     * with each.
     */
    public static void compareDecoders(Path corpora, Path modelFile, PrintStream out) throws IOException {
        Path testa = corpora.resolve("conll2003").resolve("eng.testa");
        if (!Files.exists(testa)) {
            out.println("CoNLL-2003 eng.testa not found under " + corpora + ": no decoders compared");
            return;
        }
        NerModel model = NerModel.load(modelFile);
        List<ConllDocument> documents = ConllDocument.read(testa);
        out.println("decoders of " + model.describe() + " on " + testa.getFileName());
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms both up
            opennlp.tools.namefind.TokenNameFinder ours = model.newFinder();
            opennlp.tools.namefind.NameFinderME theirs = model.newOpenNlpFinder();
            int sentences = 0;
            int tokens = 0;
            int names = 0;
            int differentSpans = 0;
            double largestProbabilityDifference = 0;
            long oursNanos = 0;
            long theirsNanos = 0;
            for (ConllDocument d : documents) {
                ours.clearAdaptiveData();
                theirs.clearAdaptiveData();
                for (ConllDocument.Sentence s : d.sentences()) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    opennlp.tools.util.Span[] a = ours.find(s.words());
                    long t1 = cpu.getCurrentThreadCpuTime();
                    opennlp.tools.util.Span[] b = theirs.find(s.words());
                    long t2 = cpu.getCurrentThreadCpuTime();
                    oursNanos += t1 - t0;
                    theirsNanos += t2 - t1;
                    sentences++;
                    tokens += s.words().length;
                    names += b.length;
                    if (!java.util.Arrays.equals(a, b)) {
                        differentSpans++;
                    } else {
                        for (int i = 0; i < a.length; i++) {
                            largestProbabilityDifference = Math.max(largestProbabilityDifference,
                                    Math.abs(a[i].getProb() - b[i].getProb()));
                        }
                    }
                }
            }
            if (round == 1) {
                // ours adds the same weights in another order: probabilities agree to within rounding, and spans
                // differ only where OpenNLP's best outcomes tie to the last bit
                out.printf(Locale.ROOT, "  %d sentences, %d tokens, %d names (OpenNLP): spans agree in %d of %d "
                                + "sentences (%.2f %%); largest difference of a span's probability where they agree: %.1e%n",
                        sentences, tokens, names, sentences - differentSpans, sentences,
                        100.0 * (sentences - differentSpans) / sentences, largestProbabilityDifference);
                out.printf(Locale.ROOT, "  decoding CPU time per token: %s %.2f us, OpenNLP NameFinderME %.2f us%n",
                        model.decoder(), oursNanos / 1e3 / tokens, theirsNanos / 1e3 / tokens);
            }
        }
        Map<String, PrecisionRecall> ours = score(model, documents);
        Map<String, PrecisionRecall> theirs = score(model.withOpenNlpDecoder(), documents);
        for (String type : TYPES) {
            out.printf(Locale.ROOT, "  %-4s %s: %s%n       opennlp: %s%n", type, model.decoder(), ours.get(type), theirs.get(type));
        }
    }

    /** Prints cross-validation figures with the rules' on the same folds. */
    public static void print(CrossValidation cv, PrintStream out) {
        out.printf(Locale.ROOT, "CoNLL-2003 eng.train, %d-fold cross-validation by document, exact spans, summed over the "
                + "held-out folds (targets: F1 PER >= 0.88, LOC >= 0.88, ORG >= 0.78)%n", cv.folds());
        for (String type : TYPES) {
            out.printf(Locale.ROOT, "  %-4s model %s%n       rules %s%n", type, cv.model().get(type), cv.rules().get(type));
        }
    }
}

package io.wirestream.wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wire quality ...}: the quality reports on the shared news corpora. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Measure quality on real news corpora (../shared/corpora: agency samples, IPTC examples,",
                "Reuters-21578, CoNLL-2003, ECB+, BASIL, BBC). Each report says plainly when its corpus is absent."},
        subcommands = {QualityCommand.Normalise.class, QualityCommand.Language.class, QualityCommand.Dedupe.class,
                QualityCommand.Tagging.class})
public final class QualityCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Finds the corpora: the option, else the shared locator, also looking beside the checkout the jar was built in. */
    static Optional<Path> corpora(Path option) {
        if (option != null) {
            return Files.isDirectory(option) ? Optional.of(option) : Optional.empty();
        }
        try {
            Path jarDir = Path.of(QualityCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            return io.wirestream.newsformats.corpora.CorporaLocation.find(jarDir);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return io.wirestream.newsformats.corpora.CorporaLocation.find();
        }
    }

    abstract static class Report implements Callable<Integer> {
        @Option(names = "--corpora", paramLabel = "DIR", description = "Corpora folder (default: ../shared/corpora)")
        Path corporaOption;

        @Override
        public Integer call() throws Exception {
            Optional<Path> dir = corpora(corporaOption);
            if (dir.isEmpty()) {
                System.out.println("wire quality: corpora folder not found (" + (corporaOption != null ? corporaOption : "../shared/corpora")
                        + "); nothing measured. Pass --corpora DIR.");
                return 0;
            }
            run(dir.get().toAbsolutePath().normalize());
            return 0;
        }

        abstract void run(Path corpora) throws Exception;
    }

    @Command(name = "normalise", mixinStandardHelpOptions = true,
            description = "Per format: files, parsed, rejected with reasons, and the share with headline, body, UTC time and language")
    static final class Normalise extends Report {
        @Override
        void run(Path corpora) throws Exception {
            io.wirestream.quality.normalise.NormaliseQualityReport.main(new String[] {corpora.toString()});
        }
    }

    @Command(name = "language", mixinStandardHelpOptions = true,
            description = {"Language detection on short copy (BBC, BASIL, agency samples cut to 40-150 characters):",
                    "right / no answer / wrong under the rule in use and the strict rule before it, on the half not tuned on"})
    static final class Language extends Report {
        @Override
        void run(Path corpora) throws Exception {
            io.wirestream.quality.normalise.ShortCopyLanguageEvaluation.main(new String[] {corpora.toString()});
        }
    }

    @Command(name = "dedupe", mixinStandardHelpOptions = true,
            description = {"Exact and near-duplicate precision and recall on generated Reuters rewrites; false merges on ECB+;",
                    "labelled real pairs: Reuters (dev, held-out) and fresh, untuned merges on BBC, BASIL and CoNLL-2003 copy"})
    static final class Dedupe extends Report {
        @Override
        void run(Path corpora) throws Exception {
            io.wirestream.quality.dedupe.DedupeQualityReport.main(new String[] {corpora.toString()});
        }
    }

    @Command(name = "tagging", mixinStandardHelpOptions = true,
            description = {"Entity P/R/F1 (CoNLL-2003, Reuters labels), Media Topic accuracy (BBC), related-link precision@3 (ECB+, BASIL).",
                    "With --cross-validate or --train-model: the optional statistical English name finder (OpenNLP), "
                            + "trained from your own licensed copy of CoNLL-2003 eng.train; the model is yours, not the "
                            + "project's: do not distribute it. Training takes a minute or more per model on two cores; "
                            + "progress is printed."})
    static final class Tagging extends Report {
        // with no FILE: under the default data dir, which git ignores
        @Option(names = "--train-model", arity = "0..1", paramLabel = "FILE", fallbackValue = "wire-data/ner/en-ner.bin",
                description = "Train the name finder on all of <corpora>/conll2003/eng.train, score it on eng.testa (the "
                        + "selection set) and write it to FILE (default: ${FALLBACK-VALUE}), with the training data's "
                        + "SHA-256, feature version, parameters and scores in its manifest. Use it with enrich.tagging.ner.model.")
        Path trainModel;

        @Option(names = "--cross-validate",
                description = "k-fold cross-validation on eng.train split by document, model and rules on the same folds")
        boolean crossValidate;

        @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds for --cross-validate (default: ${DEFAULT-VALUE})")
        int folds;

        @Option(names = "--iterations", defaultValue = "300", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE})")
        int iterations;

        @Option(names = "--cutoff", defaultValue = "2", paramLabel = "N",
                description = "Drop features seen fewer times (default: ${DEFAULT-VALUE})")
        int cutoff;

        @Option(names = "--beam", defaultValue = "3", paramLabel = "N",
                description = "Sequences the decoder keeps per token; 1 is greedy and cheapest (default: ${DEFAULT-VALUE})")
        int beam;

        @Option(names = "--algorithm", defaultValue = "PERCEPTRON", paramLabel = "NAME",
                description = "OpenNLP trainer: MAXENT or PERCEPTRON (default: ${DEFAULT-VALUE})")
        String algorithm;

        @Option(names = "--ner-model", paramLabel = "FILE",
                description = "Measure the whole report with English names from this trained model instead of the rules")
        Path nerModel;

        @Option(names = "--compare-decoders",
                description = "With --ner-model: the project's decoder of the model against OpenNLP's on eng.testa (spans, "
                        + "CPU time, F1), instead of the report")
        boolean compareDecoders;

        @Override
        void run(Path corpora) throws Exception {
            if (compareDecoders && nerModel != null) {
                io.wirestream.quality.tagging.NerModelEvaluation.compareDecoders(corpora, nerModel, System.out);
                return;
            }
            if (trainModel == null && !crossValidate) {
                io.wirestream.quality.tagging.TaggingQualityReport.main(nerModel == null ? new String[] {corpora.toString()}
                        : new String[] {corpora.toString(), nerModel.toString()});
                return;
            }
            io.wirestream.quality.tagging.NerModelEvaluation.run(corpora, crossValidate, folds, trainModel,
                    new io.wirestream.enrich.tagging.ner.NerTrainer.Parameters(algorithm, iterations, cutoff, 2, beam), System.out);
        }
    }
}

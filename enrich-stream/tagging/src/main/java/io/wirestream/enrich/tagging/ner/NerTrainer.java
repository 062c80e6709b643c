package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the name finder on CoNLL-format documents with {@link NerFeatureSet}. The first sentence of each document
 * clears the document-level features, as reading does. Deterministic for the same documents and parameters.
 */
public final class NerTrainer {

    /**
     * @param algorithm OpenNLP trainer: MAXENT (GIS) or PERCEPTRON
     * @param iterations training iterations
     * @param cutoff features seen fewer times are dropped
     * @param threads GIS threads
     * @param beam sequences the decoder keeps per token (1: greedy, the cheapest)
     */
    public record Parameters(String algorithm, int iterations, int cutoff, int threads, int beam) {

        /** What was chosen on eng.testa (see the tagging README): the averaged perceptron, 300 iterations, cutoff 2. */
        public static Parameters defaults() {
            return new Parameters("PERCEPTRON", 300, 2, 2, NameFinderME.DEFAULT_BEAM_SIZE);
        }

        @Override
        public String toString() {
            return "algorithm=" + algorithm + ",iterations=" + iterations + ",cutoff=" + cutoff + ",beam=" + beam;
        }
    }

    private NerTrainer() {
    }

    /**
     * A model trained on the documents; {@code manifest} adds facts to its manifest (training data hash, scores ...).
     * The feature version, parameters and knowledge version are always written.
     */
    public static NerModel train(List<ConllDocument> documents, Parameters parameters, Map<String, String> manifest) {
        List<NameSample> samples = new ArrayList<>();
        for (ConllDocument d : documents) {
            boolean first = true;
            for (ConllDocument.Sentence s : d.sentences()) {
                samples.add(new NameSample(s.words(), s.names(), first));
                first = false;
            }
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, parameters.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, parameters.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, parameters.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, parameters.threads());
        WireNameFinderFactory factory = new WireNameFinderFactory();
        try {
            TokenNameFinderModel trained = NameFinderME.train("en", null,
                    ObjectStreamUtils.createObjectStream(samples), params, factory);
            Map<String, String> entries = new LinkedHashMap<>(manifest);
            entries.put(NerModel.FEATURES, NerFeatureSet.VERSION);
            entries.put(NerModel.TRAINING_PARAMETERS, parameters.toString());
            entries.put(NerModel.KNOWLEDGE, KnowledgeBase.bundled().version());
            MaxentModel classifier = trained.getArtifact(NerModel.CLASSIFIER_ENTRY);
            return NerModel.of(new TokenNameFinderModel("en", classifier, parameters.beam(), null,
                    Map.of(), entries, new BioCodec(), factory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

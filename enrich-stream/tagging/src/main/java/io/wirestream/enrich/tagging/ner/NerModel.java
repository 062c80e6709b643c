package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained English name-finder model with the facts it was made from, read from its OpenNLP manifest:
 * the feature version ({@link NerFeatureSet#VERSION}, checked on load), the SHA-256 of the training file, the
 * training parameters, the knowledge version the gazetteer features came from, and the scores measured when it was
 * trained. Thread-safe: each thread gets its own name finder from {@link #newFinder()}.
 *
 * <p>No model ships with the project (the only English training data here, CoNLL-2003, is licensed for research
 * only): a user trains one from their own copy ({@code wire quality tagging --train-model}) and points
 * {@code enrich.tagging.ner.model} at it; a deployment with the right to ship one may put it on the classpath at
 * {@link #CLASSPATH_RESOURCE}.
 */
public final class NerModel {

    /** Where a deployment may put a model on the classpath. */
    public static final String CLASSPATH_RESOURCE = "/io/wirestream/enrich/tagging/ner/en-ner.bin";

    public static final String FEATURES = "wirestream.ner.features";
    public static final String TRAINING_SHA256 = "wirestream.ner.training.sha256";
    public static final String TRAINING_DATA = "wirestream.ner.training.data";
    public static final String TRAINING_PARAMETERS = "wirestream.ner.training.parameters";
    public static final String KNOWLEDGE = "wirestream.ner.knowledge";
    public static final String SCORES = "wirestream.ner.scores";
    public static final String TRAINED_AT = "wirestream.ner.trainedAt";

    /** OpenNLP's artifact name of the name finder's classifier. */
    static final String CLASSIFIER_ENTRY = "nameFinder.model";
    /** OpenNLP's manifest entry of the beam size. */
    private static final String BEAM_SIZE = "BeamSize";

    private final TokenNameFinderModel model;
    private final String origin;
    /** The classifier's weights for {@link PerceptronNameFinder}; empty for a model it cannot decode (MAXENT). */
    private final Optional<PerceptronWeights> weights;

    private NerModel(TokenNameFinderModel model, String origin) {
        this(model, origin, false);
    }

    private NerModel(TokenNameFinderModel model, String origin, boolean openNlpDecoder) {
        String features = model.getManifestProperty(FEATURES);
        if (!NerFeatureSet.VERSION.equals(features)) {
            throw new IllegalArgumentException("NER model " + origin + " was trained with features '" + features
                    + "' but this build reads '" + NerFeatureSet.VERSION + "': retrain it with "
                    + "'wire quality tagging --train-model <file>' from your copy of CoNLL-2003");
        }
        this.model = model;
        this.origin = origin;
        this.weights = openNlpDecoder ? Optional.empty() : PerceptronWeights.of(model.getArtifact(CLASSIFIER_ENTRY));
    }

    /** The same model decoded by OpenNLP's NameFinderME (to compare the decoders; slower). */
    public NerModel withOpenNlpDecoder() {
        return new NerModel(model, origin, true);
    }

    /** Wraps a freshly trained model (it must carry this build's feature version). */
    public static NerModel of(TokenNameFinderModel model) {
        return new NerModel(model, "(in memory)");
    }

    /** Reads a model file; refuses an unreadable file or one of another feature version, saying which. */
    public static NerModel load(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("NER model " + file + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new NerModel(new TokenNameFinderModel(in), file.toString());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("NER model")) {
                throw iae;
            }
            throw new IllegalArgumentException("NER model " + file + " cannot be read as an OpenNLP name-finder model: "
                    + e.getMessage(), e);
        }
    }

    /** The model at {@link #CLASSPATH_RESOURCE}, if a deployment put one there. */
    public static Optional<NerModel> fromClasspath() {
        try (InputStream in = NerModel.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new NerModel(new TokenNameFinderModel(in), "classpath:" + CLASSPATH_RESOURCE));
        } catch (IOException e) {
            throw new IllegalArgumentException("NER model classpath:" + CLASSPATH_RESOURCE + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The same classifier with more manifest facts (the scores, known only once the model has been measured). */
    public NerModel with(Map<String, String> extra) {
        return rebuild(extra, beam());
    }

    /** Sequences the decoder keeps per token, as trained. */
    public int beam() {
        String beam = property(BEAM_SIZE);
        return beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
    }

    /** The same model decoding with another beam size (a decoding choice; the classifier is unchanged). */
    public NerModel withBeam(int beam) {
        return rebuild(Map.of(), beam);
    }

    private NerModel rebuild(Map<String, String> extra, int beam) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : List.of(FEATURES, TRAINING_SHA256, TRAINING_DATA, TRAINING_PARAMETERS, KNOWLEDGE, SCORES,
                TRAINED_AT)) {
            String value = property(key);
            if (value != null) {
                entries.put(key, value);
            }
        }
        entries.putAll(extra);
        MaxentModel classifier = model.getArtifact(CLASSIFIER_ENTRY);
        return new NerModel(new TokenNameFinderModel("en", classifier, beam, null, Map.of(), entries, new BioCodec(),
                new WireNameFinderFactory()), origin);
    }

    /**
     * A name finder for one thread (it keeps per-document state): {@link PerceptronNameFinder} over the perceptron's
     * weights, which gives OpenNLP's spans at a fraction of its cost, or OpenNLP's own for a MAXENT model.
     */
    public TokenNameFinder newFinder() {
        return weights.<TokenNameFinder>map(w -> new PerceptronNameFinder(w, KnowledgeBase.bundled(), beam()))
                .orElseGet(this::newOpenNlpFinder);
    }

    /** OpenNLP's own decoder of this model (the reference {@link PerceptronNameFinder} is compared with). */
    public NameFinderME newOpenNlpFinder() {
        return new NameFinderME(model);
    }

    /** The trained classifier (the perceptron or maxent model inside the name finder). */
    MaxentModel classifier() {
        return model.getArtifact(CLASSIFIER_ENTRY);
    }

    /** Which decoder {@link #newFinder()} uses: "wirestream-perceptron" or "opennlp". */
    public String decoder() {
        return weights.isPresent() ? "wirestream-perceptron" : "opennlp";
    }

    public String property(String key) {
        return model.getManifestProperty(key);
    }

    public String origin() {
        return origin;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        model.serialize(file);
    }

    /** One line for a start-up log: where it came from, what it was trained on and how it scored. */
    public String describe() {
        return origin + " (decoder " + decoder() + ", beam " + beam() + ", features " + property(FEATURES) + ", training data sha256 " + property(TRAINING_SHA256)
                + ", knowledge " + property(KNOWLEDGE) + ", scores " + property(SCORES) + ")";
    }
}

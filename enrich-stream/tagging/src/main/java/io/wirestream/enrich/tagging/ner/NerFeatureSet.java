package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.entities.EntityRecognizer;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import opennlp.tools.util.featuregen.CachedFeatureGenerator;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

import java.util.Set;

/**
 * The features the name finder sees, in one place so that a trained model and the code reading it agree. Change
 * anything here (or in {@link KnowledgeFeatures} / {@link ShapeFeatures}) and bump {@link #VERSION}: a model trained
 * with other features is refused at start rather than silently read with the wrong ones. Tagging does not run these
 * generators but {@link HashedFeatures}, which hashes the same features without building their strings, and
 * {@link TokenScores}, which sums their weights per word: change both too ({@code PerceptronNameFinderTest} compares
 * the first with these generators feature by feature, and the second's sums with the first's).
 *
 * <p>Per token: the word and its class (OpenNLP's shape classes) two either side, prefixes and suffixes up to four
 * letters, the word bigrams, the position in the sentence, collapsed word shapes, a capitals-line flag, the curated
 * knowledge ({@link KnowledgeFeatures}) and, document-wide, what the same word was tagged earlier in the document
 * (OpenNLP's previous-map feature, cleared at each document). The previous outcomes are added by OpenNLP's context
 * generator.
 */
public final class NerFeatureSet {

    /** Bumped whenever the features change; stored in every model's manifest and checked when one is loaded. */
    public static final String VERSION = "wirestream-ner-features-1";

    static final Set<String> LEGAL_FORMS = EntityRecognizer.LEGAL_SUFFIXES;

    private NerFeatureSet() {
    }

    /**
     * A fresh generator (it holds per-document state): one per name finder. None of these features depends on the
     * outcomes of the sentence being decoded, so all are cached per token: the beam asks for each token once per
     * sequence it keeps. (The previous-map feature changes only between sentences, when the cache is cleared.)
     */
    public static AdaptiveFeatureGenerator create(KnowledgeBase kb) {
        return new CachedFeatureGenerator(
                // each token's word and class once, not once per window position
                new WindowFeatureGenerator(new CachedFeatureGenerator(new TokenFeatureGenerator(true)), 2, 2),
                new WindowFeatureGenerator(new CachedFeatureGenerator(new TokenClassFeatureGenerator(true)), 2, 2),
                new PrefixFeatureGenerator(4),
                new SuffixFeatureGenerator(4),
                new BigramNameFeatureGenerator(),
                new SentenceFeatureGenerator(true, false),
                new ShapeFeatures(),
                new OutcomePriorFeatureGenerator(),
                new PreviousMapFeatureGenerator(),
                new KnowledgeFeatures(kb));
    }
}

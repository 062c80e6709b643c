package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.DefaultNameContextGenerator;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

import java.util.Map;

/**
 * The OpenNLP factory of Wirestream's name finder: {@link NerFeatureSet} in code instead of an XML feature descriptor
 * (the knowledge-base features have no descriptor form). OpenNLP writes this class's name into the model and creates it
 * by its no-argument constructor when the model is read; the gazetteer features use the bundled knowledge base.
 */
public class WireNameFinderFactory extends TokenNameFinderFactory {

    public WireNameFinderFactory() {
        super(null, Map.of(), new BioCodec());
    }

    @Override
    public AdaptiveFeatureGenerator createFeatureGenerators() {
        return NerFeatureSet.create(KnowledgeBase.bundled());
    }

    @Override
    public NameContextGenerator createContextGenerator() {
        return new DefaultNameContextGenerator(createFeatureGenerators());
    }

    @Override
    public SequenceCodec<String> createSequenceCodec() {
        return new BioCodec();
    }

    @Override
    public void validateArtifactMap() throws InvalidFormatException {
        // no feature descriptor or resources to check: the features are code, checked by their version
    }
}

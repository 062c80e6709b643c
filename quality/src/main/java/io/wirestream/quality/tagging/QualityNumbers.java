package io.wirestream.quality.tagging;

import java.util.Map;

/**
 * Every number of the tagging quality report, as data (the {@code wire} CLI prints or checks them). A section is null
 * when its corpus is absent.
 *
 * @param knowledgeVersion version of the knowledge resources measured
 * @param conll per CoNLL-2003 file present (eng.testa: the rules were tuned looking at it; eng.train: looked at
 *              since knowledge 2026.12-1; eng.testb: never looked at), per type (PER, ORG, LOC)
 * @param reuters per label kind (PLACES, PEOPLE, ORGS) on Reuters-21578 TRAIN
 * @param bbc Media Topic accuracy on the BBC folders
 * @param ecbPlus related links on ECB+
 * @param basil related links on BASIL
 */
public record QualityNumbers(String knowledgeVersion, Map<String, Map<String, PrecisionRecall>> conll,
                             Map<String, PrecisionRecall> reuters, BbcTopicEvaluation.Result bbc,
                             RelatedLinkEvaluation.Result ecbPlus, RelatedLinkEvaluation.Result basil) {
}

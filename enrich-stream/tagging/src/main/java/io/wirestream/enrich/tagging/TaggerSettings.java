package io.wirestream.enrich.tagging;

/**
 * Knobs of the {@link ArticleTagger}.
 *
 * @param minEntityConfidence entities below this confidence are not published (they are kept in
 *                            {@link TaggingResult#mentions()} for evaluation)
 * @param maxEntities most entities written to an article, the most mentioned first
 * @param maxKeywords most keywords written to an article
 * @param nerModel path of a trained English name-finder model ({@link io.wirestream.enrich.tagging.ner.NerModel});
 *                 empty: the model on the classpath if a deployment put one there, else the rules
 */
public record TaggerSettings(double minEntityConfidence, int maxEntities, int maxKeywords, String nerModel) {

    public static TaggerSettings defaults() {
        return new TaggerSettings(0.5, 40, 10, "");
    }

    public TaggerSettings(double minEntityConfidence, int maxEntities, int maxKeywords) {
        this(minEntityConfidence, maxEntities, maxKeywords, "");
    }

    public TaggerSettings {
        if (minEntityConfidence < 0 || minEntityConfidence > 1 || maxEntities < 0 || maxKeywords < 0) {
            throw new IllegalArgumentException("invalid tagger settings");
        }
        nerModel = nerModel == null ? "" : nerModel.trim();
    }

    public TaggerSettings withNerModel(String path) {
        return new TaggerSettings(minEntityConfidence, maxEntities, maxKeywords, path);
    }
}

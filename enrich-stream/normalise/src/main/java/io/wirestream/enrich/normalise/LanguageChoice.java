package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.lang.LanguageGuesser;
import io.wirestream.enrich.normalise.model.DraftArticle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article's language, in this order: the one the item declares; else the default configured for the provider
 * the item names or the pushing agency ({@link SourceDefaults#languageFor}), since short copy (a one-paragraph
 * market report, a results line) is too little text to detect; else the one detected in the headline and the
 * first paragraphs.
 *
 * @param tag    BCP-47, or {@code null}
 * @param source "item", "default", "detected" or "none" (as {@link ArticleDiagnostics#languageSource})
 */
record LanguageChoice(String tag, String source) {

    private static final int SAMPLE_CHARS = 1500;

    static LanguageChoice choose(DraftArticle d, String agency, SourceDefaults sources, String headline,
            List<String> paragraphs, List<String> notes) {
        String declared = LanguageGuesser.normaliseTag(d.language());
        if (declared != null) {
            return new LanguageChoice(declared, "item");
        }
        Optional<Map.Entry<String, String>> configured = sources.languageFor(d.provider(), agency);
        if (configured.isPresent()) {
            notes.add("language " + configured.get().getKey() + ": the default configured for "
                    + configured.get().getValue());
            return new LanguageChoice(configured.get().getKey(), "default");
        }
        StringBuilder sample = new StringBuilder(headline);
        for (String p : paragraphs) {
            if (sample.length() > SAMPLE_CHARS) {
                break;
            }
            sample.append('\n').append(p);
        }
        String detected = LanguageGuesser.detect(sample.toString());
        return new LanguageChoice(detected, detected == null ? "none" : "detected");
    }
}

package io.wirestream.enrich.normalise.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * Language of a story: the declared tag normalised to BCP-47, or detected with the optimaize language-detector
 * (its 71 language profiles ship in its jar; loaded once, lazily). Detection needs some text and a clear winner.
 */
public final class LanguageGuesser {

    /** Below this many letters detection is not attempted. */
    static final int MIN_LETTERS = 40;
    static final double MIN_PROBABILITY = 0.90;

    private LanguageGuesser() {}

    private static final class Holder {
        static final LanguageDetector DETECTOR;
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

        static {
            try {
                DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load language profiles", e);
            }
        }
    }

    /** BCP-47 form of a declared language ("EN-us" -> "en-US", "fi-FI", "de"); {@code null} when not a tag. */
    public static String normaliseTag(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String d = declared.trim().replace('_', '-');
        try {
            Locale l = new Locale.Builder().setLanguageTag(d).build();
            String tag = l.toLanguageTag();
            return tag.isEmpty() || tag.equals("und") ? null : tag;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** Detected language (ISO 639-1 where one exists), or {@code null} when the text is short or unclear. */
    public static String detect(String text) {
        if (text == null) {
            return null;
        }
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        String sample = text.length() > 2_000 ? text.substring(0, 2_000) : text;
        List<DetectedLanguage> probs = Holder.DETECTOR.getProbabilities(Holder.TEXT.forText(sample));
        if (probs.isEmpty() || probs.get(0).getProbability() < MIN_PROBABILITY) {
            return null;
        }
        return normaliseTag(probs.get(0).getLocale().toString());
    }
}

package io.wirestream.enrich.dedupe.fingerprint;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.text.FingerprintText;
import io.wirestream.newsformats.hash.Sha256;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a story into its {@link StorySignature}: an exact digest of the canonical headline and body, and MinHash values
 * of the body's word shingles.
 *
 * <p>The headline is part of the exact digest (two dividend notices can share a body word for word and differ only in
 * the company named in the headline) but not of the shingles: rewriting desks change headlines first.
 * Shingles run across paragraph boundaries, so reordering paragraphs only disturbs the few shingles at the seams.
 * The {@link StoryTraits} (names, tickers, figures, directions) travel with the signature for the judge.
 */
public final class Fingerprinter {

    private final FingerprintSettings settings;
    private final MinHasher minHasher;

    public Fingerprinter(FingerprintSettings settings) {
        this.settings = settings;
        this.minHasher = new MinHasher(settings.signatureLength());
    }

    public StorySignature fingerprint(Article article) {
        return fingerprint(article.getHeadline(), article.getBodyParagraphs());
    }

    public StorySignature fingerprint(String headline, List<String> paragraphs) {
        List<String> headlineWords = FingerprintText.headlineWords(headline);
        List<List<String>> body = FingerprintText.bodyParagraphWords(paragraphs);
        String exact = exactDigest(headlineWords, body);
        StoryTraits traits = StoryTraits.of(headline, paragraphs);

        List<String> words = new ArrayList<>();
        body.forEach(words::addAll);
        if (words.size() < settings.shingleWords() + settings.minShingles()) {
            // too short to tell a rewrite from a different story by its words: only the exact digest counts
            return new StorySignature(exact, 0, new int[0], traits);
        }
        long[] shingles = ShingleHashes.of(words, settings.shingleWords());
        if (shingles.length < settings.minShingles()) {
            return new StorySignature(exact, 0, new int[0], traits);
        }
        return new StorySignature(exact, shingles.length, minHasher.signature(shingles), traits);
    }

    private static String exactDigest(List<String> headlineWords, List<List<String>> body) {
        StringBuilder text = new StringBuilder(FingerprintText.canonical(headlineWords));
        for (List<String> paragraph : body) {
            text.append('\n').append(FingerprintText.canonical(paragraph));
        }
        // 128 bits are plenty against accidental collisions and keep index keys short
        return Sha256.hexPrefix(text.toString(), 16);
    }
}

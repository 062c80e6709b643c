package io.wirestream.enrich.dedupe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FingerprintPropertyTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);

    @Provide
    Arbitrary<List<String>> stories() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(9);
        Arbitrary<String> paragraph = word.list().ofMinSize(12).ofMaxSize(40).map(w -> String.join(" ", w) + ".");
        return paragraph.list().ofMinSize(4).ofMaxSize(8);
    }

    @Property(tries = 60)
    void whitespaceCaseAndUnicodeFormsDoNotChangeTheExactDigest(@ForAll("stories") List<String> story) {
        List<String> noisy = new ArrayList<>();
        for (String paragraph : story) {
            noisy.add("  " + paragraph.toUpperCase().replace(" ", " \u00A0 ").replace(".", " !"));
        }
        assertThat(fingerprinter.fingerprint("Head line", noisy).exact())
                .isEqualTo(fingerprinter.fingerprint("head  LINE", story).exact());
    }

    @Property(tries = 60)
    void similarityIsSymmetric(@ForAll("stories") List<String> a, @ForAll("stories") List<String> b) {
        StorySignature x = fingerprinter.fingerprint("a", a);
        StorySignature y = fingerprinter.fingerprint("b", b);
        assertThat(Similarity.between(x, y)).isEqualTo(Similarity.between(y, x));
        assertThat(verifier.compare(x, y)).isEqualTo(verifier.compare(y, x));
    }

    @Property(tries = 60)
    void reorderingParagraphsKeepsAStoryANearDuplicate(@ForAll("stories") List<String> story) {
        List<String> reordered = new ArrayList<>(story);
        Collections.swap(reordered, 1, reordered.size() - 1);
        assertThat(verifier.compare(fingerprinter.fingerprint("h", reordered), fingerprinter.fingerprint("h", story)))
                .isPresent();
    }

    @Property(tries = 60)
    void unrelatedStoriesAreNotDuplicates(@ForAll("stories") List<String> a, @ForAll("stories") List<String> b) {
        // random words share almost no three-word shingles
        assertThat(verifier.compare(fingerprinter.fingerprint("h", a), fingerprinter.fingerprint("h", b))).isEmpty();
    }
}

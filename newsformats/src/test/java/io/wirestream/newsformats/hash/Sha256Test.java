package io.wirestream.newsformats.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    // FIPS 180-2 test vector: SHA-256("abc")
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void wholeDigestMatchesTheStandardVector() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void aPrefixKeepsTheFirstBytes() {
        assertThat(Sha256.hexPrefix("abc", 16)).isEqualTo(ABC.substring(0, 32));
        assertThat(Sha256.hexPrefix("abc", 1)).isEqualTo("ba");
    }

    @Test
    void textIsHashedAsUtf8() {
        assertThat(Sha256.hexPrefix("Zürich", 8))
                .isEqualTo(Sha256.hexPrefix("Zürich".getBytes(StandardCharsets.UTF_8), 8))
                .isNotEqualTo(Sha256.hexPrefix("Zürich".getBytes(StandardCharsets.ISO_8859_1), 8));
    }

    @Test
    void refusesAPrefixOutsideTheDigest() {
        assertThatThrownBy(() -> Sha256.hexPrefix("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256.hexPrefix("abc", 33)).isInstanceOf(IllegalArgumentException.class);
    }
}

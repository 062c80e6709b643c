package io.wirestream.enrich.normalise.model;

import java.util.Objects;

/**
 * A subject as the source coded it. The code is qualified with its scheme where the parser knows it
 * ("subj:04000000", "medtop:20000106", "anpa-category:s"), else kept as the source wrote it; {@code name} is the
 * label the source gave, or {@code null}.
 */
public record SourceSubject(String code, String name) {

    public SourceSubject {
        Objects.requireNonNull(code, "code");
    }

    /** The scheme the code is qualified with ("subj", "anpa-category"), or {@code null} for an unqualified code. */
    public String scheme() {
        int colon = code.indexOf(':');
        return colon > 0 ? code.substring(0, colon) : null;
    }
}

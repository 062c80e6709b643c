package io.wirestream.enrich.normalise.model;

import java.util.Objects;

/** An id the source gave the story, in the scheme it belongs to ("g2:guid", "ninjs:uri", "ap:friendlykey"). */
public record SourceIdentifier(String scheme, String value) {

    public SourceIdentifier {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
    }
}

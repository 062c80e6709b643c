package io.wirestream.enrich.normalise.model;

import java.util.Objects;

/**
 * A headline beside the main one, with the role the format gives it ("kicker", "subheadline", "alternate", ...).
 * The role is kept as written, whatever it is; {@code null} when the format does not name one.
 */
public record DraftHeadline(String role, String text) {

    public DraftHeadline {
        Objects.requireNonNull(text, "text");
    }
}

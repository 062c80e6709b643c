package io.wirestream.enrich.normalise.model;

import java.util.Objects;

/**
 * One block of a story body: its clean text and, when the source had markup, the block's inline content as
 * sanitised HTML (links, emphasis). {@code html == null} means "render the text, escaped". A {@link Kind#TABLE} keeps
 * its rows as lines and its cells separated by tabs in {@code text}, and its {@code <table>} markup in {@code html}.
 */
public record BodyBlock(Kind kind, String text, String html) {

    public enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE, PRE, TABLE }

    public BodyBlock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static BodyBlock paragraph(String text) {
        return new BodyBlock(Kind.PARAGRAPH, text, null);
    }

    public static BodyBlock heading(String text) {
        return new BodyBlock(Kind.HEADING, text, null);
    }

    public BodyBlock withText(String newText) {
        return new BodyBlock(kind, newText, null);
    }
}

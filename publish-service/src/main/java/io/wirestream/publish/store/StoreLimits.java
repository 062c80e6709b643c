package io.wirestream.publish.store;

import java.nio.charset.StandardCharsets;

/**
 * What every store can hold, whatever the pipeline sends. A record over these bounds can never be stored, so it is
 * rejected (reason {@value #TOO_LARGE}) instead of failing its batch again and again.
 */
public final class StoreLimits {

    /**
     * Longest story id, in UTF-8 bytes. PostgreSQL's B-tree cannot index a key over about 2,700 bytes, so a longer
     * uri fails every insert; upstream bounds ids to 1 KB, publish leaves room over that and stays under the index.
     */
    public static final int MAX_STORY_ID_BYTES = 2048;

    /**
     * Longest text indexed for search per story, in characters. A PostgreSQL tsvector cannot exceed 1 MB, so a long
     * story would fail its insert for good; the document itself is stored whole, only the search index is cut.
     */
    public static final int MAX_SEARCH_TEXT_CHARS = 100_000;

    public static final String TOO_LARGE = "too-large";

    private StoreLimits() {}

    public static boolean storyIdFits(String uri) {
        return uri == null || uri.length() * 3 <= MAX_STORY_ID_BYTES
                || uri.getBytes(StandardCharsets.UTF_8).length <= MAX_STORY_ID_BYTES;
    }

    /** The text cut to {@link #MAX_SEARCH_TEXT_CHARS}, never inside a surrogate pair. */
    public static String searchText(String text) {
        if (text == null || text.length() <= MAX_SEARCH_TEXT_CHARS) {
            return text;
        }
        int end = MAX_SEARCH_TEXT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}

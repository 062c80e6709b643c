package io.wirestream.publish.store.jdbc;

/** The searchable text of a story just written; both null when it must leave the index. */
record SearchText(String uri, String headline, String body) {

    boolean removeOnly() {
        return headline == null && body == null;
    }
}

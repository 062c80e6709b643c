package io.wirestream.ingest.pull;

/**
 * One entry of a feed, cut out as a standalone XML document.
 *
 * @param id the entry's identity: RSS guid or link, Atom id
 * @param version RSS pubDate, Atom updated (or published); null when the feed gives none
 * @param link the entry's link, or null
 * @param xml the entry element serialised on its own, namespaces declared, UTF-8
 */
public record FeedEntry(String id, String version, String link, byte[] xml) {}

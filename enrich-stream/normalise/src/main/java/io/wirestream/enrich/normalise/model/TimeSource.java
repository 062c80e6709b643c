package io.wirestream.enrich.normalise.model;

/** Where a time value came from, so quality reports can tell parsed times from assumed ones. */
public enum TimeSource {
    /** Read from the item with an explicit zone or offset (or a format that is UTC by definition). */
    ITEM,
    /**
     * Read from the item, which gave no zone, and no zone is configured for its source: read as UTC. (Parsers mark
     * every zone-less time so; the assembler makes it {@link #ITEM_CONFIGURED_ZONE} when a zone is configured.)
     */
    ITEM_NO_ZONE,
    /**
     * Read from the item, which gave no zone, in the zone configured for its provider, pushing agency or format
     * ({@code io.wirestream.enrich.normalise.SourceDefaults}).
     */
    ITEM_CONFIGURED_ZONE,
    /** The item had no usable time; the ingest receipt time stands in. */
    RECEIVED
}

package io.wirestream.enrich.normalise.model;

/** Where a time value came from, so quality reports can tell parsed times from assumed ones. */
public enum TimeSource {
    /** Read from the item with an explicit zone or offset (or a format that is UTC by definition). */
    ITEM,
    /** Read from the item, which gave no zone; interpreted in the agency's configured zone, else UTC. */
    ITEM_NO_ZONE,
    /** The item had no usable time; the ingest receipt time stands in. */
    RECEIVED
}

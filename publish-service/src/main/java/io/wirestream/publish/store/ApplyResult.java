package io.wirestream.publish.store;

/**
 * What one batch did to a store.
 *
 * @param written   versions that replaced what the store held (or were new)
 * @param ignored   versions refused by the version guard (older or replayed)
 * @param killed    kills applied (withdrawn or deleted)
 * @param held      versions written but held back until their embargo time
 * @param skipped   tombstones and unreadable values (only their offset is taken)
 */
public record ApplyResult(int written, int ignored, int killed, int held, int skipped) {

    public static final ApplyResult EMPTY = new ApplyResult(0, 0, 0, 0, 0);

    public ApplyResult plus(ApplyResult other) {
        return new ApplyResult(written + other.written, ignored + other.ignored, killed + other.killed,
                held + other.held, skipped + other.skipped);
    }
}

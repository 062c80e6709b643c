package io.wirestream.enrich.service.codec;

import java.util.HexFormat;

/**
 * The key of every timer store (embargo releases and kill tombstones, version-state expiry, dedupe's pending
 * judgements, the links collector's sweep): the due time in milliseconds as 16 lower-case hex digits, so that byte
 * order is time order, then what is due (a uri, or a kind and a uri). A tick range-scans from {@link #FIRST} to
 * {@link #dueBy} and reads only what is due. A key starting with {@code '~'} sorts after every due key, so markers
 * kept in the same store are never read by a scan.
 */
public final class DueTimeKey {

    private static final int DIGITS = 16;
    private static final HexFormat HEX = HexFormat.of();

    /** Lower bound of a scan: before anything due. */
    public static final String FIRST = of(0, "");

    /**
     * Marks a timer store whose entries for state written before the store existed (or before this layout) were
     * filed, once, on the first tick after an upgrade.
     */
    public static final String LEGACY_INDEXED_MARKER = "~legacy-indexed";

    private DueTimeKey() {
    }

    /** @param dueMillis a time before the epoch counts as the epoch */
    public static String of(long dueMillis, String subject) {
        return HEX.toHexDigits(Math.max(0, dueMillis)).concat(subject);
    }

    /** Upper bound of a scan: everything due at or before {@code millis}. */
    public static String dueBy(long millis) {
        return of(millis, "\uffff");
    }

    /** Upper bound of a scan: everything due before {@code millis}. */
    public static String dueBefore(long millis) {
        return of(millis, "");
    }

    /** What the key is for: everything after the time. */
    public static String subject(String key) {
        return key.substring(DIGITS);
    }
}

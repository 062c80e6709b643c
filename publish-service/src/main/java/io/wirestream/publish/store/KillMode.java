package io.wirestream.publish.store;

import java.util.Locale;

/** What a store does with a killed story. */
public enum KillMode {
    /** Keep a withdrawn marker (status withdrawn, no content shown), so sites polling changes see the kill. */
    WITHDRAW,
    /** Remove the content; only a version guard row stays so a late older version cannot bring the story back. */
    DELETE;

    public static KillMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "withdraw", "withdrawn" -> WITHDRAW;
            case "delete", "deleted" -> DELETE;
            default -> throw new IllegalArgumentException("kill mode must be withdraw or delete, not '" + value + "'");
        };
    }
}

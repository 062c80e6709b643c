package io.wirestream.publish.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of store publish-service can write. */
public enum StoreKind {
    SQLITE, POSTGRES, FILES;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoreKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "sqlite" -> SQLITE;
            case "postgres", "postgresql" -> POSTGRES;
            case "files", "file", "ninjs" -> FILES;
            default -> throw new IllegalArgumentException("unknown store '" + text + "' (known: sqlite, postgres, files)");
        };
    }

    /** A comma list in the order given, each store once; at least one. */
    static Set<StoreKind> parseList(String text) {
        Set<StoreKind> kinds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                kinds.add(parse(part));
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("names no store");
        }
        return Collections.unmodifiableSet(kinds);
    }
}

package io.wirestream.runtime.logging;

import java.util.Locale;

/** The two shapes of a log line: text for a person at a terminal, JSON lines for a log pipeline. */
public enum LogFormat {
    PLAIN, JSON;

    public static LogFormat parse(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "plain" -> PLAIN;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("expected plain or json, got '" + text + "'");
        };
    }

    /** The value as the setting and the log4j configuration spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

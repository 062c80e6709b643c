package io.wirestream.runtime.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed, documented configuration field. Its name is a properties key ({@code ingest.http.port}); the matching
 * environment variable is derived ({@code WIRE_INGEST_HTTP_PORT}). A secret may also come from a file named by
 * {@code <ENV>_FILE}, and its value is never printed.
 */
public record Setting<T>(String key, String defaultText, Function<String, T> parser, String doc, boolean secret) {

    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(doc);
    }

    public static Setting<String> string(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, s -> s, doc, false);
    }

    public static Setting<String> secret(String key, String doc) {
        return new Setting<>(key, null, s -> s, doc, true);
    }

    public static Setting<Integer> integer(String key, int defaultValue, String doc) {
        return new Setting<>(key, String.valueOf(defaultValue), Setting::parseInt, doc, false);
    }

    public static Setting<Long> longValue(String key, long defaultValue, String doc) {
        return new Setting<>(key, String.valueOf(defaultValue), Long::parseLong, doc, false);
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, String.valueOf(defaultValue), Setting::parseBool, doc, false);
    }

    public static Setting<java.time.Duration> duration(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, DurationText::parse, doc, false);
    }

    public String envVar() {
        return envVarOf(key);
    }

    /** The environment variable a key (or a key prefix) is read from: {@code ingest.http.port} is {@code WIRE_INGEST_HTTP_PORT}. */
    public static String envVarOf(String key) {
        return "WIRE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Integer parseInt(String s) {
        return Integer.valueOf(s.trim());
    }

    private static Boolean parseBool(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw new IllegalArgumentException("expected true or false, got '" + s + "'");
    }
}

package io.wirestream.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values set in code (local mode, tests), each named by its declared {@link Setting}: a misspelt constant does not
 * compile, where a misspelt key string would only be found when the settings are validated.
 */
public final class SettingValues {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Sets a value as its text; every setting's parser reads back what {@link String#valueOf} writes. */
    public <T> SettingValues set(Setting<T> setting, T value) {
        values.put(setting.key(), String.valueOf(value));
        return this;
    }

    /** Sets a value as the text an operator would write (for example {@code 30s} for a duration). */
    public SettingValues setText(Setting<?> setting, String text) {
        values.put(setting.key(), text);
        return this;
    }

    /** The values keyed by setting key, in the order they were set. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}

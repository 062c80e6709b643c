package io.wirestream.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configuration values from, in rising precedence: the setting's default, a properties file, environment variables,
 * explicit overrides (local mode and tests). Every read goes through a declared {@link Setting} or {@link Passthrough}; what a service was
 * given but never declared (a misspelt key in the file, an unknown {@code WIRE_*} variable) is found by
 * {@link DeclaredSettings#validate}, which the service runner calls before anything starts, so a typo is a startup
 * error, not a silently ignored line.
 */
public final class Settings {

    private final Map<String, String> fileValues;
    private final Map<String, String> env;
    private final Map<String, String> overrides;

    private Settings(Map<String, String> fileValues, Map<String, String> env, Map<String, String> overrides) {
        this.fileValues = fileValues;
        this.env = env;
        this.overrides = overrides;
    }

    /** Reads the optional properties file and the process environment. */
    public static Settings load(Path propertiesFile) {
        return load(propertiesFile, System.getenv());
    }

    /** Reads the optional properties file; {@code env} stands for the process environment. */
    public static Settings load(Path propertiesFile, Map<String, String> env) {
        return of(readFile(propertiesFile), env, Map.of());
    }

    public static Settings of(Map<String, String> fileValues, Map<String, String> env, Map<String, String> overrides) {
        return new Settings(Map.copyOf(fileValues), Map.copyOf(env), Map.copyOf(overrides));
    }

    /** Only explicit values (tests, local mode). */
    public static Settings ofValues(Map<String, String> values) {
        return of(Map.of(), Map.of(), values);
    }

    /** A copy with more overrides on top. */
    public Settings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new Settings(fileValues, env, merged);
    }

    /** A copy with more overrides on top, each named by its declared setting rather than a key typed again. */
    public Settings with(SettingValues more) {
        return with(more.asMap());
    }

    public <T> T get(Setting<T> setting) {
        String text = raw(setting);
        if (text == null) {
            return null;
        }
        try {
            return setting.parser().apply(text);
        } catch (RuntimeException e) {
            if (setting.secret()) {
                // a parser's message usually quotes its input: for a secret, say only that it is invalid
                throw new IllegalArgumentException("setting " + setting.key() + " (" + setting.envVar() + ") = (secret) is invalid");
            }
            throw new IllegalArgumentException("setting " + setting.key() + " (" + setting.envVar() + ") = '" + text
                    + "' is invalid: " + e.getMessage(), e);
        }
    }

    /** The text value, or null when neither set nor defaulted. */
    public String raw(Setting<?> setting) {
        if (overrides.containsKey(setting.key())) {
            return overrides.get(setting.key());
        }
        String fromEnv = env.get(setting.envVar());
        if (fromEnv != null) {
            return fromEnv;
        }
        String file = env.get(setting.envVar() + "_FILE");
        if (setting.secret() && file != null) {
            return readSecretFile(setting.envVar() + "_FILE", file);
        }
        if (fileValues.containsKey(setting.key())) {
            return fileValues.get(setting.key());
        }
        return setting.defaultText();
    }

    /**
     * The values of a passthrough ({@code kafka.client.}, {@code enrich.streams.}), keyed by the library's own name
     * (what follows the prefix), in the same rising precedence as every setting: the properties file, environment
     * variables (each mapped back to its name by {@link Passthrough#nameOfVariable}; a password also from
     * {@code <VAR>_FILE}), explicit overrides. Names are not checked here: {@link DeclaredSettings#validate} does
     * that before a service starts.
     *
     * @throws UncheckedIOException when a password's file cannot be read
     */
    public Map<String, String> passthrough(Passthrough passthrough) {
        Map<String, String> out = new TreeMap<>();
        fileValues.forEach((k, v) -> {
            if (passthrough.covers(k)) {
                out.put(k.substring(passthrough.prefix().length()), v);
            }
        });
        Map<String, String> fromEnv = new TreeMap<>();
        env.forEach((variable, v) -> passthrough.secretFileOf(variable).ifPresent(name -> fromEnv.put(name, readSecretFile(variable, v))));
        // a value given directly beats its _FILE form, as for declared secrets
        env.forEach((variable, v) -> passthrough.nameOfVariable(variable).ifPresent(name -> fromEnv.put(name, v)));
        out.putAll(fromEnv);
        overrides.forEach((k, v) -> {
            if (passthrough.covers(k)) {
                out.put(k.substring(passthrough.prefix().length()), v);
            }
        });
        return out;
    }

    /**
     * Whether the setting was given a value that is not blank (in the file, the environment, a secret's file or an
     * override), as opposed to running on its default: what tells two spellings of one thing apart.
     */
    public boolean isGiven(Setting<?> setting) {
        boolean given = overrides.containsKey(setting.key()) || env.containsKey(setting.envVar())
                || setting.secret() && env.containsKey(setting.envVar() + "_FILE") || fileValues.containsKey(setting.key());
        return given && isSet(setting);
    }

    public boolean isSet(Setting<?> setting) {
        return raw(setting) != null && !raw(setting).isBlank();
    }

    private static String readSecretFile(String variable, String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            String of = variable.endsWith("_FILE") ? variable.substring(0, variable.length() - 5) : variable;
            throw new UncheckedIOException("cannot read secret file for " + of + ": " + file, e);
        }
    }

    Set<String> fileKeys() {
        return fileValues.keySet();
    }

    Set<String> environmentNames() {
        return env.keySet();
    }

    Set<String> overrideKeys() {
        return overrides.keySet();
    }

    private static Map<String, String> readFile(Path file) {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        return values;
    }
}

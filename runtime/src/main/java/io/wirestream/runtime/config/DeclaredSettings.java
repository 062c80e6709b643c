package io.wirestream.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one service may be configured with: its declared {@link Setting}s and the prefixes whose keys it hands to a
 * client library as they are ({@code enrich.streams.}). {@link #validate} turns every other key into a startup error
 * that names the nearest declared one, since a misspelt key would otherwise be ignored and its default used.
 */
public final class DeclaredSettings {

    /**
     * {@code WIRE_*} variables that configure the process rather than a service (the {@code wire} script's JVM options,
     * the log level of the bundled log4j2 configuration); a service ignores them, so they are no typo.
     */
    public static final Set<String> PROCESS_VARIABLES = Set.of("WIRE_JAVA_OPTS", "WIRE_LOG_LEVEL");

    private static final String ENV_PREFIX = "WIRE_";
    private static final String FILE_SUFFIX = "_FILE";

    private final Map<String, Setting<?>> byKey;
    private final List<String> passthroughPrefixes;

    private DeclaredSettings(Map<String, Setting<?>> byKey, List<String> passthroughPrefixes) {
        this.byKey = byKey;
        this.passthroughPrefixes = passthroughPrefixes;
    }

    @SafeVarargs
    public static DeclaredSettings of(Collection<? extends Setting<?>>... groups) {
        return new DeclaredSettings(Map.of(), List.of()).plus(groups);
    }

    /** These and more settings (for example the shared {@link KafkaSettings#ALL}). */
    @SafeVarargs
    public final DeclaredSettings plus(Collection<? extends Setting<?>>... groups) {
        Map<String, Setting<?>> merged = new LinkedHashMap<>(byKey);
        for (Collection<? extends Setting<?>> group : groups) {
            group.forEach(s -> merged.put(s.key(), s));
        }
        return new DeclaredSettings(Map.copyOf(merged), passthroughPrefixes);
    }

    /** Also accepts any key under {@code prefix}: the values {@link Settings#withPrefix} hands on unread. */
    public DeclaredSettings withPassthrough(String prefix) {
        List<String> prefixes = new ArrayList<>(passthroughPrefixes);
        prefixes.add(prefix);
        return new DeclaredSettings(byKey, List.copyOf(prefixes));
    }

    public Collection<Setting<?>> settings() {
        return byKey.values();
    }

    /**
     * Checks what the service was given: every key of the properties file and of the overrides is declared or under
     * a passthrough prefix, every {@code WIRE_*} environment variable is a declared setting's (or a secret's
     * {@code _FILE} form), and every declared setting's value parses.
     *
     * @throws InvalidSettingsException naming each problem, an unknown key with the declared key nearest to it
     */
    public void validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(settings.fileKeys())) {
            keyProblem(key).ifPresent(p -> problems.add("properties file: " + p));
        }
        for (String name : new TreeSet<>(settings.environmentNames())) {
            environmentProblem(name).ifPresent(p -> problems.add("environment: " + p));
        }
        for (String key : new TreeSet<>(settings.overrideKeys())) {
            keyProblem(key).ifPresent(p -> problems.add("set in code or on the command line: " + p));
        }
        byKey.values().stream().sorted(Comparator.comparing(Setting::key))
                .forEach(s -> valueProblem(settings, s).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private Optional<String> keyProblem(String key) {
        if (byKey.containsKey(key) || passthroughPrefixes.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length())) {
            return Optional.empty();
        }
        return Optional.of("unknown setting '" + key + "'" + suggestion(key, byKey.keySet()));
    }

    private Optional<String> environmentProblem(String name) {
        if (!name.startsWith(ENV_PREFIX) || PROCESS_VARIABLES.contains(name)) {
            return Optional.empty(); // the rest of the environment is not ours
        }
        Map<String, Setting<?>> byEnv = new LinkedHashMap<>();
        byKey.values().forEach(s -> byEnv.put(s.envVar(), s));
        if (byEnv.containsKey(name)) {
            return Optional.empty();
        }
        if (name.endsWith(FILE_SUFFIX)) {
            Setting<?> base = byEnv.get(name.substring(0, name.length() - FILE_SUFFIX.length()));
            if (base != null && base.secret()) {
                return Optional.empty();
            }
            if (base != null) {
                return Optional.of(name + " is not read: only a secret comes from a file, so set " + base.envVar() + " itself");
            }
        }
        for (String prefix : passthroughPrefixes) {
            if (name.startsWith(Setting.envVarOf(prefix))) {
                return Optional.of(name + " is not read: an environment variable cannot carry a setting under " + prefix
                        + " (a library's key cannot be recovered from a variable's name); put it in the properties file");
            }
        }
        Set<String> candidates = new TreeSet<>(byEnv.keySet());
        byKey.values().stream().filter(Setting::secret).forEach(s -> candidates.add(s.envVar() + FILE_SUFFIX));
        return Optional.of("unknown variable " + name + suggestion(name, candidates));
    }

    private static Optional<String> valueProblem(Settings settings, Setting<?> setting) {
        try {
            settings.get(setting);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The nearest declared name by edit distance, when it is near enough to be what was meant. */
    private static String suggestion(String given, Collection<String> declared) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : declared) {
            int d = editDistance(given, candidate);
            if (d < best || d == best && candidate.compareTo(nearest) < 0) {
                best = d;
                nearest = candidate;
            }
        }
        if (nearest == null) {
            return "";
        }
        // a third of the name may differ: a misspelling or a swapped word, not an unrelated name
        if (best > Math.max(2, given.length() / 3)) {
            return "; the nearest declared is '" + nearest + "' (`wire config` lists every setting)";
        }
        return "; did you mean '" + nearest + "'?";
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each count one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

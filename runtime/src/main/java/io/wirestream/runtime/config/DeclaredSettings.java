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
 * What one service may be configured with: its declared {@link Setting}s and the {@link Passthrough}s whose keys it
 * hands to a client library ({@code kafka.client.}, {@code enrich.streams.}). {@link #validate} turns every other key
 * into a startup error that names the nearest declared one, since a misspelt key would otherwise be ignored and its
 * default used; under a passthrough prefix the name must be one the library declares, and not one Wirestream owns.
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
    private final List<Passthrough> passthroughs;

    private DeclaredSettings(Map<String, Setting<?>> byKey, List<Passthrough> passthroughs) {
        this.byKey = byKey;
        this.passthroughs = passthroughs;
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
        return new DeclaredSettings(Map.copyOf(merged), passthroughs);
    }

    /**
     * Also accepts the keys of a passthrough: the values {@link Settings#passthrough} hands on. One of the same prefix
     * already declared is merged with it (the refusals of both apply).
     */
    public DeclaredSettings withPassthrough(Passthrough passthrough) {
        List<Passthrough> all = new ArrayList<>();
        boolean merged = false;
        for (Passthrough p : passthroughs) {
            if (p.prefix().equals(passthrough.prefix())) {
                all.add(p.merge(passthrough));
                merged = true;
            } else {
                all.add(p);
            }
        }
        if (!merged) {
            all.add(passthrough);
        }
        return new DeclaredSettings(byKey, List.copyOf(all));
    }

    /** Everything either declares: what local mode, running several services in one process, accepts. */
    public DeclaredSettings union(DeclaredSettings other) {
        DeclaredSettings merged = plus(other.byKey.values());
        for (Passthrough p : other.passthroughs) {
            merged = merged.withPassthrough(p);
        }
        return merged;
    }

    public Collection<Setting<?>> settings() {
        return byKey.values();
    }

    public List<Passthrough> passthroughs() {
        return passthroughs;
    }

    /** The declared passthrough of this prefix. */
    public Optional<Passthrough> passthrough(String prefix) {
        return passthroughs.stream().filter(p -> p.prefix().equals(prefix)).findFirst();
    }

    /**
     * Checks what the service was given: every key of the properties file and of the overrides is declared or a
     * passthrough key of a name its library declares and Wirestream does not own, every {@code WIRE_*} environment
     * variable is a declared setting's (or a secret's {@code _FILE} form) or a passthrough key's, every declared
     * setting's value parses, and every passthrough value is one its library would take and does not contradict a
     * wire setting that is given as well.
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
        for (Passthrough p : passthroughs) {
            Map<String, String> values;
            try {
                values = settings.passthrough(p);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
                continue;
            }
            values.forEach((name, value) -> {
                if (p.knows(name) && p.refusal(name).isEmpty()) {
                    p.valueProblem(name, value).ifPresent(problems::add);
                    p.conflictProblem(name, settings).ifPresent(problems::add);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private Optional<String> keyProblem(String key) {
        if (byKey.containsKey(key)) {
            return Optional.empty();
        }
        for (Passthrough p : passthroughs) {
            if (p.covers(key)) {
                return passthroughKeyProblem(p, key.substring(p.prefix().length()));
            }
        }
        // a misspelt prefix is found too: kafka.clinet.linger.ms is nearest to kafka.client.linger.ms
        Set<String> candidates = new TreeSet<>(byKey.keySet());
        passthroughs.forEach(p -> p.names().forEach(n -> candidates.add(p.prefix() + n)));
        return Optional.of("unknown setting '" + key + "'" + suggestion(key, candidates));
    }

    private Optional<String> passthroughKeyProblem(Passthrough p, String name) {
        String key = p.prefix() + name;
        if (!p.knows(name)) {
            return Optional.of("unknown " + p.library() + " property '" + name + "' in '" + key + "'" + nameSuggestion(p, name));
        }
        return p.refusal(name).map(why -> "'" + key + "' is refused: " + why);
    }

    /** The nearest name of this library, or the same name under another passthrough that knows it. */
    private String nameSuggestion(Passthrough p, String name) {
        for (Passthrough other : passthroughs) {
            if (other != p && other.knows(name)) {
                return "; it is a " + other.library() + " property: '" + other.prefix() + name + "'";
            }
        }
        return p.nearestKey(name).map(k -> Passthrough.closeEnough(name, k.substring(p.prefix().length()))
                ? "; did you mean '" + k + "'?" : "; the nearest is '" + k + "'").orElse("");
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
        for (Passthrough p : passthroughs) {
            if (name.startsWith(p.envPrefix())) {
                return passthroughVariableProblem(p, name);
            }
        }
        Set<String> candidates = new TreeSet<>(byEnv.keySet());
        byKey.values().stream().filter(Setting::secret).forEach(s -> candidates.add(s.envVar() + FILE_SUFFIX));
        passthroughs.forEach(p -> p.names().forEach(n -> candidates.add(p.envVar(n))));
        return Optional.of("unknown variable " + name + suggestion(name, candidates));
    }

    private Optional<String> passthroughVariableProblem(Passthrough p, String variable) {
        Optional<String> name = p.nameOfVariable(variable).or(() -> p.secretFileOf(variable));
        if (name.isPresent()) {
            return p.refusal(name.get()).map(why -> variable + " (" + p.prefix() + name.get() + ") is refused: " + why);
        }
        if (variable.endsWith(FILE_SUFFIX)) {
            Optional<String> base = p.nameOfVariable(variable.substring(0, variable.length() - FILE_SUFFIX.length()));
            if (base.isPresent()) {
                return Optional.of(variable + " is not read: only a password comes from a file, so set " + p.envVar(base.get()) + " itself");
            }
        }
        if (p.variableInOpenFamily(variable)) {
            return Optional.of(variable + " is not read: names under " + String.join(", ", p.openFamilies().stream()
                    .map(f -> p.prefix() + f).toList()) + " are free-form and cannot be recovered from a variable; put it in the properties file");
        }
        String rest = variable.substring(p.envPrefix().length());
        for (Passthrough other : passthroughs) {
            Optional<String> there = other.nameOfVariable(other.envPrefix() + rest);
            if (other != p && there.isPresent()) {
                return Optional.of("unknown " + p.library() + " property in " + variable + "; it is a " + other.library()
                        + " property: " + other.envPrefix() + rest + " (" + other.prefix() + there.get() + ")");
            }
        }
        String suggestion = p.nearestVariable(variable).map(v -> {
            String key = p.prefix() + p.nameOfVariable(v).orElseThrow();
            return Passthrough.closeEnough(variable.substring(p.envPrefix().length()), v.substring(p.envPrefix().length()))
                    ? "; did you mean " + v + " (" + key + ")?" : "; the nearest is " + v + " (" + key + ")";
        }).orElse("");
        return Optional.of("unknown " + p.library() + " property in " + variable + " (no " + p.library() + " property has this variable)" + suggestion);
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

package io.wirestream.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A family of keys handed to a client library as they are: {@code <prefix><the library's own property name>}, for
 * example {@code kafka.client.client.rack}. The name after the prefix must be one the library itself declares, so
 * a misspelt property is refused at start with the nearest real one instead of being ignored by the library.
 * Names Wirestream must own are refused with the reason (or the wire setting that controls them), and a name that
 * means the same as a wire setting may not be given together with it.
 *
 * <p>Environment variables: the key's variable is {@code WIRE_} and the key in upper case, dots and dashes as
 * underscores ({@code kafka.client.client.rack} is {@code WIRE_KAFKA_CLIENT_CLIENT_RACK}). A variable is mapped back
 * by looking it up among the variables of the library's names, never by guessing where the dots were; that is
 * unambiguous because no two names share a variable, which the constructor checks (so a library upgrade that broke
 * it would fail every test at once). A name whose value is a password may also come from the file named by
 * {@code <VARIABLE>_FILE}. Names under an open family ({@code config.providers.<alias>.class}) are free-form after
 * their prefix, so they cannot be recovered from a variable and are read from the properties file only.
 */
public final class Passthrough {

    /** What the library says about one of its names: whether the value is a password, and how to check a value. */
    public record Property(boolean secret, ValueCheck check) {
        public Property {
            Objects.requireNonNull(check);
        }
    }

    /** Checks one value of a property as the library would read it. */
    @FunctionalInterface
    public interface ValueCheck {
        /** @return what is wrong with the value, or null when the library would take it */
        String problem(String value);

        ValueCheck ANY = value -> null;
    }

    /** A name that means what wire settings already say; giving both is an error rather than a silent choice. */
    public record Conflict(String name, List<Setting<?>> settings, String why) {}

    private static final String FILE_SUFFIX = "_FILE";

    private final String prefix;
    private final String library;
    private final Map<String, Property> names;
    private final List<String> openFamilies;
    private final UnaryOperator<String> propertyOf;
    private final Map<String, String> refused;
    private final Map<String, Conflict> conflicts;
    private final Map<String, String> nameByVariable;

    private Passthrough(String prefix, String library, Map<String, Property> names, List<String> openFamilies,
                        UnaryOperator<String> propertyOf, Map<String, String> refused, Map<String, Conflict> conflicts) {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("a passthrough prefix ends with a dot: " + prefix);
        }
        this.prefix = prefix;
        this.library = library;
        this.names = Collections.unmodifiableMap(new TreeMap<>(names));
        this.openFamilies = List.copyOf(openFamilies);
        this.propertyOf = propertyOf;
        this.refused = Collections.unmodifiableMap(new TreeMap<>(refused));
        this.conflicts = Collections.unmodifiableMap(new TreeMap<>(conflicts));
        this.nameByVariable = variables(prefix, this.names);
    }

    /**
     * @param prefix  the keys' prefix, ending with a dot
     * @param library what the names belong to, for messages ("Kafka client", "Kafka Streams")
     * @param names   every name the library declares, with what it says about each
     */
    public static Passthrough of(String prefix, String library, Map<String, Property> names) {
        return new Passthrough(prefix, library, names, List.of(), UnaryOperator.identity(), Map.of(), Map.of());
    }

    /** Also accepts any name under these families of the library (free-form after the family's prefix), file only. */
    public Passthrough withOpenFamilies(String... families) {
        List<String> all = new ArrayList<>(openFamilies);
        all.addAll(List.of(families));
        return new Passthrough(prefix, library, names, all, propertyOf, refused, conflicts);
    }

    /**
     * How to find the property a name sets, for refusals: Kafka Streams' {@code producer.acks} sets the producers'
     * {@code acks}, so a refusal of {@code acks} covers it too.
     */
    public Passthrough withPropertyOf(UnaryOperator<String> propertyOf) {
        return new Passthrough(prefix, library, names, openFamilies, propertyOf, refused, conflicts);
    }

    /** Refuses a property (under any name that sets it) with the reason given. */
    public Passthrough refusing(String property, String why) {
        return refusing(Map.of(property, why));
    }

    /** Refuses each property with its reason. */
    public Passthrough refusing(Map<String, String> properties) {
        Map<String, String> all = new TreeMap<>(refused);
        all.putAll(properties);
        return new Passthrough(prefix, library, names, openFamilies, propertyOf, all, conflicts);
    }

    /** Refuses a property because a wire setting sets it: the message names the setting and its variable. */
    public Passthrough setBy(String property, Setting<?> setting) {
        return refusing(property, "it is set by " + setting.key() + " (" + setting.envVar() + ")");
    }

    /**
     * Accepts a name that means what the given wire settings mean only when none of them is given, so the two
     * spellings can never disagree in silence.
     */
    public Passthrough conflicting(String name, String why, Setting<?>... settings) {
        Map<String, Conflict> all = new TreeMap<>(conflicts);
        all.put(name, new Conflict(name, List.of(settings), why));
        return new Passthrough(prefix, library, names, openFamilies, propertyOf, refused, all);
    }

    /** This passthrough with the refusals and conflicts of another of the same prefix (local mode runs every service). */
    public Passthrough merge(Passthrough other) {
        if (!other.prefix.equals(prefix) || !other.names.keySet().equals(names.keySet())) {
            throw new IllegalArgumentException("cannot merge passthroughs of different libraries: " + prefix + ", " + other.prefix);
        }
        Map<String, String> allRefused = new TreeMap<>(refused);
        other.refused.forEach((property, why) -> allRefused.merge(property, why, (a, b) -> a.equals(b) ? a : a + "; " + b));
        Map<String, Conflict> allConflicts = new TreeMap<>(conflicts);
        allConflicts.putAll(other.conflicts);
        List<String> families = new ArrayList<>(openFamilies);
        other.openFamilies.stream().filter(f -> !families.contains(f)).forEach(families::add);
        return new Passthrough(prefix, library, names, families, propertyOf, allRefused, allConflicts);
    }

    public String prefix() {
        return prefix;
    }

    public String library() {
        return library;
    }

    /** Every name the library declares (not the open families). */
    public Collection<String> names() {
        return names.keySet();
    }

    public List<String> openFamilies() {
        return openFamilies;
    }

    /** The refused properties and why, sorted by property. */
    public Map<String, String> refusals() {
        return refused;
    }

    /** The names that may not be given together with a wire setting, sorted by name. */
    public Collection<Conflict> conflicts() {
        return conflicts.values();
    }

    /** The environment variables' common beginning: {@code WIRE_KAFKA_CLIENT_}. */
    public String envPrefix() {
        return Setting.envVarOf(prefix);
    }

    /** The environment variable of a name: {@code client.rack} is {@code WIRE_KAFKA_CLIENT_CLIENT_RACK}. */
    public String envVar(String name) {
        return Setting.envVarOf(prefix + name);
    }

    /** Whether the key is under this passthrough's prefix with a name after it. */
    public boolean covers(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    /** Whether the library declares the name, or the name is in one of its open families. */
    public boolean knows(String name) {
        return names.containsKey(name) || inOpenFamily(name);
    }

    boolean inOpenFamily(String name) {
        return openFamilies.stream().anyMatch(f -> name.startsWith(f) && name.length() > f.length());
    }

    /** Whether the name's value is a password (never printed; may come from {@code <VAR>_FILE}). */
    public boolean secret(String name) {
        Property p = names.get(name);
        return p != null && p.secret();
    }

    /** The name an environment variable stands for, when it is one of the library's. */
    public Optional<String> nameOfVariable(String variable) {
        return Optional.ofNullable(nameByVariable.get(variable));
    }

    /** The name whose password the file named by this {@code <VAR>_FILE} variable holds. */
    public Optional<String> secretFileOf(String variable) {
        if (!variable.endsWith(FILE_SUFFIX) || nameByVariable.containsKey(variable)) {
            return Optional.empty();
        }
        return nameOfVariable(variable.substring(0, variable.length() - FILE_SUFFIX.length())).filter(this::secret);
    }

    /** Whether the variable has the form of an open family's name, which the environment cannot carry. */
    boolean variableInOpenFamily(String variable) {
        return openFamilies.stream().anyMatch(f -> variable.startsWith(envVar(f)) && variable.length() > envVar(f).length());
    }

    /** Why a name is refused, when it is: the name's own refusal first, then that of the property it sets. */
    public Optional<String> refusal(String name) {
        String why = refused.get(name);
        if (why == null) {
            why = refused.get(propertyOf.apply(name));
        }
        return Optional.ofNullable(why);
    }

    /** What is wrong with the value the library would be given under this name, or empty. */
    public Optional<String> valueProblem(String name, String value) {
        Property p = names.get(name);
        if (p == null) {
            return Optional.empty();
        }
        String problem;
        try {
            problem = p.check().problem(value);
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        if (problem == null) {
            return Optional.empty();
        }
        String shown = p.secret() ? "(secret)" : "'" + value + "'";
        return Optional.of("setting " + prefix + name + " (" + envVar(name) + ") = " + shown + " is invalid"
                + (p.secret() ? "" : ": " + problem));
    }

    /** The conflict of a name with wire settings that are given as well, or empty. */
    public Optional<String> conflictProblem(String name, Settings settings) {
        Conflict c = conflicts.get(name);
        if (c == null) {
            return Optional.empty();
        }
        List<Setting<?>> given = c.settings().stream().filter(settings::isGiven).toList();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String wire = String.join(" and ", given.stream().map(s -> s.key() + " (" + s.envVar() + ")").toList());
        return Optional.of(prefix + name + " and " + wire + " are both given: " + c.why() + "; give only one");
    }

    /** The library's name nearest to an unknown one, when it is near enough to be what was meant. */
    public Optional<String> nearestName(String name) {
        return Optional.ofNullable(nearest(name, names.keySet())).filter(n -> closeEnough(name, n));
    }

    /** The nearest of the library's names to an unknown one, as a key: the text after "did you mean". */
    Optional<String> nearestKey(String name) {
        return Optional.ofNullable(nearest(name, names.keySet())).map(n -> prefix + n);
    }

    /** The nearest of the library's variables to an unknown variable. */
    Optional<String> nearestVariable(String variable) {
        return Optional.ofNullable(nearest(variable, nameByVariable.keySet()));
    }

    /** Whether the nearest candidate is near enough to be what was meant (a misspelling, not another name). */
    static boolean closeEnough(String given, String candidate) {
        return DeclaredSettings.editDistance(given, candidate) <= Math.max(2, given.length() / 3);
    }

    private static String nearest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = DeclaredSettings.editDistance(given, c);
            if (d < bestDistance || d == bestDistance && c.compareTo(best) < 0) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** The variable of every name, refusing a library whose names would share one (the mapping must be one-to-one). */
    private static Map<String, String> variables(String prefix, Map<String, Property> names) {
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (String name : names.keySet()) {
            String variable = Setting.envVarOf(prefix + name);
            String before = byVariable.put(variable, name);
            if (before != null) {
                throw new IllegalStateException("'" + before + "' and '" + name + "' would share the variable " + variable);
            }
        }
        names.forEach((name, p) -> {
            String file = Setting.envVarOf(prefix + name) + FILE_SUFFIX;
            if (p.secret() && byVariable.containsKey(file)) {
                throw new IllegalStateException("the file form of '" + name + "' is the variable of '" + byVariable.get(file) + "'");
            }
        });
        return Collections.unmodifiableMap(byVariable);
    }
}

package io.wirestream.enrich.normalise.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The news agencies the normaliser knows by name ({@code known-providers.properties}): the provider key the zone and
 * language maps use ({@code aap}, {@code dpa}, {@code ntb}...) for any of the names, codes and domains an item may
 * name its provider by ("Australian Associated Press", {@code nprov:dpa}, {@code urn:newsml:dpa.com:...},
 * {@code https://www.tt.se/...}). A name matches whole; a name that is no known agency has no key, and nothing is
 * guessed from a part of it.
 */
public final class KnownProviders {

    private static final String TABLE = "known-providers.properties";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Copyright decorations around a holder's name: "©", "(c)", "Copyright", a year. */
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)(©|\\(c\\)|\\bcopyright\\b|\\b(19|20)\\d\\d\\b)");
    /** Alias (lower case, as {@link #simplify} leaves it) to provider key; after the patterns it is read with. */
    private static final Map<String, String> KEYS = load();

    private KnownProviders() {}

    /**
     * The key of the agency {@code name} stands for, or empty when it is none the table knows. {@code name} may be
     * a name ("The Associated Press", "dpa"), a code ({@code nprov:AFP}), a domain ({@code www.ntb.no}), a URI
     * ({@code https://tt.se/...}, {@code urn:newsml:dpa.com:20090101:...}, {@code tag:reuters.com,2014:...}) or a
     * copyright line ("© 2024 AAP").
     */
    public static Optional<String> key(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (String form : forms(name)) {
            String key = KEYS.get(form);
            if (key != null) {
                return Optional.of(key);
            }
            if (isDomain(form)) {
                for (String d = form; d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
                    key = KEYS.get(d);
                    if (key != null && isDomain(d)) {
                        return Optional.of(key);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every known key. */
    public static List<String> keys() {
        return KEYS.values().stream().distinct().sorted().toList();
    }

    /** The forms a name is looked up by: itself, a URI's authority, a code's last part. */
    static List<String> forms(String name) {
        List<String> forms = new ArrayList<>();
        String n = simplify(name);
        if (n.isEmpty()) {
            return forms;
        }
        forms.add(n);
        String authority = authority(n);
        if (authority != null) {
            forms.add(authority);
        } else if (n.indexOf(':') > 0 && !n.contains(" ")) {
            forms.add(n.substring(n.lastIndexOf(':') + 1)); // nprov:dpa -> dpa
        }
        String stripped = simplify(COPYRIGHT.matcher(name).replaceAll(" "));
        if (!stripped.isEmpty() && !forms.contains(stripped)) {
            forms.add(stripped);
        }
        return forms;
    }

    /** The host of an http(s) URI, the provider of a NewsML URN, the authority of a tag URI; else null. */
    private static String authority(String n) {
        if (n.startsWith("http://") || n.startsWith("https://")) {
            try {
                String host = new URI(n.replace(" ", "%20")).getHost();
                return host == null ? null : strip(host);
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if (n.startsWith("urn:newsml:")) {
            String[] parts = n.split(":");
            return parts.length > 2 && !parts[2].isEmpty() ? strip(parts[2]) : null;
        }
        if (n.startsWith("tag:")) {
            int end = n.indexOf(',');
            return end > 4 ? strip(n.substring(4, end)) : null;
        }
        return null;
    }

    private static String strip(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean isDomain(String s) {
        return s.indexOf('.') > 0 && !s.contains(" ") && !s.endsWith(".");
    }

    /** Lower case, spaces collapsed, surrounding brackets, quotes and punctuation and a leading "the" dropped. */
    static String simplify(String name) {
        String n = SPACES.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        n = n.replaceAll("^[\\s(\\[\"'“”‘’,;:.-]+|[\\s)\\]\"'“”‘’,;:.-]+$", "");
        if (n.startsWith("the ")) {
            n = n.substring(4).trim();
        }
        return n;
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = KnownProviders.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TABLE, e);
        }
        Map<String, String> keys = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String k = key.trim().toLowerCase(Locale.ROOT);
            keys.put(k, k);
            for (String alias : p.getProperty(key).split("\\|")) {
                String a = simplify(alias);
                String earlier = keys.put(a, k);
                if (earlier != null && !earlier.equals(k)) {
                    throw new IllegalStateException(TABLE + ": '" + a + "' names both " + earlier + " and " + k);
                }
            }
        }
        return Map.copyOf(keys);
    }
}

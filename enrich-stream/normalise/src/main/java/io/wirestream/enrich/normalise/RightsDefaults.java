package io.wirestream.enrich.normalise;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Rights a deployment assumes for a source whose items do not carry them: the copyright holder, the copyright notice
 * and the usage terms its contract with the agency sets. Many formats have no rights field at all (ANPA-1312, IPTC
 * 7901, RSS without a copyright element), and agencies that have one often leave the usage terms out. Nothing is
 * built in: the terms are the deployer's contract, not a fact about the agency.
 *
 * <p>Looked up like the zones and languages of {@link SourceDefaults}: by the provider the item names, then by the
 * agency that pushed it, field by field, and only for a field the item left empty. What the item says always wins.
 *
 * @param providerRights by provider named in the item (lower case; matched as {@link SourceDefaults} matches names)
 * @param agencyRights   by pushing agency (lower case)
 */
public record RightsDefaults(Map<String, SourceRights> providerRights, Map<String, SourceRights> agencyRights) {

    /** What one source's copy is assumed to carry; any field may be {@code null}. */
    public record SourceRights(String copyrightHolder, String copyrightNotice, String usageTerms) {

        public SourceRights {
            copyrightHolder = blankToNull(copyrightHolder);
            copyrightNotice = blankToNull(copyrightNotice);
            usageTerms = blankToNull(usageTerms);
        }

        SourceRights with(String field, String value) {
            return switch (field) {
                case COPYRIGHT_HOLDER -> new SourceRights(value, copyrightNotice, usageTerms);
                case COPYRIGHT_NOTICE -> new SourceRights(copyrightHolder, value, usageTerms);
                case USAGE_TERMS -> new SourceRights(copyrightHolder, copyrightNotice, value);
                default -> throw new IllegalArgumentException("unknown rights field " + field);
            };
        }
    }

    static final String COPYRIGHT_HOLDER = "copyrightholder";
    static final String COPYRIGHT_NOTICE = "copyrightnotice";
    static final String USAGE_TERMS = "usageterms";
    private static final Set<String> FIELDS = Set.of(COPYRIGHT_HOLDER, COPYRIGHT_NOTICE, USAGE_TERMS);

    public RightsDefaults {
        providerRights = lowerCaseKeys(providerRights);
        agencyRights = lowerCaseKeys(agencyRights);
    }

    /** No rights assumed for anyone. */
    public static RightsDefaults none() {
        return new RightsDefaults(Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return providerRights.isEmpty() && agencyRights.isEmpty();
    }

    /**
     * Reads the rights file's entries, {@code provider.<name>.<field>} or {@code agency.<name>.<field>}, where the
     * field is {@code copyrightholder}, {@code copyrightnotice} or {@code usageterms} and the name may itself hold
     * dots ({@code provider.stt.fi.usageterms}). Any other key, or a blank value, is refused with the key named.
     */
    public static RightsDefaults fromProperties(Properties entries) {
        Map<String, SourceRights> byProvider = new TreeMap<>();
        Map<String, SourceRights> byAgency = new TreeMap<>();
        for (String key : new TreeSet<>(entries.stringPropertyNames())) {
            String value = entries.getProperty(key);
            int first = key.indexOf('.');
            int last = key.lastIndexOf('.');
            String kind = first < 0 ? key : key.substring(0, first);
            String field = last < 0 ? "" : key.substring(last + 1).toLowerCase(Locale.ROOT);
            String name = first < 0 || last <= first + 1 ? "" : key.substring(first + 1, last).trim().toLowerCase(Locale.ROOT);
            Map<String, SourceRights> target = switch (kind) {
                case "provider" -> byProvider;
                case "agency" -> byAgency;
                default -> null;
            };
            if (target == null || name.isEmpty() || !FIELDS.contains(field)) {
                throw new IllegalArgumentException("'" + key + "' is not provider.<name>.<field> or agency.<name>.<field>"
                        + " with a field of " + List.copyOf(new TreeSet<>(FIELDS)));
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("'" + key + "' has no value");
            }
            target.put(name, target.getOrDefault(name, new SourceRights(null, null, null)).with(field, value.trim()));
        }
        return new RightsDefaults(byProvider, byAgency);
    }

    /**
     * The rights assumed for the source, field by field: the provider's entry first, then the pushing agency's.
     *
     * @return the rights (fields {@code null} where neither says) and, for each field filled, why ("provider aap")
     */
    public Assumed assumedFor(String provider, String agency) {
        var byProvider = SourceDefaults.lookUp(providerRights, provider);
        var byAgency = SourceDefaults.lookUp(agencyRights, agency);
        Field holder = pick(byProvider, byAgency, SourceRights::copyrightHolder, "provider", "agency");
        Field notice = pick(byProvider, byAgency, SourceRights::copyrightNotice, "provider", "agency");
        Field terms = pick(byProvider, byAgency, SourceRights::usageTerms, "provider", "agency");
        return new Assumed(holder, notice, terms);
    }

    /** One assumed value and where it came from ("provider aap", "agency feed-1"). */
    public record Field(String value, String basis) {}

    /** The assumed rights; a field is {@code null} when no entry gives it. */
    public record Assumed(Field copyrightHolder, Field copyrightNotice, Field usageTerms) {}

    private static Field pick(Optional<Map.Entry<String, SourceRights>> first,
            Optional<Map.Entry<String, SourceRights>> second,
            Function<SourceRights, String> field, String firstKind, String secondKind) {
        if (first.isPresent() && field.apply(first.get().getValue()) != null) {
            return new Field(field.apply(first.get().getValue()), firstKind + " " + first.get().getKey());
        }
        if (second.isPresent() && field.apply(second.get().getValue()) != null) {
            return new Field(field.apply(second.get().getValue()), secondKind + " " + second.get().getKey());
        }
        return null;
    }

    private static Map<String, SourceRights> lowerCaseKeys(Map<String, SourceRights> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, SourceRights> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k.trim().toLowerCase(Locale.ROOT), v));
        return Map.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

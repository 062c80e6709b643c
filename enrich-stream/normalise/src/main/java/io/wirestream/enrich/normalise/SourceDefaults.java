package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.lang.LanguageGuesser;
import io.wirestream.enrich.normalise.provider.KnownProviders;
import io.wirestream.newsformats.format.WireFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the normaliser assumes about a source when its item does not say: the zone of times written without one,
 * and the language of a story that declares none.
 *
 * <p>An item's source is named twice: by the <em>provider</em> the item itself names (G2 {@code itemMeta/provider},
 * NewsML 1 {@code ProviderId}, NITF {@code doc-id/@regsrc}; for ninjs, IPTC 7901 and NITF without regsrc what
 * {@code provider.ProviderChoice} reads), and by the <em>agency</em> that pushed it
 * ({@code RawItem.agency}, a name the deployment chose). The provider is looked up first, since it is who wrote the
 * time; an aggregator pushing several providers' copy must not impose its own zone on all of them. Zones are then
 * looked up by the pushing agency and last by format. Names match in any case; a provider written as a domain
 * ({@code stt.fi}) or a code ({@code nprov:STT}) also matches by its first label ({@code stt}).
 *
 * <p>The built-in provider zones ({@link #BUILT_IN_PROVIDER_ZONES}) are the home zones of agencies seen publishing
 * zone-less times (issue 17), and the built-in provider languages ({@link #BUILT_IN_PROVIDER_LANGUAGES}) those of
 * agencies whose wire runs in one language. None is keyed by pushing agency: that name is the deployer's, so only
 * they can say what it means. A provider matches a key also through the known agency it names
 * ({@link KnownProviders}: "Australian Associated Press" is {@code aap}).
 *
 * @param providerZones   zone by provider named in the item (lower case)
 * @param agencyZones     zone by pushing agency (lower case)
 * @param formatZones     zone by wire format
 * @param providerLanguages BCP-47 language by provider named in the item (lower case)
 * @param agencyLanguages BCP-47 language by pushing agency (lower case)
 * @param rights          copyright holder, notice and usage terms assumed for copy that carries none
 *                        ({@link RightsDefaults}: by provider, then by pushing agency; nothing built in)
 */
public record SourceDefaults(
        Map<String, ZoneId> providerZones,
        Map<String, ZoneId> agencyZones,
        Map<WireFormat, ZoneId> formatZones,
        Map<String, String> providerLanguages,
        Map<String, String> agencyLanguages,
        RightsDefaults rights) {

    /** STT, AAP, NTB and Ritzau publish in their home zones and write some times without one. */
    public static final String BUILT_IN_PROVIDER_ZONES =
            "aap=Australia/Sydney,ntb=Europe/Oslo,ritzau=Europe/Copenhagen,stt=Europe/Helsinki";

    /**
     * Providers whose wire service is in one language: AAP and PA (English), NTB (Norwegian bokmål), Ritzau
     * (Danish). None for agencies that run services in several languages (AP, AFP, dpa, Reuters; STT, which also
     * writes Swedish as FNB): for those the item's declared language or detection decides. The reasons for each
     * are in the module README.
     */
    public static final String BUILT_IN_PROVIDER_LANGUAGES = "aap=en,ntb=nb,pa=en,ritzau=da";

    /** A zone assumed for times written without one, and why ("provider stt"). */
    public record AssumedZone(ZoneId zone, String basis) {

        @Override
        public String toString() {
            return zone + " (configured for " + basis + ")";
        }
    }

    public SourceDefaults {
        providerZones = lowerCaseKeys(providerZones);
        agencyZones = lowerCaseKeys(agencyZones);
        formatZones = formatZones == null || formatZones.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(formatZones));
        providerLanguages = lowerCaseKeys(providerLanguages);
        agencyLanguages = lowerCaseKeys(agencyLanguages);
        rights = rights == null ? RightsDefaults.none() : rights;
    }

    /** Zones and languages only; no rights assumed. */
    public SourceDefaults(Map<String, ZoneId> providerZones, Map<String, ZoneId> agencyZones,
            Map<WireFormat, ZoneId> formatZones, Map<String, String> providerLanguages,
            Map<String, String> agencyLanguages) {
        this(providerZones, agencyZones, formatZones, providerLanguages, agencyLanguages, RightsDefaults.none());
    }

    /** Nothing assumed: zone-less times are read as UTC, and a story without a declared language is detected. */
    public static SourceDefaults none() {
        return new SourceDefaults(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The built-in provider zones and languages, and nothing else. */
    public static SourceDefaults builtIn() {
        return none().withProviderZones(zones(BUILT_IN_PROVIDER_ZONES))
                .withProviderLanguages(languages(BUILT_IN_PROVIDER_LANGUAGES));
    }

    public SourceDefaults withProviderZones(Map<String, ZoneId> zones) {
        return new SourceDefaults(zones, agencyZones, formatZones, providerLanguages, agencyLanguages, rights);
    }

    public SourceDefaults withAgencyZones(Map<String, ZoneId> zones) {
        return new SourceDefaults(providerZones, zones, formatZones, providerLanguages, agencyLanguages, rights);
    }

    public SourceDefaults withFormatZones(Map<WireFormat, ZoneId> zones) {
        return new SourceDefaults(providerZones, agencyZones, zones, providerLanguages, agencyLanguages, rights);
    }

    public SourceDefaults withProviderLanguages(Map<String, String> languages) {
        return new SourceDefaults(providerZones, agencyZones, formatZones, languages, agencyLanguages, rights);
    }

    public SourceDefaults withAgencyLanguages(Map<String, String> languages) {
        return new SourceDefaults(providerZones, agencyZones, formatZones, providerLanguages, languages, rights);
    }

    public SourceDefaults withRights(RightsDefaults defaults) {
        return new SourceDefaults(providerZones, agencyZones, formatZones, providerLanguages, agencyLanguages, defaults);
    }

    /**
     * The zone for zone-less times before the item is read, when only the pushing agency and the format are known;
     * {@link #zoneFor} may later find the item's provider and choose another.
     */
    public Optional<AssumedZone> zoneBeforeParse(String agency, WireFormat format) {
        return zoneFor(null, agency, format);
    }

    /** The zone for zone-less times: by provider named in the item, else by pushing agency, else by format. */
    public Optional<AssumedZone> zoneFor(String provider, String agency, WireFormat format) {
        Optional<AssumedZone> byProvider = lookUp(providerZones, provider).map(e -> new AssumedZone(e.getValue(),
                "provider " + e.getKey()));
        if (byProvider.isPresent()) {
            return byProvider;
        }
        Optional<AssumedZone> byAgency = lookUp(agencyZones, agency).map(e -> new AssumedZone(e.getValue(),
                "agency " + e.getKey()));
        if (byAgency.isPresent() || format == null || !formatZones.containsKey(format)) {
            return byAgency;
        }
        return Optional.of(new AssumedZone(formatZones.get(format), "format " + format.label()));
    }

    /** The default language (BCP-47) and why ("provider aap"): by provider named in the item, else by agency. */
    public Optional<Map.Entry<String, String>> languageFor(String provider, String agency) {
        Optional<Map.Entry<String, String>> byProvider = lookUp(providerLanguages, provider)
                .map(e -> Map.entry(e.getValue(), "provider " + e.getKey()));
        return byProvider.isPresent() ? byProvider
                : lookUp(agencyLanguages, agency).map(e -> Map.entry(e.getValue(), "agency " + e.getKey()));
    }

    static <V> Optional<Map.Entry<String, V>> lookUp(Map<String, V> byName, String name) {
        if (name == null || name.isBlank() || byName.isEmpty()) {
            return Optional.empty();
        }
        for (String key : matchKeys(name)) {
            V v = byName.get(key);
            if (v != null) {
                return Optional.of(Map.entry(key, v));
            }
        }
        return Optional.empty();
    }

    /**
     * The names a provider is looked up by: as written, its code or first domain label, and the key of the known
     * agency it names ({@link KnownProviders}). "nprov:STT" -> [nprov:stt, stt]; "stt.fi" -> [stt.fi, stt];
     * "AAP" -> [aap]; "Norsk Telegrambyrå" -> [norsk telegrambyrå, ntb].
     */
    static List<String> matchKeys(String name) {
        List<String> keys = nameKeys(name);
        KnownProviders.key(name).filter(k -> !keys.contains(k)).ifPresent(keys::add);
        return keys;
    }

    private static List<String> nameKeys(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>(List.of(n));
        String code = n.substring(n.lastIndexOf(':') + 1);
        if (code.startsWith("www.")) {
            code = code.substring(4);
        }
        int dot = code.indexOf('.');
        if (dot > 0 && !code.contains(" ")) {
            code = code.substring(0, dot);
        }
        if (!code.isEmpty() && !code.equals(n)) {
            keys.add(code);
        }
        return keys;
    }

    // ---- the setting text: "name=value,name=value"

    /** Zones by name from {@code stt=Europe/Helsinki,aap=Australia/Sydney}; blank is none. */
    public static Map<String, ZoneId> zones(String text) {
        return pairs(text, SourceDefaults::zone);
    }

    /** Zones by format from {@code nitf=Europe/Oslo}; the names are the formats' labels or their usual hints. */
    public static Map<WireFormat, ZoneId> formatZones(String text) {
        Map<WireFormat, ZoneId> out = new EnumMap<>(WireFormat.class);
        pairs(text, SourceDefaults::zone).forEach((name, zone) -> {
            WireFormat f = WireFormat.fromHint(name);
            if (f == null || f == WireFormat.UNKNOWN) {
                throw new IllegalArgumentException("'" + name + "' is no wire format (try one of "
                        + java.util.Arrays.stream(WireFormat.values()).filter(w -> w != WireFormat.UNKNOWN)
                                .map(WireFormat::label).toList() + ")");
            }
            out.put(f, zone);
        });
        return out;
    }

    /** Languages by name from {@code aap=en,stt=fi}: BCP-47 tags, normalised ("EN-gb" is en-GB). */
    public static Map<String, String> languages(String text) {
        return pairs(text, value -> {
            String tag = LanguageGuesser.normaliseTag(value);
            if (tag == null) {
                throw new IllegalArgumentException("'" + value + "' is no language tag");
            }
            return tag;
        });
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is no time zone (write a region such as Europe/Oslo)");
        }
    }

    private static <V> Map<String, V> pairs(String text, Function<String, V> value) {
        Map<String, V> out = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (name.isEmpty() || v.isEmpty()) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not name=value");
            }
            if (out.put(name, value.apply(v)) != null) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
        }
        return out;
    }

    private static <V> Map<String, V> lowerCaseKeys(Map<String, V> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, V> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(Objects.requireNonNull(k).trim().toLowerCase(Locale.ROOT), Objects.requireNonNull(v)));
        return Map.copyOf(out);
    }
}

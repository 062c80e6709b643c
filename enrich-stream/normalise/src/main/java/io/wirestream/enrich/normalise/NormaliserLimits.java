package io.wirestream.enrich.normalise;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Bounds and assumptions for normalisation.
 *
 * @param maxPayloadBytes      larger payloads are refused (reason too-large)
 * @param maxItemsPerPayload   a newsMessage, feed or ninjs array may hold at most this many stories
 * @param maxXmlEntityExpansions entity expansions a single XML document may trigger (the JDK default is 64 000)
 * @param maxJsonDepth         JSON nesting deeper than this is refused (reason json-too-deep)
 * @param maxJsonStringChars   longest JSON string accepted
 * @param timePerItem          wall-clock budget for one payload (reason timeout)
 * @param agencyZones          the zone an agency means when it writes a time without one (key: agency, lower case);
 *                             agencies not listed are read as UTC, and such times are always reported as zone-less
 */
public record NormaliserLimits(
        int maxPayloadBytes,
        int maxItemsPerPayload,
        int maxXmlEntityExpansions,
        int maxJsonDepth,
        int maxJsonStringChars,
        Duration timePerItem,
        Map<String, ZoneId> agencyZones) {

    public NormaliserLimits {
        if (maxPayloadBytes <= 0 || maxItemsPerPayload <= 0 || maxXmlEntityExpansions < 0 || maxJsonDepth <= 0
                || maxJsonStringChars <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(timePerItem, "timePerItem");
        if (timePerItem.isNegative() || timePerItem.isZero()) {
            throw new IllegalArgumentException("timePerItem must be positive");
        }
        TreeMap<String, ZoneId> zones = new TreeMap<>();
        if (agencyZones != null) {
            agencyZones.forEach((k, v) -> zones.put(k.toLowerCase(Locale.ROOT), v));
        }
        agencyZones = Map.copyOf(zones);
    }

    /** 16 MiB, 1000 stories, 1000 entity expansions, depth 64, 4 M chars per string, 10 s per payload, UTC. */
    public static NormaliserLimits defaults() {
        return new NormaliserLimits(16 * 1024 * 1024, 1000, 1000, 64, 4 * 1024 * 1024, Duration.ofSeconds(10), Map.of());
    }

    public NormaliserLimits withTimePerItem(Duration d) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, d, agencyZones);
    }

    public NormaliserLimits withMaxPayloadBytes(int bytes) {
        return new NormaliserLimits(bytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, agencyZones);
    }

    public NormaliserLimits withMaxJsonDepth(int depth) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, depth,
                maxJsonStringChars, timePerItem, agencyZones);
    }

    public NormaliserLimits withAgencyZone(String agency, ZoneId zone) {
        TreeMap<String, ZoneId> zones = new TreeMap<>(agencyZones);
        zones.put(agency.toLowerCase(Locale.ROOT), zone);
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, zones);
    }

    /** The zone assumed for zone-less times from this agency. */
    public ZoneId zoneFor(String agency) {
        if (agency == null) {
            return ZoneOffset.UTC;
        }
        return agencyZones.getOrDefault(agency.toLowerCase(Locale.ROOT), ZoneOffset.UTC);
    }
}

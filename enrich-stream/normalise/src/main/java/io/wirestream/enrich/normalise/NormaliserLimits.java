package io.wirestream.enrich.normalise;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Bounds and assumptions for normalisation.
 *
 * @param maxPayloadBytes      larger payloads are refused (reason too-large)
 * @param maxItemsPerPayload   a newsMessage, feed or ninjs array may hold at most this many stories
 * @param maxXmlEntityExpansions entity expansions a single XML document may trigger (the JDK default is 64 000)
 * @param maxJsonDepth         JSON nesting deeper than this is refused (reason json-too-deep)
 * @param maxJsonStringChars   longest JSON string accepted
 * @param timePerItem          wall-clock budget for one payload (reason timeout)
 * @param sources              what is assumed about a source that does not say: the zone of its times written without
 *                             one, its language (see {@link SourceDefaults})
 */
public record NormaliserLimits(
        int maxPayloadBytes,
        int maxItemsPerPayload,
        int maxXmlEntityExpansions,
        int maxJsonDepth,
        int maxJsonStringChars,
        Duration timePerItem,
        SourceDefaults sources) {

    public NormaliserLimits {
        if (maxPayloadBytes <= 0 || maxItemsPerPayload <= 0 || maxXmlEntityExpansions < 0 || maxJsonDepth <= 0
                || maxJsonStringChars <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(timePerItem, "timePerItem");
        if (timePerItem.isNegative() || timePerItem.isZero()) {
            throw new IllegalArgumentException("timePerItem must be positive");
        }
        Objects.requireNonNull(sources, "sources");
    }

    /**
     * 16 MiB, 1000 stories, 1000 entity expansions, depth 64, 4 M chars per string, 10 s per payload, the built-in
     * provider zones ({@link SourceDefaults#builtIn}).
     */
    public static NormaliserLimits defaults() {
        return new NormaliserLimits(16 * 1024 * 1024, 1000, 1000, 64, 4 * 1024 * 1024, Duration.ofSeconds(10),
                SourceDefaults.builtIn());
    }

    public NormaliserLimits withTimePerItem(Duration d) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, d, sources);
    }

    public NormaliserLimits withMaxPayloadBytes(int bytes) {
        return new NormaliserLimits(bytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, sources);
    }

    public NormaliserLimits withMaxJsonDepth(int depth) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, depth,
                maxJsonStringChars, timePerItem, sources);
    }

    public NormaliserLimits withSources(SourceDefaults defaults) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, defaults);
    }

    /** These limits, with one more pushing agency's zone for times written without one. */
    public NormaliserLimits withAgencyZone(String agency, ZoneId zone) {
        Map<String, ZoneId> zones = new HashMap<>(sources.agencyZones());
        zones.put(agency, zone);
        return withSources(sources.withAgencyZones(zones));
    }
}

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
 * @param inlineMaxBytes       payloads up to this size are parsed on the calling thread, within the same budget but
 *                             enforced only by the parsers' own deadline checks; larger ones on a worker thread that
 *                             the caller abandons when the budget is spent, whatever the parser does. 0 sends every
 *                             payload to a worker
 */
public record NormaliserLimits(
        int maxPayloadBytes,
        int maxItemsPerPayload,
        int maxXmlEntityExpansions,
        int maxJsonDepth,
        int maxJsonStringChars,
        Duration timePerItem,
        SourceDefaults sources,
        int inlineMaxBytes) {

    /**
     * Payloads up to 64 KiB are parsed on the calling thread: a wire story is a few KiB, and handing it to a worker
     * and waiting for the answer cost more than the parse on a busy machine (docs/performance.md, round three).
     */
    public static final int DEFAULT_INLINE_MAX_BYTES = 64 * 1024;

    /** Limits with the default inline bound ({@link #DEFAULT_INLINE_MAX_BYTES}). */
    public NormaliserLimits(int maxPayloadBytes, int maxItemsPerPayload, int maxXmlEntityExpansions, int maxJsonDepth,
            int maxJsonStringChars, Duration timePerItem, SourceDefaults sources) {
        this(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth, maxJsonStringChars, timePerItem,
                sources, DEFAULT_INLINE_MAX_BYTES);
    }

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
        if (inlineMaxBytes < 0) {
            throw new IllegalArgumentException("inlineMaxBytes must not be negative");
        }
    }

    /**
     * 16 MiB, 1000 stories, 1000 entity expansions, depth 64, 4 M chars per string, 10 s per payload, the built-in
     * provider zones ({@link SourceDefaults#builtIn}), payloads up to 64 KiB parsed on the caller.
     */
    public static NormaliserLimits defaults() {
        return new NormaliserLimits(16 * 1024 * 1024, 1000, 1000, 64, 4 * 1024 * 1024, Duration.ofSeconds(10),
                SourceDefaults.builtIn());
    }

    public NormaliserLimits withTimePerItem(Duration d) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, d, sources, inlineMaxBytes);
    }

    public NormaliserLimits withMaxPayloadBytes(int bytes) {
        return new NormaliserLimits(bytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, sources, inlineMaxBytes);
    }

    public NormaliserLimits withMaxJsonDepth(int depth) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, depth,
                maxJsonStringChars, timePerItem, sources, inlineMaxBytes);
    }

    /** These limits with payloads up to {@code bytes} parsed on the caller (0: every payload on a worker). */
    public NormaliserLimits withInlineMaxBytes(int bytes) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, sources, bytes);
    }

    public NormaliserLimits withSources(SourceDefaults defaults) {
        return new NormaliserLimits(maxPayloadBytes, maxItemsPerPayload, maxXmlEntityExpansions, maxJsonDepth,
                maxJsonStringChars, timePerItem, defaults, inlineMaxBytes);
    }

    /** These limits, with one more pushing agency's zone for times written without one. */
    public NormaliserLimits withAgencyZone(String agency, ZoneId zone) {
        Map<String, ZoneId> zones = new HashMap<>(sources.agencyZones());
        zones.put(agency, zone);
        return withSources(sources.withAgencyZones(zones));
    }
}

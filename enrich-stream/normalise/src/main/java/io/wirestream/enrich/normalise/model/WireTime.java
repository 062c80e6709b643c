package io.wirestream.enrich.normalise.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** An instant (millisecond precision, as Avro stores it) with where it came from. */
public record WireTime(Instant instant, TimeSource source) {

    public WireTime {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(source, "source");
        instant = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * This time, written without a zone and read in {@code readIn}, as the same wall-clock time in {@code zone}.
     * Only zone-less times move; any other is returned as it is.
     */
    public WireTime readAgainIn(ZoneId readIn, ZoneId zone) {
        if (source != TimeSource.ITEM_NO_ZONE) {
            return this;
        }
        return new WireTime(instant.atZone(readIn).toLocalDateTime().atZone(zone).toInstant(),
                TimeSource.ITEM_CONFIGURED_ZONE);
    }

    public static WireTime item(Instant instant) {
        return instant == null ? null : new WireTime(instant, TimeSource.ITEM);
    }
}

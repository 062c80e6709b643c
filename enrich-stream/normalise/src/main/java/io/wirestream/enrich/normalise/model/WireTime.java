package io.wirestream.enrich.normalise.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** An instant (millisecond precision, as Avro stores it) with where it came from. */
public record WireTime(Instant instant, TimeSource source) {

    public WireTime {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(source, "source");
        instant = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static WireTime item(Instant instant) {
        return instant == null ? null : new WireTime(instant, TimeSource.ITEM);
    }
}

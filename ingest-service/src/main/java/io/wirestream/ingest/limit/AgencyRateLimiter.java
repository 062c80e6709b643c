package io.wirestream.ingest.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per agency: an agency may push {@code burst} items at once and {@code perSecond} on average.
 * A refused request takes no tokens and learns how long until it would fit (the 429's Retry-After).
 */
public final class AgencyRateLimiter {

    /** The rate one agency gets. */
    public record Rate(double perSecond, int burst) {
        public Rate {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1");
            }
        }
    }

    private final Rate defaultRate;
    private final Map<String, Rate> overrides;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AgencyRateLimiter(Rate defaultRate, Map<String, Rate> overrides, LongSupplier nanoTime) {
        this.defaultRate = defaultRate;
        this.overrides = Map.copyOf(overrides);
        this.nanoTime = nanoTime;
    }

    /**
     * Takes {@code items} tokens for the agency. Returns {@link Duration#ZERO} when allowed, else the wait after which
     * the same request would be allowed (never less than one second, as Retry-After counts whole seconds).
     */
    public Duration tryAcquire(String agency, int items) {
        Rate rate = overrides.getOrDefault(agency, defaultRate);
        Bucket bucket = buckets.computeIfAbsent(agency, a -> new Bucket(rate, nanoTime.getAsLong()));
        return bucket.tryTake(items, nanoTime.getAsLong());
    }

    /** Parses {@code agency=perSecond[/burst],...}; an override without a burst keeps the default burst. */
    public static Map<String, Rate> parseOverrides(String text, Rate defaultRate) {
        Map<String, Rate> result = new ConcurrentHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("rate override '" + p + "' is not agency=perSecond[/burst]");
            }
            String agency = p.substring(0, eq).strip();
            String[] rate = p.substring(eq + 1).strip().split("/");
            double perSecond = Double.parseDouble(rate[0]);
            int burst = rate.length > 1 ? Integer.parseInt(rate[1].strip()) : defaultRate.burst();
            result.put(agency, new Rate(perSecond, burst));
        }
        return result;
    }

    private static final class Bucket {
        private final Rate rate;
        private double tokens;
        private long lastRefill;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.lastRefill = now;
        }

        synchronized Duration tryTake(int items, long now) {
            double elapsedSeconds = Math.max(0, now - lastRefill) / 1e9;
            tokens = Math.min(rate.burst(), tokens + elapsedSeconds * rate.perSecond());
            lastRefill = now;
            // a batch larger than the burst costs a full bucket, otherwise it could never pass
            double cost = Math.min(items, rate.burst());
            if (cost <= tokens) {
                tokens -= cost;
                return Duration.ZERO;
            }
            double missing = cost - tokens;
            long waitMillis = (long) Math.ceil(Math.max(missing, 0) / rate.perSecond() * 1000);
            return Duration.ofMillis(Math.max(1000, waitMillis));
        }
    }
}

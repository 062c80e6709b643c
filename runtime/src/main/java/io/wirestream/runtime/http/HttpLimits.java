package io.wirestream.runtime.http;

import java.time.Duration;

/**
 * What one HTTP client may cost a service, whatever route it calls. Bodies are bounded by each route (it knows its
 * limit and can say why); these bound the rest, so that a client that is slow, or sends huge headers, cannot hold a
 * connection or a thread for long.
 *
 * @param maxHeaderBytes request line plus headers; more gets {@code 431 Request Header Fields Too Large}
 * @param headerTimeout the longest time from a request's first byte to the end of its headers; a client still sending
 *        headers after it (slowloris) has its connection closed. Jetty's idle timeout alone would not do: every byte
 *        restarts it
 * @param idleTimeout the longest silence on a connection, between requests or inside one
 * @param minRequestBytesPerSecond the slowest average rate a request body may arrive at, measured after a grace of
 *        {@code headerTimeout} from the body's start; slower has its connection closed (0: no minimum)
 */
public record HttpLimits(int maxHeaderBytes, Duration headerTimeout, Duration idleTimeout, long minRequestBytesPerSecond) {

    public HttpLimits {
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, was " + maxHeaderBytes);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative");
        }
    }

    /** 8 KiB of headers, 10 s to send them, 30 s of silence, bodies at 1 KiB/s at least. */
    public static HttpLimits defaults() {
        return new HttpLimits(8 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30), 1024);
    }
}

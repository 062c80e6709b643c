package io.wirestream.runtime.http;

import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connections of clients that send a request too slowly (slowloris). Jetty's idle timeout alone does not
 * do it: every byte restarts it. Jetty's own minimum request data rate is no better (as tried on Jetty 11): it
 * counts from the start of the request with no grace, so a small body that came a few milliseconds after its headers
 * already fails it (a 2-byte body at 1 KiB/s has 2 ms), and it only acts when the route reads.
 * <p>
 * A sweep a few times a second looks at every open connection instead, which costs nothing per byte:
 * <ul>
 *   <li>a request still in its headers {@code headerTimeout} after it was first seen there is cut off;</li>
 *   <li>a request whose body has been arriving for longer than {@code headerTimeout} (the grace) must since then have
 *       brought at least {@code minBytesPerSecond} on average, or it is cut off.</li>
 * </ul>
 * A request is known by its connection and the connection's request count, so a keep-alive connection that sends
 * many quick requests is never mistaken for one slow one.
 */
final class SlowClientGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlowClientGuard.class);

    private enum Phase { HEADERS, BODY }

    /** One request of a connection in one phase, when it was first seen there, and the connection's bytes then. */
    private record Seen(long request, Phase phase, long atNanos, long bytesIn) {}

    private final Server server;
    private final long headerTimeoutNanos;
    private final long minBytesPerSecond;
    private final LongSupplier nanoTime;
    private Map<EndPoint, Seen> seen = new WeakHashMap<>();
    private final ScheduledExecutorService sweeper;

    SlowClientGuard(Server server, Duration headerTimeout, long minBytesPerSecond, LongSupplier nanoTime) {
        this.server = server;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
        this.nanoTime = nanoTime;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-slow-client-guard");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, headerTimeout.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("slow client sweep failed: {}", e.toString());
        }
    }

    synchronized void sweep() {
        long now = nanoTime.getAsLong();
        Map<EndPoint, Seen> next = new WeakHashMap<>();
        for (Connector connector : server.getConnectors()) {
            if (!(connector instanceof AbstractConnector c)) {
                continue;
            }
            for (EndPoint endPoint : c.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http)) {
                    continue;
                }
                Phase phase = http.getParser().inHeaderState() ? Phase.HEADERS : http.getParser().inContentState() ? Phase.BODY : null;
                if (phase == null) {
                    continue; // between requests (the idle timeout's business) or being answered
                }
                Seen before = seen.get(endPoint);
                Seen now0 = before != null && before.request() == http.getMessagesIn() && before.phase() == phase ? before
                        : new Seen(http.getMessagesIn(), phase, now, http.getBytesIn());
                String tooSlow = tooSlow(now0, now, http.getBytesIn());
                if (tooSlow != null) {
                    log.info("closing the connection of {}: {}", endPoint.getRemoteSocketAddress(), tooSlow);
                    endPoint.close();
                } else {
                    next.put(endPoint, now0);
                }
            }
        }
        seen = next;
    }

    /** Why this request is too slow, or null. */
    private String tooSlow(Seen s, long now, long bytesIn) {
        long elapsed = now - s.atNanos();
        if (s.phase() == Phase.HEADERS) {
            return elapsed > headerTimeoutNanos ? "its request headers took longer than " + headerTimeoutNanos / 1_000_000 + " ms" : null;
        }
        long measured = elapsed - headerTimeoutNanos;
        if (minBytesPerSecond <= 0 || measured <= 0) {
            return null;
        }
        long arrived = bytesIn - s.bytesIn();
        long needed = minBytesPerSecond * measured / 1_000_000_000L;
        return arrived < needed ? "its body came at less than " + minBytesPerSecond + " bytes/s (" + arrived + " bytes in "
                + elapsed / 1_000_000 + " ms)" : null;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

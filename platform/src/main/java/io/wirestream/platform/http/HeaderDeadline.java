package io.wirestream.platform.http;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request headers take longer than a deadline to arrive (slowloris). Jetty 11 has no such
 * limit of its own: its idle timeout restarts with every byte, so a client sending one header byte every few seconds
 * would hold its connection for ever. A sweep a few times a second looks at every open connection; one that has been
 * inside the same request's headers (same request count, parser in a header state) for longer than the deadline is
 * closed. Sweeping costs a look at each open connection, nothing per byte.
 */
final class HeaderDeadline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

    /** Which request of a connection was first seen in its headers, and when. */
    private record Started(long messagesIn, long atNanos) {}

    private final Server server;
    private final long deadlineNanos;
    private final LongSupplier nanoTime;
    private final Map<EndPoint, Started> inHeaders = new WeakHashMap<>();
    private final ScheduledExecutorService sweeper;

    HeaderDeadline(Server server, java.time.Duration deadline, LongSupplier nanoTime) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        this.nanoTime = nanoTime;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-header-deadline");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, deadline.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("header deadline sweep failed: {}", e.toString());
        }
    }

    synchronized void sweep() {
        long now = nanoTime.getAsLong();
        Map<EndPoint, Started> seen = new WeakHashMap<>();
        for (Connector connector : server.getConnectors()) {
            if (!(connector instanceof AbstractConnector c)) {
                continue;
            }
            for (EndPoint endPoint : c.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http) || !http.getParser().inHeaderState()) {
                    continue;
                }
                Started before = inHeaders.get(endPoint);
                Started started = before != null && before.messagesIn() == http.getMessagesIn() ? before : new Started(http.getMessagesIn(), now);
                if (now - started.atNanos() > deadlineNanos) {
                    log.info("closing {}: its request headers took longer than {} ms", endPoint.getRemoteSocketAddress(), deadlineNanos / 1_000_000);
                    endPoint.close();
                } else {
                    seen.put(endPoint, started);
                }
            }
        }
        inHeaders.clear();
        inHeaders.putAll(seen);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

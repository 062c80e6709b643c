package io.wirestream.runtime.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a route has answered, sends the answer whole and then reads and drops what the client still sends of its
 * request body, up to a bound, before the exchange ends and the connection may close.
 *
 * <p>Routes refuse many requests on their headers alone (a declared size, a key, a rate) or after part of the body.
 * Most clients send the whole body without waiting for an answer. If the server then closes the connection with body
 * bytes still unread, its kernel resets the connection, and the reset can discard the answer before the client has read
 * it: the client sees "connection reset" instead of the 413 or 429 that says why. HTTP/1.1 (RFC 9112, section 9.6) asks
 * a server to keep reading for a while before it closes; this is that.
 *
 * <p>Bounded by bytes ({@code maxBytes}) and by time ({@code maxMillis}, checked whenever bytes arrive). A client that
 * stops sending is cut off by the idle timeout and the slow-client guard, as any body is. Past a bound the exchange ends
 * and Jetty closes the connection as it did without this filter. Nothing read here is kept, so it costs no memory; it
 * holds the request's thread while it reads, as reading an accepted body does. A route that went asynchronous has read
 * its body already (the push API reads before it waits for Kafka), so such requests are left alone.
 */
final class UnreadBodyDrain implements Filter {

    private static final Logger log = LoggerFactory.getLogger(UnreadBodyDrain.class);

    private final long maxBytes;
    private final long maxNanos;
    private final LongSupplier nanoTime;

    UnreadBodyDrain(long maxBytes, long maxMillis, LongSupplier nanoTime) {
        if (maxBytes < 0 || maxMillis < 0) {
            throw new IllegalArgumentException("the drain bounds must not be negative");
        }
        this.maxBytes = maxBytes;
        this.maxNanos = maxMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            return;
        }
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IllegalStateException readAsText) {
            return; // the route read the body through a reader, which it does only to the end
        }
        if (in.isFinished()) {
            return;
        }
        // the answer goes out whole first (closing the output sends it with its length); the client can read it while
        // it is still sending
        try {
            response.getOutputStream().close();
        } catch (IllegalStateException writtenAsText) {
            response.getWriter().close();
        }
        long started = nanoTime.getAsLong();
        long dropped = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            while (dropped <= maxBytes && nanoTime.getAsLong() - started <= maxNanos) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                dropped += n;
            }
        } catch (IOException gone) {
            log.debug("the client went while its unread body was being dropped ({} bytes): {}", dropped, gone.toString());
        }
    }
}

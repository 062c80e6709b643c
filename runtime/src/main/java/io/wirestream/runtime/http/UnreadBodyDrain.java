package io.wirestream.runtime.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
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
 * <p>Bounded by bytes ({@code maxBytes}) and by time ({@code maxMillis}, the asynchronous read's timeout; the idle
 * timeout and the slow-client guard still apply to the connection). Past a bound the exchange ends
 * and Jetty closes the connection as it did without this filter. Nothing read here is kept, so it costs no memory, and it
 * reads asynchronously, so it holds no thread: a client that declares a body and sends nothing holds only its
 * connection, for at most {@code maxMillis}. A route that went asynchronous has read its body already (the push API
 * reads before it waits for Kafka), so such requests are left alone.
 */
final class UnreadBodyDrain implements Filter {

    private static final Logger log = LoggerFactory.getLogger(UnreadBodyDrain.class);

    private final long maxBytes;
    private final long maxMillis;

    UnreadBodyDrain(long maxBytes, long maxMillis) {
        if (maxBytes < 0 || maxMillis < 0) {
            throw new IllegalArgumentException("the drain bounds must not be negative");
        }
        this.maxBytes = maxBytes;
        this.maxMillis = maxMillis;
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
        // then the rest is read as it comes, without a thread: a client that declares a body and sends none (even one
        // refused for its key) holds a connection until the time bound, never a thread
        AsyncContext async = request.startAsync();
        async.setTimeout(maxMillis); // from now, however the bytes come
        Drop drop = new Drop(in, async);
        async.addListener(drop);
        in.setReadListener(drop);
    }

    /** Reads whatever has arrived and drops it, until the body ends, a bound is passed, or the client fails or goes. */
    private final class Drop implements ReadListener, AsyncListener {
        private final ServletInputStream in;
        private final AsyncContext async;
        private final byte[] buffer = new byte[16 * 1024];
        private long dropped;
        private boolean done;

        Drop(ServletInputStream in, AsyncContext async) {
            this.in = in;
            this.async = async;
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            while (!done && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                dropped += n;
                if (dropped > maxBytes) {
                    finish(); // Jetty finds the body unfinished and closes the connection, as without the drain
                }
            }
        }

        @Override
        public void onAllDataRead() {
            finish();
        }

        @Override
        public void onError(Throwable failure) {
            log.debug("the client went while its unread body was being dropped ({} bytes): {}", dropped, failure.toString());
            finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish();
        }

        @Override
        public synchronized void onComplete(AsyncEvent event) {
            done = true;
        }

        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private synchronized void finish() {
            if (!done) {
                done = true;
                async.complete();
            }
        }
    }
}

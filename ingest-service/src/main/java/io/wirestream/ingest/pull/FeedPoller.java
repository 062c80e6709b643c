package io.wirestream.ingest.pull;

import io.wirestream.avro.IngestChannel;
import io.wirestream.ingest.publish.IncomingItem;
import io.wirestream.ingest.publish.IntakeResult;
import io.wirestream.ingest.publish.ItemIntake;
import io.wirestream.ingest.publish.RecordKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one RSS/Atom feed for one agency. A conditional GET (ETag, Last-Modified) keeps unchanged feeds cheap; each
 * entry version not seen before goes to the intake, oldest first, and is remembered once Kafka acknowledged it (or
 * refused it for good). While Kafka is unavailable nothing is marked, and the validators are kept from the last
 * complete round, so the next poll fetches the whole feed again and nothing is skipped.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    /** The default largest feed document (ingest.feed.max.bytes). */
    public static final long MAX_FEED_BYTES = 16L * 1024 * 1024;

    /** What one poll did. */
    public record PollResult(int status, int accepted, int refused, int alreadySeen, boolean complete) {}

    private final PullSources.FeedSource source;
    private final FeedState state;
    private final ItemIntake intake;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxBytes;
    /** The URL as it may be logged and stored: no credentials, no secret-looking query parameters. */
    private final String shownUrl;
    /** The URL requested: without its user-info part, which goes as Basic authentication instead. */
    private final URI requestUrl;
    private final String basicAuthorization;

    public FeedPoller(PullSources.FeedSource source, FeedState state, ItemIntake intake, HttpClient http, Duration requestTimeout) {
        this(source, state, intake, http, requestTimeout, MAX_FEED_BYTES);
    }

    public FeedPoller(PullSources.FeedSource source, FeedState state, ItemIntake intake, HttpClient http, Duration requestTimeout, long maxBytes) {
        this.source = source;
        this.state = state;
        this.intake = intake;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.shownUrl = UrlRedaction.redact(source.url());
        URI url = source.url();
        String userInfo = url.getUserInfo();
        this.basicAuthorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        try {
            this.requestUrl = userInfo == null ? url
                    : new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("feed URL " + shownUrl + " cannot be rebuilt without its credentials", e);
        }
    }

    /** The feed's URL with its secrets masked: what logs and raw items show. */
    public String shownUrl() {
        return shownUrl;
    }

    public PullSources.FeedSource source() {
        return source;
    }

    /** One round; never throws, so a scheduler keeps calling it. */
    public PollResult pollQuietly() {
        try {
            return poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PollResult(0, 0, 0, 0, false);
        } catch (Exception e) {
            log.warn("feed {} ({}): poll failed: {}", shownUrl, source.agency(), scrub(e.toString()));
            return new PollResult(0, 0, 0, 0, false);
        }
    }

    public PollResult poll() throws IOException, InterruptedException, FeedFormatException {
        FeedState.Validators validators = state.validators();
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUrl).timeout(requestTimeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "wirestream-ingest");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        if (basicAuthorization != null) {
            request.header("Authorization", basicAuthorization);
        }
        // the request's own timeout ends with the response headers; the whole exchange, body included, gets one
        // deadline here, so a host that dribbles its body cannot hold this source's thread
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info ->
                info.statusCode() == 200 ? BoundedBodySubscriber.upTo(maxBytes) : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            log.warn("feed {} ({}): no complete answer within {} ms, tried again next round", shownUrl, source.agency(), requestTimeout.toMillis());
            return new PollResult(0, 0, 0, 0, false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BoundedBodySubscriber.TooLargeException) {
                log.warn("feed {} ({}): larger than {} bytes (ingest.feed.max.bytes), skipped", shownUrl, source.agency(), maxBytes);
                return new PollResult(200, 0, 0, 0, false);
            }
            throw new IOException("feed request failed: " + (e.getCause() == null ? e : e.getCause().getClass().getSimpleName()), e.getCause());
        } finally {
            exchange.cancel(true); // no-op once complete; otherwise frees the connection
        }
        if (response.statusCode() == 304) {
            return new PollResult(304, 0, 0, 0, true);
        }
        if (response.statusCode() != 200) {
            log.warn("feed {} ({}): HTTP {}", shownUrl, source.agency(), response.statusCode());
            return new PollResult(response.statusCode(), 0, 0, 0, false);
        }
        byte[] body = response.body();
        FeedDocument feed = FeedParser.parse(body);
        List<FeedEntry> oldestFirst = new ArrayList<>(feed.entries());
        java.util.Collections.reverse(oldestFirst);
        int accepted = 0;
        int refused = 0;
        int seen = 0;
        for (FeedEntry entry : oldestFirst) {
            String seenKey = entry.id() + "|" + (entry.version() != null ? entry.version() : RecordKeys.contentId(entry.xml()));
            if (state.hasSeen(seenKey)) {
                seen++;
                continue;
            }
            IntakeResult result = intake.offer(new IncomingItem(source.agency(), entry.id(), entry.version(),
                    feed.entryContentType(), feed.kind(), IngestChannel.FEED, transport(feed, entry), entry.xml()));
            if (result.isTransient()) {
                log.warn("feed {} ({}): Kafka unavailable, the rest of this round waits for the next poll: {}",
                        shownUrl, source.agency(), result.message());
                return new PollResult(200, accepted, refused, seen, false);
            }
            if (result.isAccepted()) {
                accepted++;
            } else {
                refused++;
                log.warn("feed {} ({}): entry {} refused ({}): {}", shownUrl, source.agency(), abbreviate(entry.id()), result.status(), result.message());
            }
            state.markSeen(seenKey);
        }
        state.saveValidators(new FeedState.Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
        if (accepted + refused > 0) {
            log.info("feed {} ({}): {} new, {} refused, {} already seen", shownUrl, source.agency(), accepted, refused, seen);
        }
        return new PollResult(200, accepted, refused, seen, true);
    }

    /** A message (an exception's, which may quote the URL) with this feed's secrets masked. */
    String scrub(String message) {
        String s = message.replace(source.url().toString(), shownUrl);
        if (source.url().getRawUserInfo() != null) {
            s = s.replace(source.url().getRawUserInfo(), UrlRedaction.MASK);
        }
        String query = source.url().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1 && UrlRedaction.isSecretName(pair.substring(0, eq))) {
                    s = s.replace(pair.substring(eq + 1), UrlRedaction.MASK);
                }
            }
        }
        return s;
    }

    /** An entry id as a log line may show it: an over-long one (refused for it) is cut. */
    private static String abbreviate(String id) {
        return id == null || id.length() <= 200 ? id : id.substring(0, 200) + "… (" + id.length() + " characters)";
    }

    private Map<String, String> transport(FeedDocument feed, FeedEntry entry) {
        Map<String, String> t = new HashMap<>();
        t.put("feedUrl", shownUrl);
        t.put("feedKind", feed.kind());
        if (feed.title() != null) {
            t.put("feedTitle", feed.title().length() > 256 ? feed.title().substring(0, 256) : feed.title());
        }
        if (entry.link() != null) {
            t.put("entryLink", entry.link());
        }
        return t;
    }
}

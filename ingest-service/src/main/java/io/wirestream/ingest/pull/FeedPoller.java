package io.wirestream.ingest.pull;

import io.wirestream.avro.IngestChannel;
import io.wirestream.ingest.publish.IncomingItem;
import io.wirestream.ingest.publish.IntakeResult;
import io.wirestream.ingest.publish.ItemIntake;
import io.wirestream.ingest.publish.RecordKeys;
import java.io.IOException;
import java.io.InputStream;
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
    private static final long MAX_FEED_BYTES = 32L * 1024 * 1024;

    /** What one poll did. */
    public record PollResult(int status, int accepted, int refused, int alreadySeen, boolean complete) {}

    private final PullSources.FeedSource source;
    private final FeedState state;
    private final ItemIntake intake;
    private final HttpClient http;
    private final Duration requestTimeout;

    public FeedPoller(PullSources.FeedSource source, FeedState state, ItemIntake intake, HttpClient http, Duration requestTimeout) {
        this.source = source;
        this.state = state;
        this.intake = intake;
        this.http = http;
        this.requestTimeout = requestTimeout;
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
            log.warn("feed {} ({}): poll failed: {}", source.url(), source.agency(), e.toString());
            return new PollResult(0, 0, 0, 0, false);
        }
    }

    public PollResult poll() throws IOException, InterruptedException, FeedFormatException {
        FeedState.Validators validators = state.validators();
        HttpRequest.Builder request = HttpRequest.newBuilder(source.url()).timeout(requestTimeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "wirestream-ingest");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 304) {
            response.body().close();
            return new PollResult(304, 0, 0, 0, true);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes((int) MAX_FEED_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            log.warn("feed {} ({}): HTTP {}", source.url(), source.agency(), response.statusCode());
            return new PollResult(response.statusCode(), 0, 0, 0, false);
        }
        if (body.length > MAX_FEED_BYTES) {
            log.warn("feed {} ({}): larger than {} bytes, skipped", source.url(), source.agency(), MAX_FEED_BYTES);
            return new PollResult(200, 0, 0, 0, false);
        }
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
                        source.url(), source.agency(), result.message());
                return new PollResult(200, accepted, refused, seen, false);
            }
            if (result.isAccepted()) {
                accepted++;
            } else {
                refused++;
                log.warn("feed {} ({}): entry {} refused ({}): {}", source.url(), source.agency(), entry.id(), result.status(), result.message());
            }
            state.markSeen(seenKey);
        }
        state.saveValidators(new FeedState.Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
        if (accepted + refused > 0) {
            log.info("feed {} ({}): {} new, {} refused, {} already seen", source.url(), source.agency(), accepted, refused, seen);
        }
        return new PollResult(200, accepted, refused, seen, true);
    }

    private Map<String, String> transport(FeedDocument feed, FeedEntry entry) {
        Map<String, String> t = new HashMap<>();
        t.put("feedUrl", source.url().toString());
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

package io.wirestream.publish.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.wirestream.publish.store.ArticleChange;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.ChangePage;
import io.wirestream.publish.store.ItemFate;
import io.wirestream.publish.store.SearchHit;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.StoredArticle;
import io.wirestream.publish.store.StoryStatus;
import io.wirestream.newsformats.ninjs.NinjsWriter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Read-only HTTP access for sites that prefer HTTP to Kafka. Every route answers JSON; every refusal says why.
 *
 * <ul>
 *   <li>{@code GET /v1/articles/{uri}}: the story as ninjs (200), withdrawn or deleted (410 with the marker), not
 *       visible (404: unknown, withheld or under embargo, indistinguishably, so an embargo does not leak);</li>
 *   <li>{@code GET /v1/changes?since=<cursor>&limit=<1..1000>}: changes after the cursor, oldest first, with
 *       {@code nextCursor} to continue from; withheld and embargoed stories are not listed (a page may then hold
 *       fewer than {@code limit} changes; {@code nextCursor} still moves past them);</li>
 *   <li>{@code GET /v1/search?q=<words>&limit=<1..100>}: usable stories matching all words;</li>
 *   <li>{@code GET /v1/items/{itemId}}: what became of an ingested item (its receipt id); 404 while unknown.</li>
 * </ul>
 * Documents are official ninjs; {@code ?view=extended} adds the pipeline's {@value NinjsWriter#EXTENSION_PROPERTY}
 * property, from whose related links and duplicate cluster every killed, withheld or embargoed story is removed.
 *
 * <p>Who reads what is {@link ReadAccess}'s: open, or per subscriber key. A subscriber's key sees only the stories
 * the store granted it (the fan-out's entitlement rule): any other story is a 404 exactly like a missing one, is
 * left out of its changes, search and links, and its change-feed cursors ({@code <id>.<n>}) are refused for another key.
 */
public final class ArticleReadApi {

    static final int MAX_CHANGES = 1000;
    static final int MAX_SEARCH_RESULTS = 100;
    static final int MAX_QUERY_LENGTH = 500;
    /**
     * Changes one subscriber's request looks at, at most: its feed walks the store's feed and keeps what it may read,
     * so a long run of other agencies' copy costs several short requests (each moving the cursor on), never one long one.
     */
    static final int MAX_CHANGES_SCANNED = 5000;
    private static final java.util.regex.Pattern SUBSCRIBER_CURSOR = java.util.regex.Pattern.compile("([a-z0-9-]{1,63})\\.([0-9]{1,18})");

    private final ArticleStore store;
    private final Clock clock;
    private final ReadAccess access;
    private final ObjectMapper json = new ObjectMapper();

    /** An open API (no subscribers file): every caller reads everything. */
    public ArticleReadApi(ArticleStore store, Clock clock) {
        this(store, clock, ReadAccess.open());
    }

    /**
     * @param store  the store to read; null when only the file store is configured (every route then answers 503)
     * @param access who may read what: open, or per subscriber key
     */
    public ArticleReadApi(ArticleStore store, Clock clock, ReadAccess access) {
        if (store != null && !store.supportsQueries()) {
            throw new IllegalArgumentException("the read API needs a queryable store, not " + store.name());
        }
        this.store = store;
        this.clock = clock;
        this.access = access;
    }

    /** Declares the read API's routes and exception handlers on a Javalin app's route config. */
    public void register(RoutesConfig app) {
        app.get("/v1/articles/<uri>", this::article);
        app.get("/v1/changes", this::changes);
        app.get("/v1/search", this::search);
        app.get("/v1/items/<itemId>", this::item);
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
        app.exception(ReadAccess.Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", e.invalidToken ? "Bearer realm=\"wirestream\", error=\"invalid_token\"" : "Bearer realm=\"wirestream\"");
            error(ctx, 401, "unauthorized", e.getMessage());
        });
        app.exception(StoreUnavailableException.class, (e, ctx) ->
                error(ctx, 503, "store_unavailable", store == null
                        ? "no queryable store is configured (publish.stores has only files)"
                        : "the " + store.name() + " store cannot be read right now; try again"));
    }

    private void article(Context ctx) {
        ReadAccess.Caller caller = access.authenticate(ctx);
        requireStore(ctx);
        String uri = ctx.pathParam("uri");
        if (uri.isBlank()) {
            throw new BadRequest("the story uri is missing: GET /v1/articles/{uri} (URL-encoded)");
        }
        boolean extended = extended(ctx);
        Optional<StoredArticle> found = store.get(uri, clock.instant());
        // a story the caller may not read answers exactly as one that does not exist, so its existence does not leak
        if (found.isEmpty() || found.get().status() == StoryStatus.WITHHELD
                || !caller.isOperator() && !store.readableBy(uri, caller.scope().subscriberId())) {
            error(ctx, 404, "not_found", "no published story with uri '" + uri + "'");
            return;
        }
        StoredArticle article = found.get();
        if (article.status().isKilled()) {
            ObjectNode body = errorBody("withdrawn", "the story was withdrawn");
            body.put("uri", article.uri()).put("version", article.version()).put("status", article.status().dbValue());
            body.set("article", document(article.document(), extended, caller));
            ctx.status(410).contentType("application/json").result(body.toString());
            return;
        }
        ctx.header("X-Wirestream-Version", Long.toString(article.version()));
        ctx.status(200).contentType("application/json").result(document(article.document(), extended, caller).toString());
    }

    private void changes(Context ctx) {
        ReadAccess.Caller caller = access.authenticate(ctx);
        requireStore(ctx);
        long since = cursor(ctx.queryParam("since"), caller);
        int limit = (int) longParam(ctx, "limit", 100, 1, MAX_CHANGES, "limit must be an integer from 1 to " + MAX_CHANGES);
        boolean extended = extended(ctx);
        ChangePage page = store.changesSince(since, limit, clock.instant(), caller.scope(), MAX_CHANGES_SCANNED);
        ObjectNode body = json.createObjectNode();
        body.put("since", cursorText(since, caller));
        body.put("nextCursor", cursorText(page.nextCursor(), caller));
        ArrayNode changes = body.putArray("changes");
        for (ArticleChange change : page.changes()) {
            if (change.status() == StoryStatus.WITHHELD) {
                // a withheld story is not published: its id is not for readers (nextCursor still moves past it)
                continue;
            }
            ObjectNode node = changes.addObject();
            node.put("cursor", cursorText(change.cursor(), caller));
            node.put("uri", change.uri());
            node.put("version", change.version());
            node.put("status", change.status().dbValue());
            node.set("article", document(change.document(), extended, caller));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void search(Context ctx) {
        ReadAccess.Caller caller = access.authenticate(ctx);
        requireStore(ctx);
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadRequest("q is required: the words to search for, e.g. /v1/search?q=ferry+timetable");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new BadRequest("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        int limit = (int) longParam(ctx, "limit", 20, 1, MAX_SEARCH_RESULTS,
                "limit must be an integer from 1 to " + MAX_SEARCH_RESULTS);
        List<SearchHit> hits = store.search(q, limit, clock.instant(), caller.scope());
        ObjectNode body = json.createObjectNode();
        body.put("query", q);
        ArrayNode results = body.putArray("results");
        for (SearchHit hit : hits) {
            results.addObject().put("uri", hit.uri()).put("version", hit.version())
                    .put("headline", hit.headline()).put("score", hit.score());
        }
        ctx.contentType("application/json").result(body.toString());
    }

    /**
     * What became of an ingested item, by its receipt id: published (story, version), held (embargo or withheld),
     * merged into a published story, dropped (stale version, after a kill) or rejected (stage, reason).
     */
    private void item(Context ctx) {
        ReadAccess.Caller caller = access.authenticate(ctx);
        if (!caller.isOperator()) {
            // receipt ids, stages and merges are the pipeline's and the agencies' business, not a subscriber's
            error(ctx, 403, "forbidden", "what became of an ingested item is for operators: use an operator key");
            return;
        }
        requireStore(ctx);
        String itemId = ctx.pathParam("itemId");
        if (itemId.isBlank()) {
            throw new BadRequest("the item id is missing: GET /v1/items/{itemId} (the receipt id from the push API)");
        }
        Optional<ItemFate> found = store.itemFate(itemId);
        if (found.isEmpty()) {
            error(ctx, 404, "not_found", "publish-service has no record of item '" + itemId + "': it may still be in "
                    + "flight (check again shortly), or the id is not a receipt id");
            return;
        }
        ItemFate f = found.get();
        ObjectNode body = json.createObjectNode();
        body.put("itemId", f.itemId());
        boolean released = f.fate() == ItemFate.Fate.HELD && f.embargoedUntil() != null
                && !f.embargoedUntil().isAfter(clock.instant());
        body.put("fate", released ? "published" : f.fate().dbValue());
        // a held story is not published: whoever holds a receipt id learns only that it waits, and until when
        boolean hidden = f.fate() == ItemFate.Fate.HELD && !released;
        putIfPresent(body, "storyUri", hidden ? null : f.storyUri());
        if (f.version() != null && !hidden) {
            body.put("version", f.version());
        }
        putIfPresent(body, "status", hidden ? null : f.status());
        if (!released && f.embargoedUntil() != null) {
            body.put("embargoedUntil", f.embargoedUntil().toString());
        }
        if (f.fate() == ItemFate.Fate.MERGED || f.fate() == ItemFate.Fate.DROPPED) {
            ObjectNode into = body.putObject(f.fate() == ItemFate.Fate.MERGED ? "mergedInto" : "survivor");
            putIfPresent(into, "storyUri", f.survivorUri());
            putIfPresent(into, "clusterId", f.clusterId());
        }
        putIfPresent(body, "stage", f.stage());
        putIfPresent(body, "reason", released ? null : f.reason());
        putIfPresent(body, "detail", f.detail());
        if (f.decidedAt() != null) {
            body.put("decidedAt", f.decidedAt().toString());
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private void requireStore(Context ctx) {
        if (store == null) {
            throw new StoreUnavailableException("no queryable store");
        }
    }

    private static boolean extended(Context ctx) {
        String view = ctx.queryParam("view");
        if (view == null || view.equals("ninjs")) {
            return false;
        }
        if (view.equals("extended")) {
            return true;
        }
        throw new BadRequest("view must be ninjs (default) or extended");
    }

    /**
     * A cursor as the caller gave it: a plain number for an operator (or anyone, on an open API); {@code <id>.<n>}
     * for a subscriber, which must be its own ({@code 0} starts any feed).
     */
    private static long cursor(String text, ReadAccess.Caller caller) {
        if (text == null || text.isBlank() || text.strip().equals("0")) {
            return 0;
        }
        String t = text.strip();
        if (caller.isOperator()) {
            try {
                long value = Long.parseLong(t);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
            throw new BadRequest(SUBSCRIBER_CURSOR.matcher(t).matches()
                    ? "this cursor was issued to a subscriber's key; an operator's feed takes its own cursors (0 = from the start)"
                    : "since must be a cursor: a non-negative integer from a previous nextCursor (0 = from the start)");
        }
        java.util.regex.Matcher m = SUBSCRIBER_CURSOR.matcher(t);
        if (!m.matches()) {
            throw new BadRequest("since must be a cursor from a previous nextCursor given to this key (0 = from the start)");
        }
        if (!m.group(1).equals(caller.name())) {
            throw new BadRequest("this cursor was issued to another key; use a nextCursor given to this key (0 = from the start)");
        }
        return Long.parseLong(m.group(2));
    }

    private static String cursorText(long cursor, ReadAccess.Caller caller) {
        return caller.isOperator() ? Long.toString(cursor) : caller.name() + "." + cursor;
    }

    private JsonNode document(String stored, boolean extended, ReadAccess.Caller caller) {
        if (stored == null) {
            return json.nullNode();
        }
        try {
            JsonNode doc = json.readTree(stored);
            if (doc instanceof ObjectNode object) {
                if (!extended) {
                    object.remove(NinjsWriter.EXTENSION_PROPERTY);
                } else if (object.get(NinjsWriter.EXTENSION_PROPERTY) instanceof ObjectNode pipeline) {
                    hideUnpublishedLinks(pipeline, caller);
                }
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new StoreUnavailableException("stored document is not JSON", e);
        }
    }

    /**
     * Removes from a story's related links and duplicate cluster every story this store holds but does not show:
     * killed, withheld or still under embargo. enrich-stream is meant to leave them out already; this is the
     * second line, so a link written before a kill or built before a release gate cannot leak a headline.
     */
    private void hideUnpublishedLinks(ObjectNode pipeline, ReadAccess.Caller caller) {
        List<String> linked = new ArrayList<>();
        if (pipeline.get("related") instanceof ArrayNode related) {
            related.forEach(link -> linked.add(link.path("uri").asText(null)));
        }
        ObjectNode cluster = pipeline.get("duplicates") instanceof ObjectNode d ? d : null;
        if (cluster != null) {
            linked.add(cluster.path("firstUri").asText(null));
            cluster.path("memberUris").forEach(member -> linked.add(member.asText(null)));
        }
        linked.removeIf(java.util.Objects::isNull);
        if (linked.isEmpty()) {
            return;
        }
        Set<String> hidden = store.hiddenAmong(linked, clock.instant(), caller.scope());
        if (hidden.isEmpty()) {
            return;
        }
        if (pipeline.get("related") instanceof ArrayNode related) {
            for (Iterator<JsonNode> it = related.elements(); it.hasNext(); ) {
                if (hidden.contains(it.next().path("uri").asText(null))) {
                    it.remove();
                }
            }
        }
        if (cluster != null) {
            if (hidden.contains(cluster.path("firstUri").asText(null))) {
                cluster.remove("firstUri");
            }
            if (cluster.get("memberUris") instanceof ArrayNode members) {
                for (Iterator<JsonNode> it = members.elements(); it.hasNext(); ) {
                    if (hidden.contains(it.next().asText(null))) {
                        it.remove();
                    }
                }
            }
        }
    }

    private static long longParam(Context ctx, String name, long defaultValue, long min, long max, String rule) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new BadRequest(rule);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(rule);
        }
    }

    private ObjectNode errorBody(String error, String reason) {
        return json.createObjectNode().put("error", error).put("reason", reason);
    }

    private void error(Context ctx, int status, String error, String reason) {
        ctx.status(status).contentType("application/json").result(errorBody(error, reason).toString());
    }

    /** A request the API refuses, with the reason shown to the caller. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String reason) {
            super(reason);
        }
    }
}

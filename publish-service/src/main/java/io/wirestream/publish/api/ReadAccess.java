package io.wirestream.publish.api;

import io.javalin.http.Context;
import io.wirestream.publish.store.ReadScope;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Who is asking the read API. Without a subscribers file the API is open and every caller reads everything (as
 * before subscribers existed). With one, a request must carry {@code Authorization: Bearer <key>}: a key whose
 * SHA-256 is one of a subscriber's {@code credentials.apiKeys} reads that subscriber's copy only; one of the
 * operator key hashes ({@code publish.api.operator.keys}) reads everything.
 */
public final class ReadAccess {

    /** The caller of one request: whose view it reads, and what to call it in messages and cursors. */
    public record Caller(ReadScope scope, String name) {
        public boolean isOperator() {
            return scope.isEverything();
        }
    }

    private static final Caller ANYONE = new Caller(ReadScope.everything(), "anyone");
    private static final Caller OPERATOR = new Caller(ReadScope.everything(), "operator");

    private final Supplier<SubscriberConfig> subscribers;
    private final List<byte[]> operatorKeyHashes;

    private ReadAccess(Supplier<SubscriberConfig> subscribers, List<String> operatorKeyHashes) {
        this.subscribers = subscribers;
        this.operatorKeyHashes = operatorKeyHashes.stream().map(h -> h.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    /** No subscribers file: everyone reads everything. */
    public static ReadAccess open() {
        return new ReadAccess(null, List.of());
    }

    /** Per subscriber key, with the subscribers in force read at each request (the file is re-read while running). */
    public static ReadAccess perSubscriber(Supplier<SubscriberConfig> subscribers, List<String> operatorKeyHashes) {
        return new ReadAccess(subscribers, operatorKeyHashes);
    }

    public boolean isOpen() {
        return subscribers == null;
    }

    /** @throws Unauthorized when a key is needed and missing or unknown */
    Caller authenticate(Context ctx) {
        if (subscribers == null) {
            return ANYONE;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthorized(false, "an API key is required: send Authorization: Bearer <your key>");
        }
        String h = header.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ") || h.substring(7).isBlank()) {
            throw new Unauthorized(true, "the Authorization header must be: Bearer <your key>");
        }
        // hashed once: the operator hashes are compared in constant time, every one of them; the subscribers file
        // in force indexes its key hashes, so the subscriber is one look-up (SubscriberConfig.byKeyHash)
        String hash = SubscriberConfig.keyHash(h.substring(7).strip());
        byte[] presented = hash.getBytes(StandardCharsets.US_ASCII);
        boolean operator = false;
        for (byte[] operatorHash : operatorKeyHashes) {
            operator |= MessageDigest.isEqual(presented, operatorHash);
        }
        if (operator) {
            return OPERATOR;
        }
        Subscriber subscriber = subscribers.get().byKeyHash(hash);
        if (subscriber == null) {
            throw new Unauthorized(true, "the API key is not valid");
        }
        return new Caller(ReadScope.subscriber(subscriber.id()), subscriber.id());
    }

    /** A request without a valid key: 401 with {@code WWW-Authenticate: Bearer}. */
    static final class Unauthorized extends RuntimeException {
        final boolean invalidToken;

        Unauthorized(boolean invalidToken, String reason) {
            super(reason);
            this.invalidToken = invalidToken;
        }
    }
}

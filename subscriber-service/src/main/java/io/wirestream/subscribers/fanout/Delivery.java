package io.wirestream.subscribers.fanout;

import io.wirestream.subscriptions.EditorialState;

/**
 * One story version for one subscriber, written in the subscriber's format.
 *
 * @param body           the document (UTF-8 JSON), or null for a tombstone on the subscriber's topic
 * @param idempotencyKey the same for every copy of this delivery (retry, redelivery, replay); new for a new version or content
 */
public record Delivery(String subscriberId, String uri, long version, EditorialState state, byte[] body, String idempotencyKey,
                       long receivedAtMillis) {

    public boolean tombstone() {
        return body == null;
    }
}

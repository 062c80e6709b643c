package io.wirestream.subscribers.webhook;

import io.wirestream.subscriptions.WebhookChannel;

/** Makes one attempt at one delivery. */
@FunctionalInterface
public interface WebhookSender {

    /** The outcome of one attempt: delivered (2xx), or why not. */
    record Attempt(boolean delivered, int status, String problem) {
        static Attempt ok(int status) {
            return new Attempt(true, status, null);
        }

        static Attempt failed(int status, String problem) {
            return new Attempt(false, status, problem);
        }
    }

    Attempt send(WebhookChannel channel, WebhookMessage message, int attempt);
}

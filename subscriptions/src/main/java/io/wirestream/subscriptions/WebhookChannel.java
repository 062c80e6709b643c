package io.wirestream.subscriptions;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A subscriber's webhook: where each delivery is POSTed, the secret its body is signed with (HMAC-SHA256), and how
 * long a delivery is retried before it becomes a dead letter (null: the service's {@code subscribers.webhook.give.up.after}).
 */
public record WebhookChannel(URI url, Secret secret, Duration giveUpAfter) {

    public WebhookChannel {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    /** A secret's value and where it came from (for messages; the value is never printed). */
    public record Secret(String source, byte[] value) {

        @Override
        public String toString() {
            return "Secret[" + source + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Secret s && s.source.equals(source) && java.security.MessageDigest.isEqual(s.value, value);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }
    }
}

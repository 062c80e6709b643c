package io.wirestream.ops.health;

import java.time.Instant;

/**
 * What a service's {@code /health/ready} said at the latest check.
 *
 * @param ready  HTTP 200 from the readiness URL
 * @param reason why it is not ready: the failing checks with their problems as the service reported them (for
 *               enrich-stream, the last exception of a stream thread that keeps failing), or why it could not be asked;
 *               null when ready
 * @param warning what a ready service names under {@code warnings} (a problem it works around, such as a reloaded
 *                file it refused while the previous one stays in force), each as {@code check: problem}; null when none
 */
public record ServiceHealth(String service, String url, boolean ready, String reason, Instant checkedAt, String warning) {

    public ServiceHealth(String service, String url, boolean ready, String reason, Instant checkedAt) {
        this(service, url, ready, reason, checkedAt, null);
    }

    public static ServiceHealth notCheckedYet(String service, String url) {
        return new ServiceHealth(service, url, false, "not checked yet", null);
    }
}

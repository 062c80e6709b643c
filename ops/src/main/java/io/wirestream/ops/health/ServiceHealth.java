package io.wirestream.ops.health;

import java.time.Instant;

/**
 * What a service's {@code /health/ready} said at the latest check.
 *
 * @param ready  HTTP 200 from the readiness URL
 * @param reason why it is not ready: the failing checks with their problems as the service reported them (for
 *               enrich-stream, the last exception of a stream thread that keeps failing), or why it could not be asked;
 *               null when ready
 */
public record ServiceHealth(String service, String url, boolean ready, String reason, Instant checkedAt) {

    public static ServiceHealth notCheckedYet(String service, String url) {
        return new ServiceHealth(service, url, false, "not checked yet", null);
    }
}

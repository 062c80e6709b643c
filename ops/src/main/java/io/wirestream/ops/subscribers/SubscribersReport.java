package io.wirestream.ops.subscribers;

import io.wirestream.ops.lag.LagStatus;
import java.time.Instant;
import java.util.List;

/**
 * What one subscriber-service instance said of its subscribers at the latest check.
 *
 * @param url           its {@code /health/subscribers}
 * @param problem       why it could not be read (the subscribers list is then empty); null when read
 * @param fanOutProblem why the service could not measure its fan-out's lag, or null
 */
public record SubscribersReport(String service, String url, Instant checkedAt, String problem, String fanOutProblem,
                                List<SubscriberView> subscribers) {

    public static SubscribersReport notCheckedYet(String service, String url) {
        return new SubscribersReport(service, url, null, "not checked yet", null, List.of());
    }

    /** The worst status of its subscribers; WARN when the report could not be read (readiness says whether it is down). */
    public LagStatus status() {
        LagStatus worst = problem == null ? LagStatus.OK : LagStatus.WARN;
        for (SubscriberView s : subscribers) {
            worst = worst.worse(s.status());
        }
        return worst;
    }
}

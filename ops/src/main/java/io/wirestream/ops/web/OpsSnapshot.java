package io.wirestream.ops.web;

import io.wirestream.ops.health.ServiceHealth;
import io.wirestream.ops.subscribers.SubscribersReport;
import io.wirestream.runtime.metrics.FreshnessFigures;
import io.wirestream.ops.lag.LagReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the ops page shows, in one answer so a refresh is one request and its figures agree with each other.
 *
 * @param rejectionReasons counts by {@code stage/reason} over the rejections held
 * @param services         the latest readiness of every service ops asks ({@code ops.health.urls})
 * @param subscribers      each subscriber-service's subscribers with their delivery figures and judged status
 */
public record OpsSnapshot(Instant at, String overallStatus, List<StageView> stages, LagReport lag,
                          List<FreshnessFigures> freshness, List<RejectionView> rejections,
                          Map<String, Long> rejectionReasons, List<StoryView> stories,
                          List<ServiceHealth> services, List<SubscribersReport> subscribers) {
}

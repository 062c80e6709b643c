package io.wirestream.ops.web;

import io.wirestream.ops.lag.LagStatus;
import java.util.List;

/**
 * One stage of the pipeline on the ops page.
 *
 * @param group             the consumer group doing the stage's work, or null for a stage that only writes (ingest)
 * @param reads             topics the stage consumes
 * @param writes            topics the stage writes
 * @param recordsPerSecond  the stage's throughput: consumed records/s for a consuming stage, written records/s otherwise
 * @param records           records handled so far (committed offsets, or the written topic's end offsets)
 */
public record StageView(String name, String group, List<String> reads, List<String> writes, double recordsPerSecond,
                        long records, long lagRecords, double lagSeconds, LagStatus status, String reason) {
}

package io.wirestream.ops.lag;

/**
 * How fast a group consumes.
 *
 * @param committed        the sum of its committed offsets
 * @param recordsPerSecond growth of {@code committed} over the sample window; 0 until two samples exist
 */
public record GroupRate(String group, long committed, double recordsPerSecond) {
}

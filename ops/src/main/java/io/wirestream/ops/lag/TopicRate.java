package io.wirestream.ops.lag;

/**
 * How fast records arrive on a topic.
 *
 * @param endOffsets       the sum of the partitions' log-end offsets: records ever written (for transactional
 *                         producers this counts commit markers too, so it runs slightly high)
 * @param recordsPerSecond growth of {@code endOffsets} over the sample window; 0 until two samples exist
 */
public record TopicRate(String topic, long endOffsets, double recordsPerSecond) {
}

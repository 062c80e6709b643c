package io.wirestream.ops.lag;

/** Takes one sampling round. Called from one thread at a time. */
public interface ClusterSampler extends AutoCloseable {

    /** @throws RuntimeException if the cluster could not be reached at all */
    ClusterSample sample();

    @Override
    default void close() {
    }
}

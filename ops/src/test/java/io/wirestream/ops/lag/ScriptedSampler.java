package io.wirestream.ops.lag;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Plays back prepared sampling rounds of one group on partition 0 of wire.articles; then repeats the last one. */
public final class ScriptedSampler implements ClusterSampler {

    private final Instant start;
    private final String group;
    private final Deque<ClusterSample> rounds = new ArrayDeque<>();
    private volatile int taken;
    private volatile boolean closed;
    private String failure;
    private ClusterSample last;

    public ScriptedSampler(Instant start, String group) {
        this.start = start;
        this.group = group;
    }

    /** Adds a round {@code atSecond} after the start; lag seconds are 12.5 whenever records wait. */
    public ScriptedSampler next(int atSecond, long committed, long end, int members, long articlesEnd) {
        Instant at = start.plusSeconds(atSecond);
        PartitionLag p = new PartitionLag("wire.articles", 0, committed, end, end > committed ? 12.5 : 0, "record");
        GroupSample g = new GroupSample(group, at, members > 0 ? "Stable" : "Empty", members, List.of(p), null);
        return add(new ClusterSample(at, List.of(g), Map.of("wire.articles", articlesEnd)));
    }

    public synchronized ScriptedSampler add(ClusterSample round) {
        rounds.add(round);
        return this;
    }

    public synchronized void failNext(String why) {
        failure = why;
    }

    public int taken() {
        return taken;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public synchronized ClusterSample sample() {
        if (failure != null) {
            String why = failure;
            failure = null;
            throw new IllegalStateException(why);
        }
        taken++;
        if (!rounds.isEmpty()) {
            last = rounds.removeFirst();
        }
        return last; // once the script runs out, the cluster stays as it was
    }

    @Override
    public void close() {
        closed = true;
    }
}

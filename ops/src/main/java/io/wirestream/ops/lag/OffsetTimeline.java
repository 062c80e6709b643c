package io.wirestream.ops.lag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Log-end offsets of one partition over time, for estimating when the record at a given offset was written when the
 * record itself cannot be read (deleted by retention, or the probe timed out). Bounded: old points fall off.
 */
public final class OffsetTimeline {

    private final int capacity;
    private final Deque<Point> points = new ArrayDeque<>();

    public OffsetTimeline(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("need at least 2 points to interpolate, got " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(long atMillis, long logEndOffset) {
        Point last = points.peekLast();
        if (last != null && atMillis <= last.atMillis()) {
            return; // a clock step back would make the interpolation nonsense; keep time monotonic
        }
        points.addLast(new Point(atMillis, logEndOffset));
        while (points.size() > capacity) {
            points.removeFirst();
        }
    }

    /**
     * When the record at {@code offset} was written, interpolating linearly between the two samples whose log-end
     * offsets bracket it. Offsets older than the whole timeline get its first sample time (so the age is a lower bound);
     * offsets not yet written give empty.
     */
    public OptionalLong writtenAtMillis(long offset) {
        Point previous = null;
        Iterator<Point> it = points.iterator();
        while (it.hasNext()) {
            Point p = it.next();
            if (p.logEndOffset() > offset) {
                if (previous == null) {
                    return OptionalLong.of(p.atMillis());
                }
                double fraction = (double) (offset - previous.logEndOffset()) / (p.logEndOffset() - previous.logEndOffset());
                return OptionalLong.of(previous.atMillis() + Math.round(fraction * (p.atMillis() - previous.atMillis())));
            }
            previous = p;
        }
        return OptionalLong.empty();
    }

    private record Point(long atMillis, long logEndOffset) {
    }
}

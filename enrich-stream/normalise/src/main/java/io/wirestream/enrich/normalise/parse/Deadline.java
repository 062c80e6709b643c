package io.wirestream.enrich.normalise.parse;

/**
 * Cooperative time budget for one payload. Parsers call {@link #check()} in their loops; the normaliser also runs
 * each payload on a worker with a hard timeout, so a parser that forgets to check cannot hold the caller.
 */
public final class Deadline {

    /** Thrown when the budget is spent; the normaliser turns it into a "timeout" refusal. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline in(java.time.Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE);
    }

    public void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Exceeded("interrupted: the time budget for this item is spent");
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new Exceeded("time budget for this item is spent");
        }
    }
}

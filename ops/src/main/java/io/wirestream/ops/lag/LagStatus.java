package io.wirestream.ops.lag;

/**
 * Health of a consumer group's progress, in the manner of LinkedIn's Burrow. Declared from least to most severe so a
 * group takes the worst status of its partitions by comparing ordinals.
 */
public enum LagStatus {
    /** Caught up, idle with nothing to read, or lag falling. */
    OK,
    /** Offsets move but lag grows at every sample of the window: the consumer is falling behind. */
    WARN,
    /** Offsets do not move while records wait: the consumer is alive but stuck (or paused). */
    STALL,
    /** The group has no member while records wait: the consumer is gone. */
    STOP,
    /** The lag cannot be trusted: sampling failed, or the committed offset went backwards. */
    ERR;

    public LagStatus worse(LagStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

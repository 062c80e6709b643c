package io.wirestream.wire.bench;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: which invented stories a command pushes, declared once for the commands that invent them
 * ({@code wire bench}, {@code wire faults}). Each command keeps its own default, so its runs stay comparable with
 * its earlier ones.
 */
public final class StorySeed {

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the invented stories (default: ${DEFAULT-VALUE})")
    private long seed;

    public StorySeed(long defaultSeed) {
        this.seed = defaultSeed;
    }

    public long value() {
        return seed;
    }
}

package io.wirestream.enrich.service.dedupe;

/**
 * How a story's first version was judged; later versions follow it.
 *
 * @param survivorUri null when the story heads its own cluster (published), else the story it duplicates
 * @param decidedAtMillis for retention
 */
record StoryFate(String survivorUri, long decidedAtMillis) {

    boolean head() {
        return survivorUri == null;
    }

    static BinarySerde<StoryFate> serde() {
        return new BinarySerde<>((out, f) -> {
            DedupeBinary.writeNullable(out, f.survivorUri());
            out.writeLong(f.decidedAtMillis());
        }, in -> new StoryFate(DedupeBinary.readNullable(in), in.readLong()));
    }
}

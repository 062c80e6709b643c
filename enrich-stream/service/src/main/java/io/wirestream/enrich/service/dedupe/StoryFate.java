package io.wirestream.enrich.service.dedupe;

/**
 * How a story's first version was judged; later versions follow it.
 *
 * @param survivorUri null when the story heads its own cluster (published), else the story it duplicates
 * @param decidedAtMillis for retention
 * @param lateCopyAudited a head only: an earlier-wired copy turned up after it was published, and was audited once
 */
record StoryFate(String survivorUri, long decidedAtMillis, boolean lateCopyAudited) {

    StoryFate(String survivorUri, long decidedAtMillis) {
        this(survivorUri, decidedAtMillis, false);
    }

    StoryFate withLateCopyAudited() {
        return new StoryFate(survivorUri, decidedAtMillis, true);
    }

    boolean head() {
        return survivorUri == null;
    }

    static BinarySerde<StoryFate> serde() {
        return new BinarySerde<>((out, f) -> {
            DedupeBinary.writeNullable(out, f.survivorUri());
            out.writeLong(f.decidedAtMillis());
            out.writeBoolean(f.lateCopyAudited());
        }, in -> new StoryFate(DedupeBinary.readNullable(in), in.readLong(), in.readBoolean()));
    }
}

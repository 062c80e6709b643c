package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.codec.StateCodec;

/**
 * How a story's first version was judged; later versions follow it.
 *
 * @param survivorUri null when the story heads its own cluster (published), else the story it duplicates
 * @param decidedAtMillis for retention
 * @param lateCopyAudited a head only: a copy was found published beside it after an answer timeout, audited once
 * @param killed a head only: its agency killed it, so an earlier-wired copy arriving now is not merged into it
 */
record StoryFate(String survivorUri, long decidedAtMillis, boolean lateCopyAudited, boolean killed) {

    StoryFate(String survivorUri, long decidedAtMillis) {
        this(survivorUri, decidedAtMillis, false, false);
    }

    StoryFate withLateCopyAudited() {
        return new StoryFate(survivorUri, decidedAtMillis, true, killed);
    }

    StoryFate withKilled() {
        return new StoryFate(survivorUri, decidedAtMillis, lateCopyAudited, true);
    }

    boolean head() {
        return survivorUri == null;
    }

    /** A published head that still stands: a copy wired earlier but arriving now joins its cluster. */
    boolean publishedHead() {
        return head() && !killed;
    }

    static StateCodec<StoryFate> serde() {
        return StateCodec.of("story fate", (out, f) -> {
            out.writeNullableUTF(f.survivorUri());
            out.writeLong(f.decidedAtMillis());
            out.writeBoolean(f.lateCopyAudited());
            out.writeBoolean(f.killed());
        }, in -> new StoryFate(in.readNullableUTF(), in.readLong(), in.readBoolean(),
                // state written before kills were recorded ends here
                in.hasMore() && in.readBoolean()));
    }
}

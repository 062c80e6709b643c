package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.BinarySerde;
import io.wirestream.enrich.dedupe.version.StoryState;
import java.time.Instant;

/** Serde of the version guard's per-story state. */
final class StoryStateSerde {

    private StoryStateSerde() {
    }

    static BinarySerde<StoryState> create() {
        return new BinarySerde<>((out, s) -> {
            out.writeUTF(s.uri());
            out.writeLong(s.latestVersion());
            out.writeBoolean(s.killed());
            out.writeLong(s.updatedAt().toEpochMilli());
        }, in -> new StoryState(in.readUTF(), in.readLong(), in.readBoolean(), Instant.ofEpochMilli(in.readLong())));
    }
}

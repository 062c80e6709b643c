package io.wirestream.publish.store;

import java.util.Objects;

/**
 * Whose view of the store a read answers: everything (an operator, or the open API when no subscribers file is
 * configured) or one subscriber's, which holds only the stories granted to it (see {@code read_grants}).
 */
public record ReadScope(String subscriberId) {

    private static final ReadScope EVERYTHING = new ReadScope(null);

    public static ReadScope everything() {
        return EVERYTHING;
    }

    public static ReadScope subscriber(String id) {
        return new ReadScope(Objects.requireNonNull(id, "subscriber id"));
    }

    public boolean isEverything() {
        return subscriberId == null;
    }
}

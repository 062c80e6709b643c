package io.wirestream.ops.web;

import io.wirestream.avro.Rejection;
import java.time.Instant;

/** A rejected item as the ops page shows it; the excerpt is cut short so one huge payload cannot bloat the page. */
public record RejectionView(Instant rejectedAt, String stage, String reason, String detail, String agency,
                            String itemId, String excerpt) {

    static final int EXCERPT_CHARS = 160;

    public static RejectionView of(Rejection r) {
        String excerpt = r.getExcerpt();
        if (excerpt != null && excerpt.length() > EXCERPT_CHARS) {
            excerpt = excerpt.substring(0, EXCERPT_CHARS) + "…";
        }
        return new RejectionView(r.getRejectedAt(), r.getStage(), r.getReason(), r.getDetail(),
                r.getRaw() == null ? null : r.getRaw().getAgency(),
                r.getRaw() == null ? null : r.getRaw().getItemId(), excerpt);
    }
}

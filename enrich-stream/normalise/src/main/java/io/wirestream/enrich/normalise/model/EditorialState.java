package io.wirestream.enrich.normalise.model;

import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.Embargoes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one editorial state of a story, whatever format said it: usable; usable and embargoed until T; withheld
 * (until a person or a later version says otherwise); killed; and, orthogonal to these, corrected (signal
 * {@code correction}). Every parser fills the same draft fields (declared pubstatus, signals, an embargo instant,
 * embargo markers); this is the only place that turns them into the article's {@code pubstatus}, {@code embargoed}
 * and {@code signals}, so a format cannot invent its own meaning.
 *
 * <p>Precedence, safest first: a kill wins over everything (a kill is permanent downstream); then an explicit hold;
 * then an embargo (usable with its time when the time can be read, else withheld with signal
 * {@link EditorialSignals#EMBARGO_UNREADABLE}, never "publish now"); else what the format declared, else usable.
 */
public record EditorialState(PubStatus pubStatus, Instant embargoed, Set<String> signals) {

    /**
     * @param declared  the pubstatus the format declared, or {@code null}
     * @param signals   signals read from the item (kill, hold, correction, update, advisory)
     * @param embargo   an embargo instant the format gave as a field, or {@code null}
     * @param markers   embargo markers as written (read relative to {@code itemTime} when {@code embargo} is null)
     * @param itemTime  the item's own time (versioncreated), the reference for "0001 GMT Thursday"
     * @param zone      the agency's zone for times written without one
     */
    public static EditorialState resolve(PubStatus declared, Collection<String> signals, WireTime embargo,
            Collection<String> markers, Instant itemTime, ZoneId zone) {
        Set<String> out = new LinkedHashSet<>(signals);
        Instant until = embargo == null ? null : embargo.instant();
        if (until == null) {
            for (String marker : markers) {
                WireTime t = Embargoes.resolve(marker, zone, itemTime);
                if (t != null) {
                    until = t.instant();
                    break;
                }
            }
        }
        if (declared == PubStatus.canceled || out.contains(EditorialSignals.KILL)) {
            out.add(EditorialSignals.KILL);
            return new EditorialState(PubStatus.canceled, until, out);
        }
        if (declared == PubStatus.withheld || out.contains(EditorialSignals.HOLD)) {
            out.add(EditorialSignals.HOLD);
            return new EditorialState(PubStatus.withheld, until, out);
        }
        if (until != null) {
            return new EditorialState(PubStatus.usable, until, out);
        }
        if (!markers.isEmpty()) {
            out.add(EditorialSignals.HOLD);
            out.add(EditorialSignals.EMBARGO_UNREADABLE);
            return new EditorialState(PubStatus.withheld, null, out);
        }
        return new EditorialState(PubStatus.usable, null, out);
    }
}

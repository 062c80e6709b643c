package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.model.TimeSource;
import java.util.List;

/**
 * How one article was put together, for quality reports and operators: where its versioncreated came from, whether
 * its headline and language were read or derived, and any assumption or fallback taken.
 *
 * @param languageSource "item" (declared), "default" (configured for its provider or agency), "detected" or "none"
 * @param assumedZone    the zone configured for its source that a time written without one was read in;
 *                       {@code null} when every time had its zone (or none was configured)
 */
public record ArticleDiagnostics(
        String uri,
        TimeSource versionCreatedSource,
        boolean headlineDerived,
        String languageSource,
        SourceDefaults.AssumedZone assumedZone,
        List<String> notes) {

    public ArticleDiagnostics {
        notes = List.copyOf(notes);
    }

    /** The same, with other notes. */
    public ArticleDiagnostics withNotes(List<String> otherNotes) {
        return new ArticleDiagnostics(uri, versionCreatedSource, headlineDerived, languageSource, assumedZone,
                otherNotes);
    }

    /** True when versioncreated was read from the item with an explicit zone, so its UTC value is exact. */
    public boolean utcVersionCreated() {
        return versionCreatedSource == TimeSource.ITEM;
    }
}

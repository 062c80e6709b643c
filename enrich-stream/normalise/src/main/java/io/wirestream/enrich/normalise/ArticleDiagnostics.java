package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.model.TimeSource;
import java.util.List;

/**
 * How one article was put together, for quality reports and operators: where its versioncreated came from, whether
 * its headline and language were read or derived, and any assumption or fallback taken.
 *
 * @param languageSource "item", "detected" or "none"
 */
public record ArticleDiagnostics(
        String uri,
        TimeSource versionCreatedSource,
        boolean headlineDerived,
        String languageSource,
        List<String> notes) {

    public ArticleDiagnostics {
        notes = List.copyOf(notes);
    }

    /** True when versioncreated was read from the item with an explicit zone, so its UTC value is exact. */
    public boolean utcVersionCreated() {
        return versionCreatedSource == TimeSource.ITEM;
    }
}

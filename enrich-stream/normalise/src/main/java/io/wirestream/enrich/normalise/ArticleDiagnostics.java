package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.model.TimeSource;
import java.util.List;

/**
 * How one article was put together, for quality reports and operators: where its versioncreated came from, whether
 * its headline and language were read or derived, and any assumption or fallback taken.
 *
 * @param languageSource "item" (declared), "default" (configured or built in for its provider, or configured for its
 *                       agency), "detected" or "none"
 * @param assumedZone    the zone configured for its source that a time written without one was read in;
 *                       {@code null} when every time had its zone (or none was configured)
 * @param provider       the provider the item names, where it names it, and the known agency that is; {@code null}
 *                       when the item names none
 */
public record ArticleDiagnostics(
        String uri,
        TimeSource versionCreatedSource,
        boolean headlineDerived,
        String languageSource,
        SourceDefaults.AssumedZone assumedZone,
        Provider provider,
        List<String> notes) {

    /**
     * The provider an item names.
     *
     * @param name as the item writes it ("Australian Associated Press", "nprov:dpa", "dpa")
     * @param from the field it was read from ("ninjs copyrightholder", "IPTC 7901 header")
     * @param key  the known agency it is ({@code aap}, {@code dpa}: the keys the zone and language maps use), or
     *             {@code null} when it is none the normaliser knows
     */
    public record Provider(String name, String from, String key) {

        @Override
        public String toString() {
            return name + " (" + from + (key == null ? ", not a known agency" : ", known as " + key) + ")";
        }
    }

    public ArticleDiagnostics {
        notes = List.copyOf(notes);
    }

    /** The same, with other notes. */
    public ArticleDiagnostics withNotes(List<String> otherNotes) {
        return new ArticleDiagnostics(uri, versionCreatedSource, headlineDerived, languageSource, assumedZone,
                provider, otherNotes);
    }

    /** True when versioncreated was read from the item with an explicit zone, so its UTC value is exact. */
    public boolean utcVersionCreated() {
        return versionCreatedSource == TimeSource.ITEM;
    }
}

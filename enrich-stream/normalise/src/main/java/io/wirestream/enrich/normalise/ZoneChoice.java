package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The zone a story's times written without one are read in: the one configured for the provider the item names,
 * else for the pushing agency, else for the format ({@link SourceDefaults#zoneFor}), else UTC. Parsers read such
 * times before the provider is known, in the zone known then; this step reads them again, as the same wall-clock
 * time, in the chosen zone, and marks them {@code ITEM_CONFIGURED_ZONE}.
 *
 * @param zone    the zone for times written without one (also for embargo lines such as "do not use before 0600")
 * @param used    the configured zone and what chose it, when a time of the item was read in it
 */
record ZoneChoice(ZoneId zone, Optional<SourceDefaults.AssumedZone> used) {

    static ZoneChoice apply(DraftArticle d, String agency, WireFormat format, SourceDefaults sources,
            List<String> notes) {
        Optional<SourceDefaults.AssumedZone> assumed = sources.zoneFor(d.provider(), agency, format);
        if (assumed.isEmpty()) {
            return new ZoneChoice(ZoneOffset.UTC, assumed);
        }
        ZoneId readIn = sources.zoneBeforeParse(agency, format).map(SourceDefaults.AssumedZone::zone)
                .orElse(ZoneOffset.UTC);
        ZoneId zone = assumed.get().zone();
        d.setVersionCreated(readAgain(d.versionCreated(), readIn, zone));
        d.setFirstCreated(readAgain(d.firstCreated(), readIn, zone));
        WireTime embargo = readAgain(d.embargoed(), readIn, zone);
        if (embargo != d.embargoed()) {
            notes.add("embargo time written without a zone; read in " + assumed.get());
        }
        d.setEmbargoed(embargo);
        boolean used = embargo != null && embargo.source() == TimeSource.ITEM_CONFIGURED_ZONE
                || d.versionCreated() != null && d.versionCreated().source() == TimeSource.ITEM_CONFIGURED_ZONE
                || d.firstCreated() != null && d.firstCreated().source() == TimeSource.ITEM_CONFIGURED_ZONE;
        return new ZoneChoice(zone, used ? assumed : Optional.empty());
    }

    private static WireTime readAgain(WireTime t, ZoneId readIn, ZoneId zone) {
        return t == null ? null : t.readAgainIn(readIn, zone);
    }
}

package io.wirestream.enrich.normalise;

import static io.wirestream.enrich.normalise.StoryBody.clean;

import io.wirestream.avro.Article;
import io.wirestream.avro.Provider;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.RawRef;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.EditorialState;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.provider.KnownProviders;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.newsformats.format.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalisation every format shares, in steps: the story body ({@link StoryBody}: text hygiene, desk advice and
 * sign-off lines taken off, the dateline read off the lead), the headline ({@link HeadlineChoice}: fallbacks,
 * editorial prefixes turned into signals), the zone of times written without one ({@link ZoneChoice}), the text
 * fields, the language ({@link LanguageChoice}: declared, configured default or detected), times and version, the
 * editorial state ({@link EditorialState}), the source's metadata ({@link SourceMetadata}: subjects mapped to Media
 * Topics, keywords, links, ids), the story uri ({@link StoryUris}) and the rights ({@link RightsChoice}: the item's,
 * else those configured for its provider or agency).
 */
public final class ArticleAssembler {

    /** Result of assembling one draft. */
    public record Assembled(Article article, ArticleDiagnostics diagnostics) {}

    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^by\\s+");

    private final Clock clock;

    public ArticleAssembler(Clock clock) {
        this.clock = clock;
    }

    /**
     * Builds the article. Throws when the draft has nothing a headline can be taken from.
     */
    public Assembled assemble(DraftArticle d, RawItem raw, WireFormat format) throws NormalisationException {
        return assemble(d, raw, format, SourceDefaults.none());
    }

    /**
     * Builds the article; {@code sources} gives the zone for times written without one and the language of a story
     * that declares none ({@link ZoneChoice}, {@link LanguageChoice}).
     */
    public Assembled assemble(DraftArticle d, RawItem raw, WireFormat format, SourceDefaults sources)
            throws NormalisationException {
        List<String> notes = new ArrayList<>(d.notes());
        ZoneChoice zone = ZoneChoice.apply(d, raw.getAgency(), format, sources, notes);
        StoryBody body = StoryBody.of(d, notes);
        StoryBody.DatelineFields dateline = body.takeDateline(d);
        Set<String> signals = new LinkedHashSet<>(d.signals());
        signals.addAll(body.adviceSignals());
        HeadlineChoice headline = HeadlineChoice.choose(d, body, signals, notes);
        List<String> paragraphs = body.paragraphs();
        LanguageChoice language = LanguageChoice.choose(d, raw.getAgency(), sources, headline.main(), paragraphs, notes);
        WireTime versionCreated = versionCreated(d, raw, zone, notes);
        EditorialState state = editorialState(d, signals, body.embargoMarkers(), versionCreated, zone.zone(), notes);
        String uri = StoryUris.of(raw, d, headline.main(), paragraphs);
        RightsChoice rights = RightsChoice.choose(d, body.copyrightLine(), raw.getAgency(), sources, notes);

        Article.Builder article = Article.newBuilder()
                .setUri(uri)
                .setVersion(version(d, raw, versionCreated))
                .setVersioncreated(versionCreated.instant())
                .setFirstcreated(d.firstCreated() == null ? null : d.firstCreated().instant())
                .setPubstatus(state.pubStatus())
                .setSignals(new ArrayList<>(state.signals()))
                .setUrgency(d.urgency() == null || d.urgency() < 1 || d.urgency() > 9 ? null : d.urgency())
                .setEmbargoed(state.embargoed())
                .setLanguage(language.tag())
                .setCopyrightholder(rights.copyrightHolder())
                .setCopyrightnotice(rights.copyrightNotice())
                .setUsageterms(rights.usageTerms());
        setText(article, d, headline, dateline, body);
        setSourceAndProvenance(article, d, raw, format);
        return new Assembled(article.build(), new ArticleDiagnostics(uri, versionCreated.source(), headline.derived(),
                language.source(), zone.used().orElse(null), provider(d), notes));
    }

    private static void setText(Article.Builder article, DraftArticle d, HeadlineChoice headline,
            StoryBody.DatelineFields dateline, StoryBody body) {
        String description = clean(d.description());
        article.setHeadline(headline.main())
                .setHeadlines(headline.headlines())
                .setDescription(description != null && description.equals(headline.main()) ? null : description)
                .setByline(byline(d))
                .setDateline(dateline.dateline())
                .setLocated(dateline.located())
                .setDatelineSource(dateline.source())
                .setTagline(clean(d.tagline()))
                .setBodyParagraphs(body.paragraphs())
                .setBodyHtml(body.html());
    }

    private static void setSourceAndProvenance(Article.Builder article, DraftArticle d, RawItem raw,
            WireFormat format) {
        article.setSubjects(SourceMetadata.subjects(d))
                .setKeywords(SourceMetadata.keywords(d))
                .setEntities(new ArrayList<>())
                .setRelated(SourceMetadata.related(d))
                .setDuplicates(null)
                .setAgency(raw.getAgency())
                .setProvider(d.provider() == null ? null : Provider.newBuilder().setName(d.provider())
                        .setKey(KnownProviders.key(d.provider()).orElse(null)).setFrom(d.providerFrom()).build())
                .setSourceIds(SourceMetadata.sourceIds(d, raw))
                .setSourceFormat(format.label())
                .setRaw(RawRef.newBuilder().setItemId(raw.getItemId()).setAgency(raw.getAgency()).build())
                .setReceivedAt(raw.getReceivedAt())
                .setProcessedAt(null);
    }

    private static ArticleDiagnostics.Provider provider(DraftArticle d) {
        return d.provider() == null ? null : new ArticleDiagnostics.Provider(d.provider(), d.providerFrom(),
                KnownProviders.key(d.provider()).orElse(null));
    }

    /** The byline without a leading "By" and trailing punctuation; {@code null} when nothing is left. */
    private static String byline(DraftArticle d) {
        String byline = clean(d.byline());
        if (byline == null) {
            return null;
        }
        byline = BY_PREFIX.matcher(byline).replaceFirst("").replaceAll("[\\s,;:–—-]+$", "").trim();
        return byline.isEmpty() ? null : byline;
    }

    /** The item's versioncreated, else its firstcreated, else the ingest receipt time; notes say which and why. */
    private WireTime versionCreated(DraftArticle d, RawItem raw, ZoneChoice zone, List<String> notes) {
        WireTime versionCreated = d.versionCreated();
        if (versionCreated == null && d.firstCreated() != null) {
            versionCreated = d.firstCreated();
            notes.add("versioncreated taken from firstcreated");
        }
        if (versionCreated == null) {
            versionCreated = new WireTime(raw.getReceivedAt(), TimeSource.RECEIVED);
            notes.add("no time in the item: versioncreated is the ingest receipt time");
        } else if (versionCreated.source() == TimeSource.ITEM_NO_ZONE) {
            notes.add("versioncreated written without a zone, and none is configured for its source; read as UTC");
        } else if (versionCreated.source() == TimeSource.ITEM_CONFIGURED_ZONE) {
            notes.add("versioncreated written without a zone; read in " + zone.used().orElseThrow());
        }
        if (versionCreated.instant().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            notes.add("versioncreated is more than a day in the future");
        }
        return versionCreated;
    }

    /** The format's version, else the one ingest was given (when it is a number), else versioncreated in seconds. */
    private static long version(DraftArticle d, RawItem raw, WireTime versionCreated) {
        if (d.version() != null) {
            return d.version();
        }
        String ingest = raw.getSourceVersion();
        if (ingest != null && ingest.trim().matches("\\d{1,18}")) {
            return Long.parseLong(ingest.trim());
        }
        return versionCreated.instant().getEpochSecond();
    }

    /** Embargo markers are read against the item's own time; the receipt time is no reference for them. */
    private static EditorialState editorialState(DraftArticle d, Set<String> signals, List<String> embargoMarkers,
            WireTime versionCreated, ZoneId zone, List<String> notes) {
        EditorialState state = EditorialState.resolve(d.pubStatus(), signals, d.embargoed(), embargoMarkers,
                versionCreated.source() == TimeSource.RECEIVED ? null : versionCreated.instant(), zone);
        if (state.signals().contains(EditorialSignals.EMBARGO_UNREADABLE)) {
            notes.add("embargo announced but its time cannot be read; withheld: " + embargoMarkers);
        }
        return state;
    }

    /** The story uri an agency's own id maps to (used for package members and other references). */
    public static String storyUri(String agency, String id) {
        return StoryUris.storyUri(agency, id);
    }

    /** The agency as it stands in story uris; see {@link StoryUris#agencyKey}. */
    public static String agencyKey(String agency) {
        return StoryUris.agencyKey(agency);
    }
}

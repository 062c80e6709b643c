package io.wirestream.enrich.normalise.model;

import io.wirestream.avro.PubStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a format parser read from one story, before the shared normalisation (text hygiene, dateline, headline
 * fallback, language, subject mapping, ids) turns it into an {@link io.wirestream.avro.Article}. Parsers fill what
 * their format carries and leave the rest {@code null} or empty. Lists are filled through their {@code add...}
 * methods (which drop blank values) and read as unmodifiable views. Mutable, single-threaded, internal.
 */
public final class DraftArticle {

    // ---- identity
    private String formatId;
    private Long version;
    private final List<SourceIdentifier> sourceIds = new ArrayList<>();
    /** False for pictures, video, concepts and other items that are not text stories. */
    private boolean textItem = true;
    private String itemClass;

    // ---- times and editorial state, as the format said them (EditorialState resolves them)
    private WireTime versionCreated;
    private WireTime firstCreated;
    private WireTime embargoed;
    private final List<String> embargoMarkers = new ArrayList<>();
    private PubStatus pubStatus;
    private final Set<String> signals = new LinkedHashSet<>();
    private Integer urgency;

    // ---- text
    private String headline;
    private final List<DraftHeadline> headlines = new ArrayList<>();
    private String title;
    private String slug;
    private String description;
    private String byline;
    private String dateline;
    private String located;
    private String datelineSource;
    private String tagline;
    private String language;
    private String provider;
    private String providerFrom;
    private final List<BodyBlock> body = new ArrayList<>();
    private String bodyHtml;

    // ---- classification, links, rights
    private final List<SourceSubject> subjects = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private final List<PublisherLink> related = new ArrayList<>();
    private String copyrightNotice;
    private String copyrightHolder;
    private String usageTerms;

    private final List<String> notes = new ArrayList<>();

    /** The format's own id (G2 guid, ninjs uri, NewsML 1 PublicIdentifier, NITF doc-id), or {@code null}. */
    public String formatId() {
        return formatId;
    }

    public void setFormatId(String formatId) {
        this.formatId = formatId;
    }

    /** The format's version number, {@code null} when it has none. */
    public Long version() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<SourceIdentifier> sourceIds() {
        return Collections.unmodifiableList(sourceIds);
    }

    public void addSourceId(String scheme, String value) {
        if (scheme != null && value != null && !value.isBlank()) {
            sourceIds.add(new SourceIdentifier(scheme, value.trim()));
        }
    }

    /** False for pictures, video, concepts and other items that are not text stories. */
    public boolean textItem() {
        return textItem;
    }

    public void setTextItem(boolean textItem) {
        this.textItem = textItem;
    }

    /** The item class as the format names it, for reasons and reports. */
    public String itemClass() {
        return itemClass;
    }

    public void setItemClass(String itemClass) {
        this.itemClass = itemClass;
    }

    public WireTime versionCreated() {
        return versionCreated;
    }

    public void setVersionCreated(WireTime versionCreated) {
        this.versionCreated = versionCreated;
    }

    public WireTime firstCreated() {
        return firstCreated;
    }

    public void setFirstCreated(WireTime firstCreated) {
        this.firstCreated = firstCreated;
    }

    /** The embargo instant the format gave as a field, {@code null} when none was read. */
    public WireTime embargoed() {
        return embargoed;
    }

    public void setEmbargoed(WireTime embargoed) {
        this.embargoed = embargoed;
    }

    /**
     * Embargo markers as the format wrote them ("EMBARGOED until 0001 GMT Thursday", "status Embargoed", an
     * embargoed field that does not parse). The assembler reads their time against the item's own time when no
     * {@link #embargoed} instant was read; a marker whose time cannot be read withholds the story.
     */
    public List<String> embargoMarkers() {
        return Collections.unmodifiableList(embargoMarkers);
    }

    public void addEmbargoMarker(String marker) {
        embargoMarkers.add(marker);
    }

    /** The pubstatus the format declared, {@code null} when it declares none. */
    public PubStatus pubStatus() {
        return pubStatus;
    }

    public void setPubStatus(PubStatus pubStatus) {
        this.pubStatus = pubStatus;
    }

    /** Editorial signals read from the item (kill, hold, correction, update, advisory), in the order found. */
    public Set<String> signals() {
        return Collections.unmodifiableSet(signals);
    }

    public void addSignal(String signal) {
        signals.add(signal);
    }

    public void addSignals(Collection<String> more) {
        signals.addAll(more);
    }

    public Integer urgency() {
        return urgency;
    }

    public void setUrgency(Integer urgency) {
        this.urgency = urgency;
    }

    /** The main headline as the format gave it. */
    public String headline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    /** Further headlines with their roles; the main one is added by the assembler. */
    public List<DraftHeadline> headlines() {
        return Collections.unmodifiableList(headlines);
    }

    public void addHeadline(String role, String value) {
        if (value != null && !value.isBlank()) {
            headlines.add(new DraftHeadline(role, value.trim()));
        }
    }

    /** First fallback for a missing headline. */
    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** Second fallback for a missing headline; also part of the content hash of formats without an id. */
    public String slug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String byline() {
        return byline;
    }

    public void setByline(String byline) {
        this.byline = byline;
    }

    /** Dateline as written, when the format carries it apart from the body. */
    public String dateline() {
        return dateline;
    }

    public void setDateline(String dateline) {
        this.dateline = dateline;
    }

    public String located() {
        return located;
    }

    public void setLocated(String located) {
        this.located = located;
    }

    public String datelineSource() {
        return datelineSource;
    }

    public void setDatelineSource(String datelineSource) {
        this.datelineSource = datelineSource;
    }

    public String tagline() {
        return tagline;
    }

    public void setTagline(String tagline) {
        this.tagline = tagline;
    }

    /** The language the item declares, as written. */
    public String language() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /**
     * The provider the item names as who wrote it (G2 provider, NewsML 1 ProviderId, NITF doc-id regsrc, and for
     * formats without one provider field what {@code provider.ProviderChoice} chose), as written; it chooses the zone
     * of times written without one and a default language ({@code SourceDefaults}).
     */
    public String provider() {
        return provider;
    }

    /** Where the item named its provider ("NewsML-G2 itemMeta/provider", "ninjs copyrightholder"), or {@code null}. */
    public String providerFrom() {
        return provider == null ? null : providerFrom;
    }

    /** The provider as the item writes it, and the field it was read from. */
    public void setProvider(String provider, String from) {
        this.provider = provider == null || provider.isBlank() ? null : provider.trim();
        this.providerFrom = from;
    }

    /** Body as blocks; parsers with HTML bodies may set {@link #bodyHtml} instead and let the assembler split it. */
    public List<BodyBlock> body() {
        return Collections.unmodifiableList(body);
    }

    public void addBodyBlock(BodyBlock block) {
        body.add(block);
    }

    public void addBodyBlocks(Collection<BodyBlock> blocks) {
        body.addAll(blocks);
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public void setBodyHtml(String bodyHtml) {
        this.bodyHtml = bodyHtml;
    }

    public boolean hasBody() {
        return !body.isEmpty() || (bodyHtml != null && !bodyHtml.isBlank());
    }

    public List<SourceSubject> subjects() {
        return Collections.unmodifiableList(subjects);
    }

    /** A source subject; see {@link SourceSubject} for how the code is qualified. */
    public void addSubject(String code, String name) {
        if (code != null && !code.isBlank()) {
            subjects.add(new SourceSubject(code.trim(), name == null || name.isBlank() ? null : name.trim()));
        }
    }

    public List<String> keywords() {
        return Collections.unmodifiableList(keywords);
    }

    public void addKeyword(String keyword) {
        if (keyword != null && !keyword.isBlank() && !keywords.contains(keyword.trim())) {
            keywords.add(keyword.trim());
        }
    }

    /** Publisher links (see-also, package members, teasers). */
    public List<PublisherLink> related() {
        return Collections.unmodifiableList(related);
    }

    public void addRelated(String uri, String title, String reason) {
        if ((uri != null && !uri.isBlank()) || (title != null && !title.isBlank())) {
            related.add(new PublisherLink(uri == null || uri.isBlank() ? null : uri.trim(),
                    title == null || title.isBlank() ? null : title.trim(), reason));
        }
    }

    public String copyrightNotice() {
        return copyrightNotice;
    }

    public void setCopyrightNotice(String copyrightNotice) {
        this.copyrightNotice = blankToNull(copyrightNotice);
    }

    /** The party claiming the intellectual property, as the item names it (ninjs {@code copyrightholder}). */
    public String copyrightHolder() {
        return copyrightHolder;
    }

    public void setCopyrightHolder(String copyrightHolder) {
        this.copyrightHolder = blankToNull(copyrightHolder);
    }

    /** The item's terms of use in words (ninjs {@code usageterms}: G2 usageTerms, NITF doc.rights, AP usageterms). */
    public String usageTerms() {
        return usageTerms;
    }

    public void setUsageTerms(String usageTerms) {
        this.usageTerms = blankToNull(usageTerms);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Observations worth reporting (assumptions made, fallbacks taken). */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public void addNote(String note) {
        notes.add(note);
    }
}

package io.wirestream.enrich.normalise.model;

import io.wirestream.avro.PubStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a format parser read from one story, before the shared normalisation (text hygiene, dateline, headline
 * fallback, language, subject mapping, ids) turns it into an {@link io.wirestream.avro.Article}. Parsers fill what
 * their format carries and leave the rest {@code null} or empty. Mutable, single-threaded, internal.
 */
public final class DraftArticle {

    /** The format's own id (guid, uri, PublicIdentifier, doc-id); {@code null} when the format has none. */
    public String guid;
    public Long version;
    public WireTime versionCreated;
    public WireTime firstCreated;
    public WireTime embargoed;
    /**
     * Embargo markers as the format wrote them ("EMBARGOED until 0001 GMT Thursday", "status Embargoed", an
     * embargoed field that does not parse). The assembler reads their time against the item's own time when no
     * {@link #embargoed} instant was read; a marker whose time cannot be read withholds the story.
     */
    public final List<String> embargoMarkers = new ArrayList<>();
    public PubStatus pubStatus;
    public final Set<String> signals = new LinkedHashSet<>();
    public Integer urgency;

    public String headline;
    /** Further headlines as (role, value); the main one is added by the assembler. */
    public final List<String[]> headlines = new ArrayList<>();
    /** Fallbacks for a missing headline, in order of preference: title, then slug. */
    public String title;
    public String slug;
    public String description;
    public String byline;
    /** Dateline as written, when the format carries it apart from the body. */
    public String dateline;
    public String located;
    public String datelineSource;
    public String tagline;
    public String language;

    /** Body as blocks; parsers with HTML bodies may set {@link #bodyHtml} instead and let the assembler split it. */
    public final List<BodyBlock> body = new ArrayList<>();
    public String bodyHtml;

    /** Source subjects as (code, name); codes are qualified ("subj:04000000", "anpa-category:s"). */
    public final List<String[]> subjects = new ArrayList<>();
    public final List<String> keywords = new ArrayList<>();
    /** Source ids as (scheme, value). */
    public final List<String[]> sourceIds = new ArrayList<>();
    public String copyrightnotice;
    /** Publisher links as (uri or null, title, reason). */
    public final List<String[]> related = new ArrayList<>();

    /** False for pictures, video, concepts and other items that are not text stories. */
    public boolean textItem = true;
    /** The item class as the format names it, for reasons and reports. */
    public String itemClass;
    /** Observations worth reporting (assumptions made, fallbacks taken). */
    public final List<String> notes = new ArrayList<>();

    public void subject(String code, String name) {
        if (code != null && !code.isBlank()) {
            subjects.add(new String[] {code.trim(), name == null || name.isBlank() ? null : name.trim()});
        }
    }

    public void sourceId(String scheme, String value) {
        if (scheme != null && value != null && !value.isBlank()) {
            sourceIds.add(new String[] {scheme, value.trim()});
        }
    }

    public void keyword(String keyword) {
        if (keyword != null && !keyword.isBlank() && !keywords.contains(keyword.trim())) {
            keywords.add(keyword.trim());
        }
    }

    public void headline(String role, String value) {
        if (value != null && !value.isBlank()) {
            headlines.add(new String[] {role, value.trim()});
        }
    }

    public void related(String uri, String title, String reason) {
        if ((uri != null && !uri.isBlank()) || (title != null && !title.isBlank())) {
            related.add(new String[] {uri == null || uri.isBlank() ? null : uri.trim(),
                    title == null || title.isBlank() ? null : title.trim(), reason});
        }
    }

    public boolean hasBody() {
        return !body.isEmpty() || (bodyHtml != null && !bodyHtml.isBlank());
    }
}

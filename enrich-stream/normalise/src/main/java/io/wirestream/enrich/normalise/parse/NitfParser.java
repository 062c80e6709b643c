package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.attr;
import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.descendants;
import static io.wirestream.enrich.normalise.xml.Dom.local;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.provider.ProviderChoice;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.Dom;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * NITF 3.x and the 2006 namespace (elements are matched by local name, so both read the same): head metadata
 * (doc-id, du-key, urgency, issue/release dates, else pubdata's publication date, copyright, management status,
 * tobject subjects, key-list, ANPA meta as AAP sends it), body.head (hedline, byline without its title, dateline location, abstract), body.content as
 * blocks, body.end tagline. The provider is doc-id/@regsrc, else the body.head distributor, else the doc.copyright
 * holder (as AAP's and PA's NITF name themselves). Also used for NITF carried inside NewsML 1, NewsML-G2 and ninjs.
 */
public final class NitfParser implements FormatParser {

    @Override
    public WireFormat format() {
        return WireFormat.NITF;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot("nitf", "NITF");
        DraftArticle d = new DraftArticle();
        d.setItemClass("nitf");
        read(root, d, in.zone());
        return List.of(d);
    }

    /** Reads an {@code <nitf>} element (or one that holds head/body like it) into a draft. */
    public static void read(Element nitf, DraftArticle d, ZoneId zone) {
        Element head = child(nitf, "head");
        if (head != null) {
            readHead(head, d, zone);
        }
        Element body = child(nitf, "body");
        if (body == null && "body".equals(local(nitf))) {
            body = nitf;
        }
        if (body != null) {
            readBody(body, d);
        }
        if (d.provider() == null) {
            // without doc-id/@regsrc the provider is the distributor the story names, else its copyright holder
            new ProviderChoice()
                    .named(text(child(child(body, "body.head"), "distributor")), "NITF body.head distributor")
                    .named(attr(child(child(head, "docdata"), "doc.copyright"), "holder"), "NITF doc.copyright holder")
                    .applyTo(d);
        }
    }

    private static void readHead(Element head, DraftArticle d, ZoneId zone) {
        if (d.title() == null) {
            d.setTitle(text(child(head, "title")));
        }
        for (Element meta : children(head, "meta")) {
            String name = attr(meta, "name");
            String content = attr(meta, "content");
            if (name == null || content == null) {
                continue;
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "anpa-category" -> d.addSubject("anpa-category:" + content, null);
                case "anpa-keyword" -> {
                    if (d.slug() == null) {
                        d.setSlug(content);
                    }
                    d.addSourceId("anpa-keyword", content);
                }
                case "anpa-takekey" -> d.addSignals(EditorialSignals.fromTakeKey(content));
                case "anpa-sequence" -> d.addSourceId("anpa-sequence", content);
                case "category" -> d.addSubject("category:" + content, null);
                case "keyword", "keywords" -> {
                    for (String k : content.split("[,;]")) {
                        d.addKeyword(k);
                    }
                }
                default -> {
                    // provider-specific meta with no canonical field
                }
            }
        }
        for (Element subject : descendants(head, "tobject.subject")) {
            String ref = attr(subject, "tobject.subject.refnum");
            if (ref != null) {
                String name = firstNonNull(attr(subject, "tobject.subject.detail"), attr(subject, "tobject.subject.matter"),
                        attr(subject, "tobject.subject.type"));
                d.addSubject(ref.matches("\\d{8}") ? "subj:" + ref : ref, name);
            }
        }
        Element docdata = child(head, "docdata");
        if (docdata == null) {
            readPublicationDate(head, d, zone);
            return;
        }
        Element docId = child(docdata, "doc-id");
        String id = attr(docId, "id-string");
        if (id != null && d.formatId() == null) {
            d.setFormatId(id);
        }
        if (id != null) {
            d.addSourceId("nitf:doc-id", id);
        }
        if (d.provider() == null) {
            d.setProvider(attr(docId, "regsrc"), "NITF doc-id regsrc");
        }
        Element duKey = child(docdata, "du-key");
        if (duKey != null && attr(duKey, "key") != null) {
            d.addSourceId("nitf:du-key", attr(duKey, "key"));
        }
        // values the carrying format (G2, NewsML 1, ninjs) already gave win over the embedded NITF's
        String urg = attr(child(docdata, "urgency"), "ed-urg");
        if (urg != null && urg.matches("\\d") && d.urgency() == null) {
            d.setUrgency(Integer.parseInt(urg));
        }
        WireTime issue = WireDates.parse(attr(child(docdata, "date.issue"), "norm"), zone);
        if (issue != null && d.versionCreated() == null) {
            d.setVersionCreated(issue);
        }
        String releaseNorm = attr(child(docdata, "date.release"), "norm");
        WireTime release = WireDates.parse(releaseNorm, zone);
        if (release != null && (issue == null || release.instant().isAfter(issue.instant())) && d.embargoed() == null) {
            d.setEmbargoed(release);
        } else if (release == null && releaseNorm != null && !releaseNorm.isBlank()) {
            // a release time was set but cannot be read: an embargo of unknown end
            d.addEmbargoMarker("embargoed until date.release " + releaseNorm);
        }
        readPublicationDate(head, d, zone);
        readRights(docdata, d);
        Element copyright = child(docdata, "doc.copyright");
        if (copyright != null && d.copyrightNotice() == null) {
            String holder = attr(copyright, "holder");
            String year = attr(copyright, "year");
            if (year != null && year.matches("^\\d{4}.*")) {
                year = year.substring(0, 4); // some agencies put a full date in the year attribute
            }
            if (holder != null) {
                d.setCopyrightNotice("Copyright " + (year == null ? "" : year + " ") + holder);
            }
        }
        String status = attr(docdata, "management-status");
        if (status != null && d.pubStatus() == null) {
            readStatus(d, status);
        }
        for (Element kw : descendants(docdata, "keyword")) {
            d.addKeyword(attr(kw, "key"));
        }
        Element correction = child(docdata, "correction");
        if (correction != null) {
            d.addSignal(EditorialSignals.CORRECTION);
        }
        String edMsg = attr(child(docdata, "ed-msg"), "info");
        if (edMsg != null) {
            // free text: read against the item's own time by the assembler ("EMBARGOED until 0001 GMT Thursday")
            EditorialSignals.readAdvisory(d, edMsg);
        }
    }

    /** Without {@code date.issue}, the time the story was published: {@code pubdata/@date.publication}. */
    private static void readPublicationDate(Element head, DraftArticle d, ZoneId zone) {
        if (d.versionCreated() != null) {
            return;
        }
        for (Element pubdata : children(head, "pubdata")) {
            WireTime published = WireDates.parse(attr(pubdata, "date.publication"), zone);
            if (published != null) {
                d.setVersionCreated(published);
                return;
            }
        }
    }

    private static void readBody(Element body, DraftArticle d) {
        Element bodyHead = child(body, "body.head");
        if (bodyHead != null) {
            Element hedline = child(bodyHead, "hedline");
            if (hedline != null) {
                String hl1 = text(child(hedline, "hl1"));
                if (d.headline() == null) {
                    d.setHeadline(hl1);
                } else if (hl1 != null) {
                    d.addHeadline("alternative", hl1);
                }
                for (Element hl2 : children(hedline, "hl2")) {
                    d.addHeadline("sub", text(hl2));
                }
            }
            for (Element byline : children(bodyHead, "byline")) {
                String by = textWithout(byline, "byttl");
                if (by != null && d.byline() == null) {
                    d.setByline(by);
                }
            }
            Element dateline = child(bodyHead, "dateline");
            if (dateline != null) {
                String location = text(child(dateline, "location"));
                if (location == null) {
                    location = textWithout(dateline, "story.date");
                }
                if (location != null && d.located() == null) {
                    d.setLocated(location.replaceAll("\\s+", " "));
                }
            }
            String abstractText = text(child(bodyHead, "abstract"));
            if (abstractText != null && d.description() == null) {
                d.setDescription(abstractText);
            }
        }
        Element content = child(body, "body.content");
        if (content != null) {
            String markup = Dom.innerMarkup(content);
            if (!markup.isBlank()) {
                d.setBodyHtml(markup);
            }
        }
        Element end = child(body, "body.end");
        if (end != null) {
            String tagline = text(child(end, "tagline"));
            if (tagline != null) {
                d.setTagline(tagline);
            }
        }
    }

    /**
     * Reads a declared status into the draft. "Embargoed" (NITF management-status, NewsML 1 Status) is no pubstatus
     * of its own: it is an embargo marker, usable once its time (date.release, StatusWillChange) is known.
     */
    static void readStatus(DraftArticle d, String s) {
        if ("embargoed".equalsIgnoreCase(s.trim().replaceAll("^(?i)stat:", ""))) {
            d.addEmbargoMarker("status embargoed");
        } else {
            d.setPubStatus(status(s));
        }
    }

    /** A format's embargoed field: its instant, or (when written but unreadable) an embargo marker. */
    static void readEmbargoField(DraftArticle d, String value, ZoneId zone) {
        d.setEmbargoed(WireDates.parse(value, zone));
        if (d.embargoed() == null && value != null && !value.isBlank()) {
            d.addEmbargoMarker("embargoed until " + value.trim());
        }
    }

    static PubStatus status(String s) {
        return switch (s.toLowerCase(Locale.ROOT).replaceAll("^stat:", "")) {
            case "usable" -> PubStatus.usable;
            case "withheld" -> PubStatus.withheld;
            case "canceled", "cancelled", "withdrawn", "killed" -> PubStatus.canceled;
            default -> null;
        };
    }

    /** Text of an element without the text of some child elements (a byline without its byttl title). */
    static String textWithout(Element e, String skipLocal) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && skipLocal.equals(local(n))) {
                continue;
            }
            sb.append(n.getTextContent()).append(' ');
        }
        String s = sb.toString().replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? null : s;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * {@code doc.copyright/@holder} (else {@code doc.rights/@owner}) is the copyright holder; {@code doc.rights} in
     * words is the usage terms: its {@code type} and {@code limitations} as written, then where ({@code geography})
     * and when ({@code startdate}, {@code enddate}) they apply. Values the carrying format gave win.
     */
    private static void readRights(Element docdata, DraftArticle d) {
        Element rights = child(docdata, "doc.rights");
        if (d.copyrightHolder() == null) {
            String holder = attr(child(docdata, "doc.copyright"), "holder");
            d.setCopyrightHolder(holder != null ? holder : attr(rights, "owner"));
        }
        if (rights == null || d.usageTerms() != null) {
            return;
        }
        d.setUsageTerms(usageTerms(attr(rights, "type"), attr(rights, "limitations"), attr(rights, "geography"),
                attr(rights, "startdate"), attr(rights, "enddate")));
    }

    /**
     * Usage rights given field by field (NITF {@code doc.rights}, NewsML 1 {@code UsageRights}) in words: the kind of
     * use and its limitations as written, then where and when they apply; {@code null} when none is given.
     */
    static String usageTerms(String type, String limitations, String geography, String start, String end) {
        List<String> terms = new ArrayList<>();
        addSentence(terms, type);
        addSentence(terms, limitations);
        if (geography != null && !geography.isBlank()) {
            terms.add("Territory: " + geography.trim() + ".");
        }
        boolean from = start != null && !start.isBlank();
        boolean until = end != null && !end.isBlank();
        if (from || until) {
            terms.add("Valid" + (from ? " from " + start.trim() : "") + (until ? " until " + end.trim() : "") + ".");
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    private static void addSentence(List<String> sentences, String text) {
        if (text != null && !text.isBlank()) {
            String t = text.trim();
            sentences.add(t.matches(".*[.!?]$") ? t : t + ".");
        }
    }
}

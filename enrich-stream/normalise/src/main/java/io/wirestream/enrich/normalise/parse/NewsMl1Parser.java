package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.attr;
import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.descendant;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.Dom;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * NewsML 1.x (AFP, Business Wire): every NewsItem of the envelope becomes a draft. Identification (PublicIdentifier,
 * RevisionId), NewsManagement (FirstCreated, ThisRevisionCreated, Status, Urgency, StatusWillChange for embargoes),
 * NewsLines (HeadLine, SubHeadLine, ByLine, DateLine, SlugLine, CopyrightLine, KeywordLine), DescriptiveMetadata
 * (Language, SubjectCode as IPTC subject codes, Keyword properties, Location), RightsMetadata (CopyrightHolder,
 * UsageRights) and the text ContentItems: inline NITF,
 * XHTML or plain text, from components whose role is the body (style sheets, logos, photos and contacts are skipped).
 */
public final class NewsMl1Parser implements FormatParser {

    private static final Set<String> SKIP_ROLES = Set.of("stylesheet", "logo", "photo", "picture", "contact", "caption",
            "graphic", "video", "audio", "image", "thumbnail", "preview");

    @Override
    public WireFormat format() {
        return WireFormat.NEWSML_1;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot("NewsML", "NewsML 1");
        ZoneId zone = in.zone();
        Element envelope = child(root, "NewsEnvelope");
        WireTime sent = WireDates.parse(text(child(envelope, "DateAndTime")), zone);
        String envPriority = attr(child(envelope, "Priority"), "FormalName");
        return in.readEach(children(root, "NewsItem"), item -> {
            DraftArticle d = readItem(item, zone, in);
            if (d.urgency() == null && envPriority != null && envPriority.matches("\\d")) {
                d.setUrgency(Integer.parseInt(envPriority));
            }
            if (d.versionCreated() == null && sent != null) {
                d.setVersionCreated(sent);
                d.addNote("versioncreated taken from the NewsEnvelope DateAndTime");
            }
            return d;
        });
    }

    private DraftArticle readItem(Element item, ZoneId zone, ParseInput in) {
        DraftArticle d = new DraftArticle();
        d.setItemClass("NewsItem");
        d.setLanguage(Dom.lang(item));
        Element ident = child(item, "Identification");
        Element nid = child(ident, "NewsIdentifier");
        String publicId = text(child(nid, "PublicIdentifier"));
        String provider = text(child(nid, "ProviderId"));
        String itemId = text(child(nid, "NewsItemId"));
        d.setProvider(provider, "NewsML 1 ProviderId");
        d.setFormatId(publicId != null ? stripRevision(publicId)
                : provider != null && itemId != null ? provider + ":" + itemId : null);
        if (publicId != null) {
            d.addSourceId("newsml:PublicIdentifier", publicId);
        }
        if (itemId != null) {
            d.addSourceId("newsml:NewsItemId", itemId);
        }
        Element revision = child(nid, "RevisionId");
        String rev = text(revision);
        if (rev != null && rev.matches("\\d{1,18}")) {
            d.setVersion(Long.parseLong(rev));
            if (d.version() > 1) {
                d.addSignal(EditorialSignals.UPDATE);
            }
        }
        String nameLabel = text(child(ident, "NameLabel"));
        if (nameLabel != null) {
            d.setSlug(nameLabel);
            d.addSourceId("newsml:NameLabel", nameLabel);
        }

        Element mgmt = child(item, "NewsManagement");
        if (mgmt != null) {
            d.setFirstCreated(WireDates.parse(text(child(mgmt, "FirstCreated")), zone));
            d.setVersionCreated(WireDates.parse(text(child(mgmt, "ThisRevisionCreated")), zone));
            String status = attr(child(mgmt, "Status"), "FormalName");
            if (status != null) {
                NitfParser.readStatus(d, status);
            }
            // an Embargoed item says when it becomes usable in StatusWillChange
            Element change = child(mgmt, "StatusWillChange");
            if (change != null && "embargoed".equalsIgnoreCase(status)) {
                d.setEmbargoed(WireDates.parse(text(child(change, "DateAndTime")), zone));
            }
            String urgency = attr(child(mgmt, "Urgency"), "FormalName");
            if (urgency != null && urgency.matches("\\d")) {
                d.setUrgency(Integer.parseInt(urgency));
            }
            for (Element instr : children(mgmt, "Instruction")) {
                d.addSignals(EditorialSignals.fromTakeKey(attr(instr, "FormalName")));
            }
        }

        Element component = child(item, "NewsComponent");
        if (component != null) {
            readComponent(component, d, zone, 0, in);
        }
        return d;
    }

    /** "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1" -> without the trailing revision, so versions share a uri. */
    static String stripRevision(String publicId) {
        return publicId.matches("(?i)urn:newsml:.+:\\d+$") ? publicId.replaceFirst(":\\d+$", "") : publicId;
    }

    private void readComponent(Element comp, DraftArticle d, ZoneId zone, int depth, ParseInput in) {
        if (depth > 16) {
            return;
        }
        in.deadline().check();
        String role = attr(child(comp, "Role"), "FormalName");
        String r = role == null ? "" : role.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (SKIP_ROLES.contains(r)) {
            return;
        }
        if (d.language() == null) {
            // the DTD allows xml:lang on each NewsComponent; the first text component that declares one says it
            d.setLanguage(Dom.lang(comp));
        }
        Element lines = child(comp, "NewsLines");
        if (lines != null) {
            readNewsLines(lines, d);
        }
        Element dm = child(comp, "DescriptiveMetadata");
        if (dm != null) {
            readDescriptive(dm, d);
        }
        Element rights = child(comp, "RightsMetadata");
        if (rights != null) {
            readRights(rights, d);
        }
        Element admin = child(comp, "AdministrativeMetadata");
        if (admin != null) {
            String source = attr(child(child(admin, "Source"), "Party"), "FormalName");
            if (source != null) {
                d.addSourceId("newsml:Source", source);
            }
        }
        for (Element ci : children(comp, "ContentItem")) {
            readContentItem(ci, d, zone, r);
        }
        for (Element sub : children(comp, "NewsComponent")) {
            readComponent(sub, d, zone, depth + 1, in);
        }
    }

    /**
     * RightsMetadata: the first Copyright's CopyrightHolder, and the first UsageRights in words (UsageType and
     * Limitations as written, then Geography, StartDate and EndDate). The outermost component that gives them wins.
     */
    private static void readRights(Element rights, DraftArticle d) {
        if (d.copyrightHolder() == null) {
            d.setCopyrightHolder(text(child(child(rights, "Copyright"), "CopyrightHolder")));
        }
        Element usage = child(rights, "UsageRights");
        if (usage != null && d.usageTerms() == null) {
            d.setUsageTerms(NitfParser.usageTerms(text(child(usage, "UsageType")), text(child(usage, "Limitations")),
                    text(child(usage, "Geography")), text(child(usage, "StartDate")), text(child(usage, "EndDate"))));
        }
    }

    private static void readNewsLines(Element lines, DraftArticle d) {
        String headline = text(child(lines, "HeadLine"));
        if (headline != null) {
            if (d.headline() == null) {
                d.setHeadline(headline);
            } else {
                d.addHeadline("alternative", headline);
            }
        }
        d.addHeadline("sub", text(child(lines, "SubHeadLine")));
        String by = text(child(lines, "ByLine"));
        if (by != null && d.byline() == null) {
            d.setByline(by);
        }
        String dateline = text(child(lines, "DateLine"));
        if (dateline != null && d.dateline() == null) {
            d.setDateline(dateline);
        }
        String slug = text(child(lines, "SlugLine"));
        if (slug != null) {
            d.addSourceId("newsml:SlugLine", slug);
            if (d.slug() == null) {
                d.setSlug(slug);
            }
        }
        String copyright = text(child(lines, "CopyrightLine"));
        if (copyright != null && d.copyrightNotice() == null) {
            d.setCopyrightNotice(copyright);
        }
        String credit = text(child(lines, "CreditLine"));
        if (credit != null && d.tagline() == null) {
            d.setTagline(credit);
        }
        for (Element kl : children(lines, "KeywordLine")) {
            d.addKeyword(text(kl));
        }
    }

    private static void readDescriptive(Element dm, DraftArticle d) {
        String lang = attr(child(dm, "Language"), "FormalName");
        if (lang != null && d.language() == null) {
            d.setLanguage(lang);
        }
        for (Element sc : children(dm, "SubjectCode")) {
            for (Element s : children(sc)) {
                String code = attr(s, "FormalName");
                if (code != null) {
                    d.addSubject(code.matches("\\d{8}") ? "subj:" + code : code, null);
                }
            }
        }
        for (Element p : children(dm, "Property")) {
            if ("Keyword".equalsIgnoreCase(attr(p, "FormalName"))) {
                d.addKeyword(attr(p, "Value"));
            }
        }
        for (Element loc : children(dm, "Location")) {
            for (Element p : children(loc, "Property")) {
                if ("City".equalsIgnoreCase(attr(p, "FormalName")) && d.located() == null) {
                    d.setLocated(attr(p, "Value"));
                }
            }
        }
    }

    private static void readContentItem(Element ci, DraftArticle d, ZoneId zone, String role) {
        String media = attr(child(ci, "MediaType"), "FormalName");
        String mime = attr(child(ci, "MimeType"), "FormalName");
        String fmt = attr(child(ci, "Format"), "FormalName");
        String m = ((media == null ? "" : media) + " " + (mime == null ? "" : mime) + " " + (fmt == null ? "" : fmt))
                .toLowerCase(Locale.ROOT);
        boolean text = m.contains("text") || m.contains("nitf") || m.contains("html");
        if (!text || m.contains("css") || m.contains("image") || m.contains("jpeg")) {
            return;
        }
        Element data = child(ci, "DataContent");
        if (data == null) {
            return;
        }
        Element nitf = descendant(data, "nitf");
        boolean headlineRole = role.equals("headline") || role.equals("subheadline");
        if (nitf != null) {
            if (headlineRole) {
                return;
            }
            NitfParser.read(nitf, d, zone);
            return;
        }
        Element body = descendant(data, "body");
        String markup = body != null ? Dom.innerMarkup(body) : null;
        if (markup == null && Dom.children(data).size() > 0) {
            markup = Dom.innerMarkup(data);
        }
        if (headlineRole) {
            String v = markup != null ? io.wirestream.enrich.normalise.html.HtmlBlocks.text(markup) : text(data);
            if (v != null && !v.isBlank()) {
                if (role.equals("headline") && d.headline() == null) {
                    d.setHeadline(v);
                } else {
                    d.addHeadline(role.equals("headline") ? "alternative" : "sub", v);
                }
            }
            return;
        }
        if (d.hasBody()) {
            d.addNote("further text component" + (role.isEmpty() ? "" : " (" + role + ")") + " not taken as body");
            return;
        }
        if (markup != null) {
            d.setBodyHtml(markup);
        } else if (text(data) != null) {
            for (String p : PlainTextParagraphs.of(data.getTextContent())) {
                d.addBodyBlock(BodyBlock.paragraph(p));
            }
        }
    }
}

package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.attr;
import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.descendant;
import static io.wirestream.enrich.normalise.xml.Dom.local;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.enrich.normalise.StoryUris;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.PublisherLink;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.Dom;
import io.wirestream.newsformats.format.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * NewsML-G2: a newsItem, a packageItem (its member itemRefs become publisher links to the members' story uris) or
 * a newsMessage holding several items. Reads guid, version, rights, itemMeta (itemClass, versionCreated,
 * firstCreated, embargoed, pubStatus, signals such as sig:update/sig:correction, title, links), contentMeta (urgency,
 * located, dateline, by, headlines, description, slugline, keywords, subjects with their sameAs qcodes, language,
 * altIds, creditline) and the text content (inline NITF, inline XHTML or inline plain text). Concept, knowledge,
 * planning and catalog items, and pictures, video and audio, are returned as non-text items.
 */
public final class NewsMlG2Parser implements FormatParser {

    private static final Set<String> HTML_BLOCKS = Set.of("p", "div", "section", "article", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "table", "span", "blockquote", "body", "html", "pre", "block");
    private static final Set<String> NON_TEXT_CLASSES = Set.of("picture", "graphic", "video", "audio", "animation",
            "concept", "scheme", "newscoverage", "catalog", "planning");

    @Override
    public WireFormat format() {
        return WireFormat.NEWSML_G2;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot();
        boolean message = "newsMessage".equals(local(root));
        WireTime sent = message ? WireDates.parse(text(child(child(root, "header"), "sent")), in.zone()) : null;
        List<Element> items = new ArrayList<>();
        if (message) {
            for (Element set : children(root, "itemSet")) {
                items.addAll(children(set));
            }
        } else {
            items.add(root);
        }
        return in.readEach(items, item -> {
            DraftArticle d = readItem(item, in);
            if (d.versionCreated() == null && sent != null) {
                d.setVersionCreated(sent);
                d.addNote("versioncreated taken from the newsMessage header");
            }
            return d;
        });
    }

    private DraftArticle readItem(Element item, ParseInput in) {
        DraftArticle d = new DraftArticle();
        String kind = local(item);
        Element itemMeta = child(item, "itemMeta");
        String itemClass = attr(child(itemMeta, "itemClass"), "qcode");
        d.setItemClass(itemClass == null ? kind : itemClass);
        d.setFormatId(attr(item, "guid"));
        if (!kind.equals("newsItem") && !kind.equals("packageItem")) {
            d.setTextItem(false);
            d.setItemClass(kind + (itemClass == null ? "" : " " + itemClass));
            return d;
        }
        if (itemClass != null) {
            String cls = itemClass.substring(itemClass.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (NON_TEXT_CLASSES.contains(cls)) {
                d.setTextItem(false);
                return d;
            }
        }
        ZoneId zone = in.zone();
        String version = attr(item, "version");
        if (version != null && version.matches("\\d{1,18}")) {
            d.setVersion(Long.parseLong(version));
        }
        d.setLanguage(Dom.lang(item));
        if (d.formatId() != null) {
            d.addSourceId("g2:guid", d.formatId());
        }

        readItemMeta(itemMeta, d, zone);
        readContentMeta(child(item, "contentMeta"), d, zone);
        // after contentMeta, which gives the language a notice in several languages is chosen by; before the
        // content, so an embedded NITF's doc.copyright does not replace what the G2 item says
        readRights(children(item, "rightsInfo"), d);
        if (kind.equals("packageItem")) {
            readPackage(item, d, in.agency());
        } else {
            readContent(child(item, "contentSet"), d, zone);
        }
        if (itemClass != null && itemClass.endsWith("composite") && kind.equals("newsItem")
                && d.headline() == null && !d.hasBody()) {
            d.setTextItem(false);
        }
        return d;
    }

    /**
     * The item's rights: {@code copyrightHolder} (its name, else its literal, else its qcode's code), {@code copyrightNotice}
     * and {@code usageTerms}, each in the item's language when given in several, else the first given. An item may
     * carry several {@code rightsInfo} blocks (one per part or scope); the first that gives a value wins. Without a
     * notice, the holder stands in for it ("© holder"), as before the holder had a field of its own.
     */
    private static void readRights(List<Element> rightsInfos, DraftArticle d) {
        String holder = null;
        String notice = null;
        String terms = null;
        for (Element rights : rightsInfos) {
            if (holder == null) {
                Element h = child(rights, "copyrightHolder");
                holder = text(child(h, "name"));
                holder = holder != null ? holder : attr(h, "literal");
                String qcode = attr(h, "qcode");
                // a qcode is scheme:code; the code ("dpa" of nprov:dpa) is the name a reader recognises
                holder = holder != null || qcode == null ? holder : qcode.substring(qcode.indexOf(':') + 1);
            }
            notice = notice != null ? notice : inItemLanguage(children(rights, "copyrightNotice"), d.language());
            terms = terms != null ? terms : inItemLanguage(children(rights, "usageTerms"), d.language());
        }
        d.setCopyrightHolder(holder);
        d.setUsageTerms(terms);
        d.setCopyrightNotice(notice != null ? notice : holder == null ? null : "© " + holder);
    }

    /** The text of the element in the item's language (by primary subtag), else of the first that has text. */
    private static String inItemLanguage(List<Element> texts, String language) {
        String first = null;
        String primary = language == null ? null : language.toLowerCase(Locale.ROOT).split("-")[0];
        for (Element e : texts) {
            String value = text(e);
            if (value == null) {
                continue;
            }
            String lang = Dom.lang(e);
            if (primary != null && lang != null && lang.toLowerCase(Locale.ROOT).split("-")[0].equals(primary)) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }

    private static void readItemMeta(Element meta, DraftArticle d, ZoneId zone) {
        if (meta == null) {
            return;
        }
        d.setVersionCreated(WireDates.parse(text(child(meta, "versionCreated")), zone));
        d.setFirstCreated(WireDates.parse(text(child(meta, "firstCreated")), zone));
        NitfParser.readEmbargoField(d, text(child(meta, "embargoed")), zone);
        String status = attr(child(meta, "pubStatus"), "qcode");
        if (status != null) {
            NitfParser.readStatus(d, status);
        }
        for (Element note : children(meta, "edNote")) {
            EditorialSignals.readAdvisory(d, text(note));
        }
        for (Element signal : children(meta, "signal")) {
            String q = attr(signal, "qcode");
            if (q == null) {
                q = attr(signal, "literal");
            }
            String s = EditorialSignals.fromG2Signal(q);
            if (s != null) {
                d.addSignal(s);
            }
        }
        d.setTitle(text(child(meta, "title")));
        Element provider = child(meta, "provider");
        String prov = attr(provider, "qcode") != null ? attr(provider, "qcode") : attr(provider, "literal");
        if (prov != null) {
            d.addSourceId("g2:provider", prov);
        }
        d.setProvider(prov != null ? prov : text(child(provider, "name")), "NewsML-G2 itemMeta/provider");
        for (Element link : children(meta, "link")) {
            String rel = attr(link, "rel");
            String href = attr(link, "href");
            if (href == null || rel == null || !(rel.endsWith("seeAlso") || rel.endsWith("related"))) {
                continue;
            }
            String title = text(child(link, "title"));
            d.addRelated(href, title != null ? title : attr(link, "title"), "publisher link (" + rel + ")");
        }
    }

    private static void readContentMeta(Element cm, DraftArticle d, ZoneId zone) {
        if (cm == null) {
            return;
        }
        String urgency = text(child(cm, "urgency"));
        if (urgency != null && urgency.matches("\\d")) {
            d.setUrgency(Integer.parseInt(urgency));
        }
        if (d.firstCreated() == null) {
            d.setFirstCreated(WireDates.parse(text(child(cm, "contentCreated")), zone));
        }
        if (d.versionCreated() == null) {
            d.setVersionCreated(WireDates.parse(text(child(cm, "contentModified")), zone));
        }
        Element located = child(cm, "located");
        if (located != null) {
            String name = text(child(located, "name"));
            d.setLocated(name != null ? name : attr(located, "literal"));
        }
        d.setDateline(text(child(cm, "dateline")));
        List<String> bys = new ArrayList<>();
        for (Element by : children(cm, "by")) {
            if (text(by) != null) {
                bys.add(text(by));
            }
        }
        if (!bys.isEmpty()) {
            d.setByline(String.join(" and ", bys));
        }
        List<Element> headlines = children(cm, "headline");
        for (Element h : headlines) {
            String v = text(h);
            if (v == null) {
                continue;
            }
            String role = attr(h, "role");
            if (d.headline() == null && (role == null || role.endsWith("main") || role.endsWith("headline"))) {
                d.setHeadline(v);
            } else {
                d.addHeadline(role == null ? "alternative" : role.substring(role.indexOf(':') + 1), v);
            }
        }
        if (d.headline() == null && !headlines.isEmpty()) {
            d.setHeadline(text(headlines.get(0)));
        }
        for (Element sub : children(cm, "subheadline")) {
            d.addHeadline("sub", text(sub));
        }
        String summary = null;
        String any = null;
        for (Element desc : children(cm, "description")) {
            String v = text(desc);
            if (v == null) {
                continue;
            }
            String role = attr(desc, "role");
            if (any == null) {
                any = v;
            }
            if (summary == null && role != null && (role.endsWith("summary") || role.endsWith("abstract"))) {
                summary = v;
            }
        }
        d.setDescription(summary != null ? summary : any);
        String slug = text(child(cm, "slugline"));
        if (slug != null) {
            d.setSlug(slug);
            d.addSourceId("g2:slugline", slug);
        }
        for (Element kw : children(cm, "keyword")) {
            d.addKeyword(text(kw));
        }
        for (Element subject : children(cm, "subject")) {
            String q = attr(subject, "qcode");
            if (q == null) {
                continue; // literal-only subjects are local references (a POI id), not codes
            }
            d.addSubject(q, firstName(subject));
            for (Element same : children(subject, "sameAs")) {
                String sq = attr(same, "qcode");
                if (sq != null && (sq.startsWith("subj:") || sq.startsWith("medtop:"))) {
                    d.addSubject(sq, firstName(same));
                }
            }
        }
        String lang = attr(child(cm, "language"), "tag");
        if (lang != null) {
            d.setLanguage(lang);
        }
        for (Element alt : children(cm, "altId")) {
            String type = attr(alt, "type");
            d.addSourceId(type == null ? "g2:altId" : type, text(alt));
        }
        String credit = text(child(cm, "creditline"));
        if (credit != null) {
            d.setTagline(credit);
        }
    }

    private static String firstName(Element e) {
        Element name = child(e, "name");
        return text(name);
    }

    private static void readContent(Element contentSet, DraftArticle d, ZoneId zone) {
        if (contentSet == null) {
            return;
        }
        for (Element inline : children(contentSet, "inlineXML")) {
            String ct = attr(inline, "contenttype");
            Element nitf = "nitf".equals(local(inline)) ? inline : descendant(inline, "nitf");
            if (nitf != null) {
                NitfParser.read(nitf, d, zone);
                return;
            }
            Element body = descendant(inline, "body");
            if (body != null) {
                d.setBodyHtml(Dom.innerMarkup(body));
                return;
            }
            List<Element> kids = children(inline);
            boolean htmlChildren = !kids.isEmpty() && HTML_BLOCKS.contains(local(kids.get(0)).toLowerCase(Locale.ROOT));
            boolean textual = htmlChildren || (ct != null && (ct.contains("html") || ct.contains("nitf")
                    || ct.startsWith("text/")) && kids.isEmpty());
            if (textual && Dom.text(inline) != null) {
                d.setBodyHtml(Dom.innerMarkup(inline));
                return;
            }
            if (!kids.isEmpty()) {
                d.addNote("inlineXML holds <" + local(kids.get(0)) + ">, not story text; not read as body");
            }
        }
        for (Element data : children(contentSet, "inlineData")) {
            String ct = attr(data, "contenttype");
            String value = data.getTextContent();
            if (value == null || value.isBlank()) {
                continue;
            }
            if ("base64".equalsIgnoreCase(attr(data, "encoding"))) {
                try {
                    value = new String(Base64.getMimeDecoder().decode(value.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    d.addNote("inlineData declared base64 but is not");
                    continue;
                }
            }
            if (ct != null && ct.contains("html")) {
                d.setBodyHtml(value);
            } else if (ct == null || ct.startsWith("text/")) {
                for (String p : PlainTextParagraphs.of(value)) {
                    d.addBodyBlock(BodyBlock.paragraph(p));
                }
            }
            return;
        }
    }

    private static void readPackage(Element item, DraftArticle d, String agency) {
        Element groupSet = child(item, "groupSet");
        if (groupSet == null) {
            return;
        }
        for (Element group : children(groupSet, "group")) {
            String role = attr(group, "role");
            for (Element ref : children(group, "itemRef")) {
                String residref = attr(ref, "residref");
                String href = attr(ref, "href");
                String title = text(child(ref, "headline"));
                if (title == null) {
                    title = text(child(ref, "title"));
                }
                String cls = attr(child(ref, "itemClass"), "qcode");
                String uri = residref != null ? StoryUris.storyUri(agency, residref) : href;
                d.addRelated(uri, title, "package member" + (role == null ? "" : " (" + role + ")")
                        + (cls == null ? "" : " " + cls));
            }
        }
        if (!d.related().isEmpty()) {
            d.addNote("package with " + d.related().size() + " member reference(s)");
        }
        if (d.headline() == null && d.title() == null) {
            // a package that names itself only through its groups or members: the first title there stands in
            for (Element group : children(groupSet, "group")) {
                String t = text(child(group, "title"));
                if (t != null) {
                    d.setTitle(t);
                    d.addNote("package headline taken from its group title");
                    return;
                }
            }
            for (PublisherLink member : d.related()) {
                if (member.title() != null) {
                    d.setTitle(member.title());
                    d.addNote("package headline taken from its first member");
                    return;
                }
            }
        }
    }
}

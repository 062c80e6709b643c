package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.attr;
import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.local;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.Dom;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Atom feeds and single entries: id, title, updated (version time), published (first created), summary, content
 * (text, html or xhtml), authors, categories (keywords), rel="related" links (publisher links), rights, xml:lang.
 * Agency extensions are read where they carry the story: an extension element named body (WENN's
 * ContentMetadata/body) wins over a shorter Atom content, an extension first_line/lead is the lead paragraph, and
 * extension tags and categories become keywords.
 */
public final class AtomParser implements FormatParser {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final Set<String> LEAD_NAMES = Set.of("first_line", "lead", "standfirst", "intro");

    @Override
    public WireFormat format() {
        return WireFormat.ATOM;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot();
        List<Element> entries = "entry".equals(local(root)) ? List.of(root) : children(root, "entry");
        String rights = "feed".equals(local(root)) ? text(child(root, "rights")) : null;
        return in.readEach(entries, entry -> read(entry, rights, in.zone()));
    }

    private DraftArticle read(Element entry, String feedRights, ZoneId zone) {
        DraftArticle d = new DraftArticle();
        d.setItemClass("atom entry");
        d.setFormatId(text(child(entry, "id")));
        d.addSourceId("atom:id", d.formatId());
        d.setLanguage(Dom.lang(entry));
        d.setHeadline(textConstruct(child(entry, "title")));
        d.setVersionCreated(WireDates.parse(text(child(entry, "updated")), zone));
        d.setFirstCreated(WireDates.parse(text(child(entry, "published")), zone));
        String rights = text(child(entry, "rights"));
        d.setCopyrightNotice(rights != null ? rights : feedRights);
        List<String> authors = new ArrayList<>();
        for (Element a : children(entry, "author")) {
            String n = text(child(a, "name"));
            if (n != null) {
                authors.add(n);
            }
        }
        if (!authors.isEmpty()) {
            d.setByline(String.join(" and ", authors));
        }
        for (Element c : children(entry, "category")) {
            d.addKeyword(attr(c, "label") != null ? attr(c, "label") : attr(c, "term"));
        }
        for (Element link : children(entry, "link")) {
            String rel = attr(link, "rel");
            String href = attr(link, "href");
            if (rel == null || rel.equals("alternate")) {
                d.addSourceId("atom:link", href);
            } else if (rel.equals("related")) {
                d.addRelated(href, attr(link, "title"), "publisher link (atom related)");
            }
        }
        String summary = textConstruct(child(entry, "summary"));

        Element content = child(entry, "content");
        String contentType = attr(content, "type");
        String contentText = content == null ? null : text(content);

        // agency extensions
        Element extBody = null;
        String lead = null;
        for (Element e : Dom.descendants(entry, "*")) {
            if (ATOM_NS.equals(e.getNamespaceURI())) {
                continue;
            }
            String name = local(e);
            if (name.equals("body") && extBody == null && text(e) != null && !insideContent(e, content)) {
                extBody = e;
            } else if (LEAD_NAMES.contains(name) && lead == null) {
                lead = text(e);
            } else if (name.equals("tag") || name.equals("catagory") || name.equals("category")) {
                d.addKeyword(attr(e, "value") != null ? attr(e, "value") : text(e));
            } else if (name.equals("slug") && text(e) != null) {
                d.setSlug(d.slug() == null ? text(e) : d.slug());
                d.addSourceId("atom-ext:slug", text(e));
            } else if (name.equals("ContentMetadata") && attr(e, "lang") != null && d.language() == null) {
                d.setLanguage(attr(e, "lang"));
            }
        }
        String extText = text(extBody);
        boolean useExtension = extText != null && (contentText == null || extText.length() > contentText.length());
        if (useExtension) {
            if (lead != null) {
                d.addBodyBlock(BodyBlock.paragraph(TextHygiene.clean(lead)));
            }
            for (String p : PlainTextParagraphs.of(extText)) {
                d.addBodyBlock(BodyBlock.paragraph(p));
            }
            d.addNote("body taken from the agency's Atom extension (" + extBody.getNodeName() + ")");
            d.setDescription(summary);
        } else if (content != null && contentText != null) {
            if ("xhtml".equals(contentType)) {
                Element div = child(content, "div");
                d.setBodyHtml(Dom.innerMarkup(div != null ? div : content));
            } else if (contentType != null && contentType.contains("html")) {
                d.setBodyHtml(contentText);
            } else {
                for (String p : PlainTextParagraphs.of(contentText)) {
                    d.addBodyBlock(BodyBlock.paragraph(p));
                }
            }
            d.setDescription(summary);
        } else if (summary != null) {
            d.addBodyBlock(BodyBlock.paragraph(summary));
        }
        return d;
    }

    private static boolean insideContent(Element e, Element content) {
        for (Node n = e.getParentNode(); n != null; n = n.getParentNode()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    /** An Atom text construct (type text, html or xhtml) as plain text. */
    private static String textConstruct(Element e) {
        if (e == null) {
            return null;
        }
        String type = attr(e, "type");
        if ("xhtml".equals(type)) {
            return HtmlBlocks.text(Dom.innerMarkup(e));
        }
        if ("html".equals(type)) {
            return HtmlBlocks.text(text(e));
        }
        return text(e);
    }
}

package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.attr;
import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.local;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * RSS 2.0 (and RSS 1.0/RDF): each item becomes a draft. guid (else link) is the story id; pubDate (RFC 822, with
 * zone abbreviations) or dc:date the version time; content:encoded is the body when present (then the description is
 * the summary), otherwise the description is; categories become keywords; author or dc:creator the byline; the
 * channel's language and copyright apply to every item.
 */
public final class RssParser implements FormatParser {

    @Override
    public WireFormat format() {
        return WireFormat.RSS;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot();
        Element channel = child(root, "channel");
        List<Element> items = new ArrayList<>(children(channel, "item"));
        if (!"rss".equals(local(root))) {
            items.addAll(children(root, "item")); // RSS 1.0 puts items beside the channel
        }
        String language = text(child(channel, "language"));
        String copyright = text(child(channel, "copyright"));
        String rights = copyright != null ? copyright : text(child(channel, "rights"));
        return in.readEach(items, item -> read(item, language, rights, in.zone()));
    }

    private static DraftArticle read(Element item, String language, String copyright, ZoneId zone) {
        DraftArticle d = new DraftArticle();
        d.setItemClass("rss item");
        d.setLanguage(language);
        d.setCopyrightNotice(copyright);
        String guid = text(child(item, "guid"));
        String link = text(child(item, "link"));
        if (link == null) {
            link = attr(item, "about");
        }
        d.setFormatId(guid != null ? guid : link);
        d.addSourceId("rss:guid", guid);
        d.addSourceId("rss:link", link);
        d.setHeadline(HtmlBlocks.text(text(child(item, "title"))));
        WireTime time = WireDates.parse(text(child(item, "pubDate")), zone);
        if (time == null) {
            time = WireDates.parse(text(child(item, "date")), zone);
        }
        d.setVersionCreated(time);
        String description = text(child(item, "description"));
        String encoded = text(child(item, "encoded"));
        if (encoded != null) {
            d.setBodyHtml(encoded);
            d.setDescription(HtmlBlocks.text(description));
        } else if (description != null) {
            d.setBodyHtml(description);
        }
        String author = text(child(item, "creator"));
        if (author == null) {
            author = text(child(item, "author"));
        }
        d.setByline(author);
        for (Element cat : children(item, "category")) {
            d.addKeyword(text(cat));
        }
        for (Element subj : children(item, "subject")) {
            d.addKeyword(text(subj));
        }
        return d;
    }
}

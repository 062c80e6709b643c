package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.xml.Dom.child;
import static io.wirestream.enrich.normalise.xml.Dom.children;
import static io.wirestream.enrich.normalise.xml.Dom.descendants;
import static io.wirestream.enrich.normalise.xml.Dom.local;
import static io.wirestream.enrich.normalise.xml.Dom.text;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.subject.SubjectMapper;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Ritzau's XML news service. One story is an {@code <RBNews>} element (often in the {@code http://tempuri.org/}
 * namespace, read here by local name): {@code NewsID} (the id), {@code headline}, {@code subtitle} (the standfirst),
 * {@code content} (the body as HTML, usually escaped text), {@code PublishDate} (written without a zone: read in the
 * agency's zone), {@code version}, {@code origin} (the byline), {@code strapline} (keywords separated by "/"),
 * {@code TilRedaktionen} ("to the desk": advisory text), {@code Priority}, {@code ServiceQueueId} and
 * {@code IPTCList} (IPTC subject codes as integers). The queue answer {@code <XMLNewsQueuedResponse>} wraps several
 * RBNews items beside an {@code error} code and {@code errormsg}; a non-zero code with no items is refused.
 */
public final class RitzauXmlParser implements FormatParser {

    @Override
    public WireFormat format() {
        return WireFormat.RITZAU_XML;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Element root = in.xmlRoot();
        String rootName = local(root);
        if ("RBNews".equals(rootName)) {
            return in.readEach(List.of(root), story -> read(story, in.zone()));
        }
        if (!"XMLNewsQueuedResponse".equals(rootName)) {
            throw ParseInput.refusal("unexpected-root", "Ritzau XML expected, root is <" + rootName + ">");
        }
        List<Element> stories = descendants(root, "RBNews");
        String error = text(child(root, "error"));
        if (stories.isEmpty() && error != null && !error.equals("0")) {
            String message = text(child(root, "errormsg"));
            throw ParseInput.refusal("no-items", "Ritzau queue answered error " + error
                    + (message == null ? "" : ": " + message));
        }
        return in.readEach(stories, story -> read(story, in.zone()));
    }

    static DraftArticle read(Element story, ZoneId zone) {
        DraftArticle d = new DraftArticle();
        // only Ritzau writes this format, so it names the provider whose zone its zone-less PublishDate is in
        d.setProvider("ritzau", "Ritzau XML (only Ritzau writes it)");
        d.setItemClass("ritzau text");
        d.setFormatId(field(story, "NewsID"));
        d.addSourceId("ritzau:newsid", d.formatId());
        d.addSourceId("ritzau:queue-id", field(story, "ServiceQueueId"));
        d.addSourceId("ritzau:priority", field(story, "Priority"));
        String version = field(story, "version");
        if (version != null && version.matches("\\d{1,18}")) {
            d.setVersion(Long.parseLong(version));
        }
        d.setVersionCreated(WireDates.parse(field(story, "PublishDate"), zone));
        d.setHeadline(HtmlBlocks.text(field(story, "headline")));
        d.setDescription(HtmlBlocks.text(field(story, "subtitle")));
        d.setByline(HtmlBlocks.text(field(story, "origin")));
        String strapline = field(story, "strapline");
        if (strapline != null) {
            for (String keyword : strapline.split("/")) {
                d.addKeyword(keyword.trim());
            }
        }
        String toTheDesk = HtmlBlocks.text(field(story, "TilRedaktionen"));
        if (toTheDesk != null && !toTheDesk.isEmpty()) {
            EditorialSignals.readAdvisory(d, toTheDesk);
            d.addNote("to the desk (TilRedaktionen): " + toTheDesk);
        }
        Element subjects = child(story, "IPTCList");
        if (subjects != null) {
            for (Element code : children(subjects)) {
                String value = text(code);
                if (value != null && value.matches("\\d{1,8}")) {
                    // the list is named for IPTC: eight digits are subject codes, anything shorter is kept as sent
                    d.addSubject(value.length() == 8 ? SubjectMapper.qualify(value, true) : "ritzau-iptc:" + value,
                            null);
                }
            }
        }
        String content = field(story, "content");
        if (content != null) {
            // the body arrives as escaped HTML (or plain text, which the HTML reader takes as one run of text)
            d.setBodyHtml(content.contains("<") ? content : "<p>" + HtmlBlocks.escape(content)
                    .replaceAll("\\r?\\n\\s*\\r?\\n", "</p><p>") + "</p>");
        }
        return d;
    }

    /** A child's text by local name, whatever namespace the queue put it in. */
    private static String field(Element story, String name) {
        return text(child(story, name));
    }
}

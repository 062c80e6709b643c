package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.json.SafeJson.field;
import static io.wirestream.enrich.normalise.json.SafeJson.items;
import static io.wirestream.enrich.normalise.json.SafeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.json.SafeJson;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.SafeXml;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * AP media API JSON: the {@code {"data": {"item": ...}}} envelope of a content call, the {@code data.items[].item}
 * list of a feed call, or a bare item. The story id is {@code altids.itemid} (stable across versions; the etag and
 * the signed uri are not). Reads version, times, pubstatus, urgency, editorialpriority, signals, headline,
 * headline_extended, bylines, located/datelinelocation, description_summary, keywords, provider, subject (AP's category
 * letters are kept as {@code ap-category:} codes), copyrightnotice, copyrightholder, usageterms, and the body when the item carries one
 * ({@code body_nitf}); metadata-only items (the body is a rendition link) are read without a body.
 */
public final class ApMediaJsonParser implements FormatParser {

    @Override
    public WireFormat format() {
        return WireFormat.AP_JSON;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        JsonNode root = in.jsonRoot();
        List<JsonNode> itemNodes = new ArrayList<>();
        JsonNode data = field(root, "data");
        if (data != null && field(data, "item") != null) {
            itemNodes.add(field(data, "item"));
        } else if (data != null && field(data, "items") != null) {
            for (JsonNode wrapper : items(data, "items")) {
                JsonNode item = field(wrapper, "item");
                itemNodes.add(item != null ? item : wrapper);
            }
        } else if (root.isObject()) {
            itemNodes.add(root);
        }
        return in.readEach(itemNodes, item -> read(item, in));
    }

    private DraftArticle read(JsonNode item, ParseInput in) throws NormalisationException {
        ZoneId zone = in.zone();
        DraftArticle d = new DraftArticle();
        String type = text(item, "type");
        d.setItemClass("ap " + (type == null ? "item" : type));
        if (type != null && !type.equalsIgnoreCase("text") && !type.equalsIgnoreCase("composite")) {
            d.setTextItem(false);
        }
        JsonNode altids = field(item, "altids");
        String itemId = text(altids, "itemid");
        d.setFormatId(itemId);
        if (itemId != null) {
            d.addSourceId("ap:itemid", itemId);
        }
        for (String k : new String[] {"friendlykey", "referenceid", "etag", "transref"}) {
            d.addSourceId("ap:" + k, text(altids, k));
        }
        String uri = text(item, "uri");
        if (uri != null) {
            d.addSourceId("ap:uri", uri);
        }
        // AP's items name their provider ("AP", or a member or partner whose copy AP distributes)
        d.setProvider(text(item, "provider"), "AP Media JSON provider");
        String version = text(item, "version");
        if (version != null && version.matches("\\d{1,18}")) {
            d.setVersion(Long.parseLong(version));
        }
        d.setVersionCreated(WireDates.parse(text(item, "versioncreated"), zone));
        d.setFirstCreated(WireDates.parse(text(item, "firstcreated"), zone));
        NitfParser.readEmbargoField(d, text(item, "embargoed"), zone);
        String status = text(item, "pubstatus");
        if (status != null) {
            NitfParser.readStatus(d, status);
        }
        EditorialSignals.readAdvisory(d, text(item, "ednote"));
        d.setUrgency(SafeJson.integer(item, "urgency"));
        String priority = text(item, "editorialpriority");
        if (priority != null) {
            d.addSourceId("ap:editorialpriority", priority);
        }
        for (JsonNode s : items(item, "signals")) {
            String sig = s.asText("").toLowerCase(Locale.ROOT);
            switch (sig) {
                case "update", "newscontentupdate", "writethru" -> d.addSignal(EditorialSignals.UPDATE);
                case "correction", "corrective" -> d.addSignal(EditorialSignals.CORRECTION);
                case "kill", "withdrawal", "elimination" -> d.addSignal(EditorialSignals.KILL);
                case "withhold" -> d.addSignal(EditorialSignals.HOLD);
                case "advisory" -> d.addSignal(EditorialSignals.ADVISORY);
                default -> {
                    // newscontent, whitelisted, ... carry no editorial meaning
                }
            }
        }
        d.setLanguage(text(item, "language"));
        d.setHeadline(text(item, "headline"));
        d.addHeadline("extended", text(item, "headline_extended"));
        d.setTitle(text(item, "title"));
        String slug = text(item, "slugline");
        if (slug != null) {
            d.setSlug(slug);
            d.addSourceId("ap:slugline", slug);
        }
        d.setDescription(text(item, "description_summary", "summary"));
        List<String> by = new ArrayList<>();
        for (JsonNode b : items(item, "bylines")) {
            String v = text(b, "by");
            if (v != null) {
                by.add(v);
            }
        }
        if (!by.isEmpty()) {
            d.setByline(String.join(" and ", by));
        }
        d.setLocated(text(item, "located"));
        JsonNode dl = field(item, "datelinelocation");
        if (d.located() == null && dl != null) {
            d.setLocated(text(dl, "city", "name"));
        }
        d.setCopyrightNotice(text(item, "copyrightnotice"));
        d.setCopyrightHolder(text(item, "copyrightholder"));
        // AP sends its usage terms as an array of sentences
        d.setUsageTerms(SafeJson.joinedText(item, "usageterms"));
        for (JsonNode k : items(item, "keywords")) {
            if (k.isValueNode()) {
                d.addKeyword(k.asText());
            }
        }
        for (JsonNode s : items(item, "subject")) {
            String code = text(s, "code");
            String name = text(s, "name");
            if (code == null) {
                continue;
            }
            boolean category = false;
            for (JsonNode rel : items(s, "rels")) {
                category |= "category".equals(rel.asText());
            }
            if (category && code.matches("[A-Za-z]")) {
                d.addSubject("ap-category:" + code.toLowerCase(Locale.ROOT), null);
            } else {
                String scheme = text(s, "scheme");
                d.addSubject(scheme != null && scheme.contains("cv.ap.org") ? "apsubject:" + code : code, name);
            }
        }
        String nitf = text(item, "body_nitf");
        if (nitf != null) {
            Document doc = SafeXml.parse(nitf, in.limits());
            NitfParser.read(doc.getDocumentElement(), d, zone);
        } else {
            String bodyText = text(item, "body_text");
            if (bodyText != null) {
                for (String p : PlainTextParagraphs.of(bodyText)) {
                    d.addBodyBlock(BodyBlock.paragraph(p));
                }
            }
        }
        if (!d.hasBody() && field(item, "renditions") != null) {
            d.addNote("metadata-only item: the body is a rendition to download (nitf/anpa), not part of this JSON");
        }
        return d;
    }
}

package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.json.SafeJson.field;
import static io.wirestream.enrich.normalise.json.SafeJson.items;
import static io.wirestream.enrich.normalise.json.SafeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.json.SafeJson;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.provider.ProviderChoice;
import io.wirestream.enrich.normalise.subject.SubjectMapper;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.xml.SafeXml;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ninjs 1.x, 2.x and 3.x (lower-case and camelCase property names), one object or an array of them. 1.x: headline,
 * body_html/body_xhtml/body_text, description_*, byline, subject[code,name]; 2.x/3.x: headlines[], bodies[],
 * descriptions[], by, subjects[uri, literal, name], altids. Common: uri (or Superdesk's guid), version,
 * versioncreated, firstcreated, embargoed, pubstatus, urgency, language, located, copyrightnotice, copyrightholder,
 * usageterms, slugline, keywords.
 * Pictures, video, audio, graphics and events are returned as non-text items. A list wrapper
 * ({@code {"total":..,"limit":..,"offset":..,"item":[...]}}, as the BBC's feed pages its ninjs) gives one draft per
 * item; its {@code story} and {@code advisory} types are text, and its {@code embargotime} is the embargo.
 */
public final class NinjsParser implements FormatParser {

    /** A plain-text body that opens with an HTML block element. */
    private static final Pattern MARKUP_AS_TEXT = Pattern.compile(
            "(?i)\\s*<(?:p|div|h[1-6]|ul|ol|table|section|article|blockquote)(?:\\s[^<>]*)?>");

    private static final Set<String> TEXT_TYPES = Set.of("text", "composite", "story", "advisory");

    @Override
    public WireFormat format() {
        return WireFormat.NINJS;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        JsonNode root = in.jsonRoot();
        List<JsonNode> objects = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(objects::add);
        } else if (isListWrapper(root)) {
            items(root, "item").forEach(objects::add);
        } else if (root.isObject()) {
            objects.add(root);
        } else {
            throw ParseInput.refusal("malformed-ninjs", "ninjs must be a JSON object or an array of them");
        }
        return in.readEach(objects, o -> o.isObject() ? read(o, in) : null);
    }

    /** A page of a ninjs list: an {@code item} array beside paging fields, and no story fields of its own. */
    static boolean isListWrapper(JsonNode root) {
        JsonNode item = field(root, "item");
        return root.isObject() && item != null && item.isArray()
                && (root.has("total") || root.has("limit") || root.has("offset"))
                && text(root, "uri", "guid", "headline") == null;
    }

    /** The last part of an infosource role that says the party provided the item ("cpprole:distributor"). */
    private static final Set<String> PROVIDER_ROLES = Set.of("provider", "distributor", "origcont", "origprov",
            "source", "contentsource");

    /**
     * ninjs has no provider property (none of the 1.0-3.1 schemas): the provider is the first of a {@code provider}
     * property some producers add, an infosource whose role says it provided, distributed or originated the content,
     * Superdesk's {@code source}, and the {@code copyrightholder}, as written; else a known agency named by an
     * infosource without a role, the byline ({@code by}: "Von Erika Muster, dpa") or the item's uri (its host,
     * or the provider of a NewsML URN). See {@link ProviderChoice}.
     */
    static void readProvider(JsonNode o, DraftArticle d) {
        ProviderChoice choice = new ProviderChoice();
        JsonNode provider = field(o, "provider");
        choice.named(provider != null && provider.isObject() ? text(provider, "name", "literal", "code", "uri")
                : text(o, "provider"), "ninjs provider");
        List<JsonNode> sources = items(o, "infosources", "infoSources", "infosource", "infoSource");
        for (JsonNode s : sources) {
            String role = text(s, "role", "rel");
            if (role != null && PROVIDER_ROLES.contains(lastPart(role))) {
                choice.named(text(s, "name", "literal", "code", "uri"), "ninjs infosources (role " + role + ")");
            }
        }
        choice.named(text(o, "source"), "ninjs source (Superdesk)");
        choice.named(text(o, "copyrightholder", "copyrightHolder"), "ninjs copyrightholder");
        for (JsonNode s : sources) {
            if (text(s, "role", "rel") == null) {
                choice.ifKnown(text(s, "name", "literal", "code", "uri"), "ninjs infosources");
            }
        }
        choice.bylineParts(text(o, "by", "byline"), "ninjs by");
        choice.ifKnown(text(o, "uri", "guid"), "ninjs uri");
        choice.applyTo(d);
    }

    private static String lastPart(String role) {
        String r = role.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return r.substring(Math.max(r.lastIndexOf('/'), r.lastIndexOf(':')) + 1);
    }

    static DraftArticle read(JsonNode o, ParseInput in) {
        ZoneId zone = in.zone();
        DraftArticle d = new DraftArticle();
        String type = text(o, "type");
        d.setItemClass("ninjs " + (type == null ? "(no type)" : type));
        d.setFormatId(text(o, "uri", "guid"));
        if (d.formatId() != null) {
            d.addSourceId("ninjs:uri", d.formatId());
        }
        String version = text(o, "version");
        if (version != null && version.matches("\\d{1,18}")) {
            d.setVersion(Long.parseLong(version));
        }
        d.setVersionCreated(WireDates.parse(text(o, "versioncreated", "versionCreated"), zone));
        d.setFirstCreated(
                WireDates.parse(text(o, "firstcreated", "firstCreated", "contentcreated", "contentCreated"), zone));
        NitfParser.readEmbargoField(d, text(o, "embargoed", "embargotime"), zone);
        String status = text(o, "pubstatus", "pubStatus");
        if (status != null) {
            NitfParser.readStatus(d, status);
        }
        Integer urgency = SafeJson.integer(o, "urgency");
        d.setUrgency(urgency);
        d.setLanguage(text(o, "language"));
        d.setLocated(text(o, "located"));
        // ninjs 1.x and 2.x write these in lower case, 3.x in camel case
        d.setCopyrightNotice(text(o, "copyrightnotice", "copyrightNotice"));
        d.setCopyrightHolder(text(o, "copyrightholder", "copyrightHolder"));
        d.setUsageTerms(SafeJson.joinedText(o, "usageterms", "usageTerms"));
        d.setByline(text(o, "byline", "by"));
        String slug = text(o, "slugline");
        if (slug != null) {
            d.setSlug(slug);
            d.addSourceId("ninjs:slugline", slug);
        }
        d.setTitle(text(o, "title"));
        String ednote = text(o, "ednote", "edNote");
        if (ednote != null) {
            EditorialSignals.readAdvisory(d, ednote);
        }
        if ("advisory".equalsIgnoreCase(type)) {
            d.addSignal(EditorialSignals.ADVISORY); // a note to the desk, sent as an item of its own
        }

        // headlines: 1.x string (and dialects headline_main, headline_simple), 2.x+ array with roles
        d.setHeadline(text(o, "headline"));
        for (String name : SafeJson.fieldNames(o)) {
            if (d.headline() == null && name.startsWith("headline_")) {
                d.setHeadline(text(o, name));
            }
        }
        for (JsonNode h : items(o, "headlines")) {
            String value = text(h, "value");
            String role = text(h, "role");
            if (value == null) {
                continue;
            }
            if (d.headline() == null && (role == null || role.equals("main"))) {
                d.setHeadline(value);
            } else {
                d.addHeadline(role == null ? "alternative" : role, value);
            }
        }
        if (d.headline() == null) {
            for (JsonNode h : items(o, "headlines")) {
                if (text(h, "value") != null) {
                    d.setHeadline(text(h, "value"));
                    break;
                }
            }
        }

        // descriptions
        String desc = text(o, "description_text");
        if (desc == null) {
            desc = HtmlBlocks.text(text(o, "description_html", "description_xhtml", "description_richtext"));
        }
        for (JsonNode dn : items(o, "descriptions")) {
            if (desc != null) {
                break;
            }
            String value = text(dn, "value");
            String ct = text(dn, "contenttype", "contentType");
            desc = ct != null && ct.contains("html") ? HtmlBlocks.text(value) : value;
        }
        d.setDescription(desc);

        // bodies: HTML preferred, then NITF, then plain text; other XML dialects are not read
        String html = text(o, "body_html", "body_xhtml", "body_richtext");
        String plain = text(o, "body_text", "body_main");
        String nitf = null;
        for (JsonNode b : items(o, "bodies")) {
            String value = text(b, "value");
            String ct = text(b, "contenttype", "contentType");
            if (value == null) {
                continue;
            }
            String c = ct == null ? "" : ct.toLowerCase(Locale.ROOT);
            String v = value.trim();
            if (c.contains("nitf") || (c.isEmpty() || c.contains("xml")) && v.matches("(?s)^(<\\?xml[^>]*>\\s*)?<nitf[\\s>].*")) {
                nitf = nitf == null ? value : nitf;
            } else if (c.contains("html") || (c.isEmpty() && v.startsWith("<"))) {
                html = html == null ? value : html;
            } else if (c.isEmpty() || c.startsWith("text/plain")) {
                plain = plain == null ? value : plain;
            }
        }
        if (html == null && nitf != null) {
            try {
                NitfParser.read(SafeXml.parse(nitf, in.limits()).getDocumentElement(), d, zone);
            } catch (NormalisationException e) {
                d.addNote("NITF body not readable (" + e.reason() + "); plain text used");
            }
        }
        if (d.hasBody()) {
            // read from the NITF body
        } else if (html != null && !html.isBlank()) {
            d.setBodyHtml(html);
        } else if (plain != null && MARKUP_AS_TEXT.matcher(plain).lookingAt() && plain.contains("</")) {
            // HTML sent as body_text by mistake (a CMS export): its tags are markup, not words
            d.setBodyHtml(plain);
            d.addNote("body_text holds HTML: read as HTML");
        } else if (plain != null) {
            for (String p : PlainTextParagraphs.of(plain)) {
                d.addBodyBlock(BodyBlock.paragraph(p));
            }
        }

        // subjects: 1.x subject[code,name,scheme]; 2.x/3.x subjects[uri,literal,name]
        for (JsonNode s : items(o, "subject")) {
            String code = text(s, "code", "qcode");
            String scheme = text(s, "scheme");
            if (code == null) {
                continue;
            }
            String q = SubjectMapper.qualify(code, scheme == null || scheme.contains("subjectcode"));
            if (scheme != null && !q.contains(":") && !scheme.contains("subjectcode")) {
                q = scheme.replaceAll("/+$", "") + "/" + code;
            }
            d.addSubject(q, text(s, "name"));
        }
        for (JsonNode s : items(o, "subjects")) {
            String uri = text(s, "uri");
            String literal = text(s, "literal", "code");
            String code = uri != null ? SubjectMapper.qualify(uri, false) : literal;
            d.addSubject(code, text(s, "name"));
        }
        for (JsonNode k : items(o, "keywords")) {
            if (k.isValueNode()) {
                d.addKeyword(k.asText());
            }
        }
        JsonNode altids = field(o, "altids", "altIds");
        if (altids != null && altids.isObject()) {
            Iterator<String> names = altids.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                d.addSourceId("ninjs:altid:" + n, text(altids, n));
            }
        } else {
            for (JsonNode a : items(o, "altids", "altIds")) {
                d.addSourceId("ninjs:altid:" + (text(a, "role") == null ? "id" : text(a, "role")), text(a, "value"));
            }
        }

        readProvider(o, d);

        boolean event = field(o, "eventDetails", "eventdetails") != null || field(o, "events") != null
                && type == null;
        String t = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (t != null && !TEXT_TYPES.contains(t)) {
            d.setTextItem(false);
        } else if (t == null && (event || (d.headline() == null && !d.hasBody()))) {
            d.setTextItem(false);
            d.setItemClass(event ? "ninjs event" : "ninjs object without headline or body");
        }
        return d;
    }
}

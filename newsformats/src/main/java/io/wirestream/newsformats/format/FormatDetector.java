package io.wirestream.newsformats.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which wire format a payload is in, from its bytes. Cheap (reads at most the first 64 KiB, never builds a
 * document tree), stateless, thread-safe and free of Kafka: ingest-service calls it to answer 415/422 on a push and
 * the normaliser calls it before choosing a parser.
 *
 * <p>The declared content type and the format hint are hints only: clear bytes always win over them, and they only
 * decide between candidates when the bytes are ambiguous (for example plain prose that carries no news marker).
 */
public final class FormatDetector {

    /** How many bytes of a payload are looked at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    static final String G2_NS = "http://iptc.org/std/nar/2006-10-01/";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String NITF_NS_2006 = "http://iptc.org/std/NITF/2006-10-18/";

    private static final Set<String> G2_NEWS_ROOTS = Set.of("newsItem", "packageItem", "newsMessage");
    private static final Set<String> G2_OTHER_ITEMS = Set.of("knowledgeItem", "conceptItem", "planningItem", "catalogItem");
    private static final Set<String> G2_FRAGMENTS = Set.of("groupSet", "group", "itemRef", "contentSet", "contentMeta",
            "itemMeta", "itemSet", "rightsInfo", "inlineXML", "inlineData", "partMeta", "assert", "header", "catalog");
    private static final Set<String> HTML_ROOTS = Set.of("div", "p", "section", "article", "main", "span", "body", "table",
            "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "blockquote", "figure", "a", "b", "i", "em",
            "strong", "br", "head", "meta", "title");
    private static final Set<String> NINJS_KEYS = Set.of(
            "headline", "headlines", "headline_main", "body_html", "body_text", "body_xhtml", "body_main",
            "body_richtext", "bodies", "versioncreated", "versionCreated", "firstcreated", "firstCreated", "type",
            "description_text", "description_html", "descriptions", "subject", "subjects", "byline", "by",
            "pubstatus", "pubStatus", "renditions", "associations", "slugline", "located", "language", "urgency",
            "title", "eventDetails", "eventdetails", "altids", "altIds", "standard", "$standard", "profile",
            "copyrightnotice", "copyrightNotice", "usageterms", "usageTerms", "genres", "places", "people",
            "organisations", "representationtype", "representationType", "embargoed", "ednote", "edNote");

    private static final Pattern ANPA_HEAD = Pattern.compile("^\\x16*\\x01[A-Za-z]\\d{4}\\x1f");
    /** SOH, service letter and sequence alone on the line: an ANPA envelope whose US was stripped on the way. */
    private static final Pattern ANPA_WITHOUT_US = Pattern.compile("^\\x16*\\x01[A-Za-z]\\d{4}[ \\t]*\\r?\\n");
    /** ANPA text: STX then a '^' header line, or a keyword line ("BC-", "AM-", "PM-"). */
    private static final Pattern ANPA_TEXT = Pattern.compile("\\x02\\^|(?m)^[^\\r\\n]{0,12}\\b(?:BC|AM|PM)-\\S");
    private static final Pattern IPTC7901_HEAD = Pattern.compile("^\\x16*\\x01[A-Za-z]{0,10}\\d{1,6} +\\d +[A-Za-z]{1,3} +\\d");
    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^>]*)>");
    private static final Pattern XMLNS = Pattern.compile("xmlns(?::([\\w.-]+))?\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern HTML_TAGS = Pattern.compile(
            "<(p|div|br|article|span|h[1-6]|a|body|html|head|section|ul|li|meta|title|main|header|footer)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    /** "MOSCOW (Sputnik) -", "BUENOS AIRES, Argentina (AP) _", "Berlin (dpa) -", "STOCKHOLM, Aug 29, 2014 (AFP) -". */
    static final Pattern DATELINE = Pattern.compile(
            "^\\s*\\p{Lu}[\\p{L}.'’ -]{1,40}(?:, [\\p{L}. ]{2,30})?(?:, \\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}(?:, \\d{4})?)?"
                    + " \\([\\p{L}\\p{N} .&'’/-]{2,30}\\)\\s*[-–—_]", Pattern.MULTILINE);
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(?i)\\b\\d{1,2}[:.]\\d{2}\\s*(?:GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT|MSK|[ap]\\.?m\\.?)"
                    + "|\\b\\d{1,2}\\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{4}"
                    + "|\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},\\s+\\d{4}"
                    + "|\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    private static final Pattern TEASER = Pattern.compile("(?im)^\\s*(?:READ MORE|READ ALSO|ALSO READ|SEE ALSO|RELATED)\\s*:");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** Words a plain text under an agency dateline needs to be a story (a brief); 40 without a dateline. */
    static final int BRIEF_WORDS = 12;

    /**
     * Detects the format of a payload.
     *
     * @param payload             the raw bytes, untouched
     * @param declaredContentType the Content-Type as sent, or {@code null}; a hint only
     * @param formatHint          a declared or configured format name, or {@code null}; a hint only
     */
    public Detection detect(byte[] payload, String declaredContentType, String formatHint) {
        WireFormat hinted = WireFormat.fromHint(formatHint);
        if (hinted == null || hinted == WireFormat.UNKNOWN) {
            hinted = WireFormat.fromContentType(declaredContentType);
        }
        Detection byBytes = fromBytes(payload, hinted);
        if (hinted == null || hinted == byBytes.format()) {
            return byBytes;
        }
        if (byBytes.known() && byBytes.confidence() >= 0.8) {
            return new Detection(byBytes.format(), byBytes.confidence(),
                    byBytes.reason() + "; hint " + hinted.label() + " ignored");
        }
        if (byBytes.known() && hinted.syntax() == byBytes.format().syntax()) {
            return new Detection(hinted, Math.min(0.75, byBytes.confidence() + 0.1),
                    "bytes are " + hinted.syntax().name().toLowerCase(Locale.ROOT) + " but not conclusive ("
                            + byBytes.reason() + "); following the hint " + hinted.label());
        }
        return byBytes;
    }

    /** Convenience for callers that only have bytes. */
    public Detection detect(byte[] payload) {
        return detect(payload, null, null);
    }

    private Detection fromBytes(byte[] payload, WireFormat hinted) {
        if (payload == null || payload.length == 0) {
            return Detection.unknown(1.0, "empty payload");
        }
        int n = Math.min(payload.length, SNIFF_BYTES);
        String head = sniffText(payload, n);
        if (head.isBlank()) {
            return Detection.unknown(1.0, "payload is blank (" + payload.length + " bytes of white space)");
        }

        // control-character envelopes first: these bytes are unmistakable
        if (ANPA_HEAD.matcher(head).find()) {
            return new Detection(WireFormat.ANPA_1312, 0.99,
                    "ANPA-1312 envelope: SOH, service letter and 4-digit sequence, US separator");
        }
        if (IPTC7901_HEAD.matcher(head).find()) {
            return new Detection(WireFormat.IPTC_7901, 0.97,
                    "IPTC 7901 header: SOH, source and sequence, priority digit, category letters, word count");
        }
        String magic = binaryMagic(payload);
        if (magic != null) {
            return Detection.unknown(0.99, "binary payload (" + magic + "), not a news text format");
        }
        boolean hasStx = head.indexOf('\u0002') >= 0;
        if (head.startsWith("\u0016") || head.startsWith("\u0001")) {
            if (head.indexOf('\u001f') >= 0 && head.indexOf('\u001f') < 40) {
                return new Detection(WireFormat.ANPA_1312, 0.8, "SOH envelope with a US separator in its first line");
            }
            if (ANPA_WITHOUT_US.matcher(head).find() && ANPA_TEXT.matcher(head).find()) {
                return new Detection(WireFormat.ANPA_1312, 0.75, "SOH envelope with an ANPA sequence and '^' header"
                        + " lines or a BC- keyword line, without its US separator");
            }
            if (hasStx) {
                return new Detection(WireFormat.IPTC_7901, 0.75, "SOH ... STX envelope without an ANPA selector");
            }
        }
        if (controlShare(head) > 0.05) {
            return Detection.unknown(0.9, "binary payload: " + Math.round(controlShare(head) * 100)
                    + "% control bytes and no wire envelope");
        }

        String t = stripLeading(head);
        if (t.startsWith("<")) {
            return fromMarkup(t);
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            return fromJson(payload, n);
        }
        if (hasStx && head.indexOf('\u0003') > head.indexOf('\u0002')) {
            return new Detection(WireFormat.IPTC_7901, 0.6, "STX ... ETX framed text without a header line");
        }
        Detection mail = fromMailHeaders(t);
        if (mail != null) {
            return mail;
        }
        return fromPlainText(t, hinted);
    }

    // ---------------------------------------------------------------- markup

    private Detection fromMarkup(String t) {
        String rest = t;
        String doctype = null;
        // skip the prolog: declaration, comments, processing instructions, doctype
        for (int guard = 0; guard < 64; guard++) {
            rest = stripLeading(rest);
            if (rest.startsWith("<?")) {
                int end = rest.indexOf("?>");
                if (end < 0) {
                    return Detection.unknown(0.7, "markup with an unterminated processing instruction");
                }
                rest = rest.substring(end + 2);
            } else if (rest.startsWith("<!--")) {
                int end = rest.indexOf("-->");
                if (end < 0) {
                    return Detection.unknown(0.7, "markup with an unterminated comment");
                }
                rest = rest.substring(end + 3);
            } else if (rest.regionMatches(true, 0, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(rest);
                if (end < 0) {
                    return Detection.unknown(0.7, "markup with an unterminated DOCTYPE");
                }
                doctype = rest.substring(9, end).trim();
                rest = rest.substring(end + 1);
            } else {
                break;
            }
        }
        if (doctype != null && doctype.toLowerCase(Locale.ROOT).startsWith("html")) {
            return new Detection(WireFormat.WEB_HTML, 0.95, "HTML document type declaration");
        }
        Matcher m = START_TAG.matcher(rest);
        if (!m.lookingAt()) {
            return Detection.unknown(0.7, "starts with '<' but no element follows");
        }
        String qname = m.group(1);
        String attrs = m.group(2);
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? null : qname.substring(0, colon);
        String local = colon < 0 ? qname : qname.substring(colon + 1);
        String ns = namespaceOf(attrs, prefix);
        boolean g2ns = G2_NS.equals(ns);

        if (G2_NEWS_ROOTS.contains(local)) {
            return new Detection(WireFormat.NEWSML_G2, g2ns ? 0.99 : 0.85,
                    "NewsML-G2 <" + local + ">" + (g2ns ? " in the NAR namespace" : " (NAR namespace missing)"));
        }
        if (G2_OTHER_ITEMS.contains(local) && (g2ns || ns == null)) {
            return new Detection(WireFormat.NEWSML_G2, g2ns ? 0.9 : 0.75,
                    "NewsML-G2 <" + local + ">, an item that carries no news story");
        }
        if (g2ns || (ns == null && G2_FRAGMENTS.contains(local) && !HTML_ROOTS.contains(local))) {
            return Detection.unknown(0.9, "NewsML-G2 <" + local + "> is a catalog or a fragment, not a complete news item");
        }
        if ("NewsML".equals(local)) {
            return new Detection(WireFormat.NEWSML_1, 0.97, "NewsML 1.x <NewsML> root");
        }
        if ("nitf".equals(local)) {
            boolean ns2006 = NITF_NS_2006.equals(ns);
            return new Detection(WireFormat.NITF, 0.97, ns2006 ? "NITF <nitf> root in the 2006 namespace" : "NITF <nitf> root");
        }
        if ("rss".equals(local) || ("RDF".equals(local) && rest.contains("purl.org/rss/1.0"))) {
            return new Detection(WireFormat.RSS, 0.97, "RSS <" + local + "> root");
        }
        if ("feed".equals(local) || "entry".equals(local)) {
            boolean atom = ATOM_NS.equals(ns);
            return new Detection(WireFormat.ATOM, atom ? 0.99 : 0.6,
                    "Atom <" + local + ">" + (atom ? " in the Atom namespace" : " without the Atom namespace"));
        }
        if ("RBNews".equals(local)) {
            return new Detection(WireFormat.RITZAU_XML, 0.95, "Ritzau <RBNews> item");
        }
        if ("XMLNewsQueuedResponse".equals(local)) {
            return new Detection(WireFormat.RITZAU_XML, 0.9, "Ritzau <XMLNewsQueuedResponse> queue answer"
                    + (rest.contains("RBNews") ? " holding <RBNews> items" : " (no <RBNews> in the first "
                    + SNIFF_BYTES / 1024 + " KiB)"));
        }
        if ("html".equalsIgnoreCase(local)) {
            return new Detection(WireFormat.WEB_HTML, 0.95, "HTML document (<html> root)");
        }
        int htmlTags = count(HTML_TAGS, rest, 3);
        if (HTML_ROOTS.contains(local.toLowerCase(Locale.ROOT)) && htmlTags >= 2) {
            return new Detection(WireFormat.WEB_HTML, 0.7, "HTML fragment (" + htmlTags + "+ HTML elements)");
        }
        return Detection.unknown(0.85, "XML root <" + qname + "> is not a known news format");
    }

    private static int doctypeEnd(String s) {
        int depth = 0;
        for (int i = 9; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String namespaceOf(String attrs, String prefix) {
        Matcher m = XMLNS.matcher(attrs);
        while (m.find()) {
            String p = m.group(1);
            if ((prefix == null && p == null) || (prefix != null && prefix.equals(p))) {
                return m.group(2);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- JSON

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(SNIFF_BYTES)
                    .maxNumberLength(64)
                    .build())
            .build();

    private Detection fromJson(byte[] payload, int n) {
        Set<String> top = new LinkedHashSet<>();
        Set<String> data = new LinkedHashSet<>();
        Set<String> altids = new LinkedHashSet<>();
        Set<String> listed = new LinkedHashSet<>();
        boolean array = false;
        boolean truncated = n < payload.length;
        String error = null;
        try (JsonParser p = JSON.createParser(payload, 0, n)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                array = true;
                JsonToken el = p.nextToken();
                if (el != JsonToken.START_OBJECT) {
                    return Detection.unknown(0.8, "JSON array that does not hold objects");
                }
            } else if (first != JsonToken.START_OBJECT) {
                return Detection.unknown(0.8, "JSON value that is not an object");
            }
            readKeys(p, top, data, altids, listed);
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        }
        if (top.isEmpty()) {
            if (error != null && !truncated) {
                return Detection.unknown(0.6, "looks like JSON but does not parse: " + error);
            }
            return Detection.unknown(0.8, "empty JSON object");
        }
        // "$schema" alone is also how an instance names the schema it follows (a ninjs 3 item may): an object with a
        // uri and item fields is an item; the structure words of a schema are not item fields
        boolean instance = (top.contains("uri") || top.contains("guid"))
                && top.stream().filter(NINJS_KEYS::contains).count() >= 2;
        if (top.contains("$defs") || top.contains("definitions") && top.contains("$schema")
                || top.contains("$schema") && !instance
                || (top.contains("properties") && top.contains("type") && !top.contains("uri"))) {
            return Detection.unknown(0.95, "a JSON Schema document, not a news item");
        }
        boolean apEnvelope = top.contains("api_version") || (data.contains("item") && top.contains("data"));
        boolean ninjsStandard = top.contains("$standard") || top.contains("standard");
        boolean apItem = !ninjsStandard && altids.contains("itemid")
                && (top.contains("editorialpriority") || top.contains("textformat") || top.contains("renditions")
                || top.contains("bylines") || top.contains("headline_extended"));
        if (apEnvelope || apItem) {
            return new Detection(WireFormat.AP_JSON, 0.95,
                    apEnvelope ? "AP media API envelope (api_version, data.item)" : "AP media API item (altids.itemid)");
        }
        if (!array && top.contains("item") && (top.contains("total") || top.contains("limit") || top.contains("offset"))) {
            long listedKeys = listed.stream().filter(NINJS_KEYS::contains).count();
            if (listed.contains("uri") && listedKeys >= 1 || listedKeys >= 2) {
                return new Detection(WireFormat.NINJS, 0.9, "ninjs list wrapper (total/limit/offset, item[] of ninjs"
                        + " objects with " + listedKeys + " ninjs properties)");
            }
            if (listed.isEmpty() && top.contains("total")) {
                return new Detection(WireFormat.NINJS, 0.6, "ninjs list wrapper without items (total, item[])");
            }
        }
        long ninjsKeys = top.stream().filter(NINJS_KEYS::contains).count();
        boolean hasId = top.contains("uri") || top.contains("guid");
        if (hasId && ninjsKeys >= 1) {
            return new Detection(WireFormat.NINJS, array ? 0.85 : 0.95,
                    (array ? "array of ninjs objects" : "ninjs object") + " (uri and " + ninjsKeys + " ninjs properties)");
        }
        if (ninjsKeys >= 2) {
            return new Detection(WireFormat.NINJS, 0.7, "JSON with " + ninjsKeys + " ninjs properties but no uri");
        }
        List<String> some = new ArrayList<>(top);
        return Detection.unknown(0.85, "JSON without news fields (keys: "
                + String.join(", ", some.subList(0, Math.min(6, some.size()))) + ")");
    }

    private static void readKeys(JsonParser p, Set<String> top, Set<String> data, Set<String> altids,
            Set<String> listed) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            top.add(name);
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && "item".equals(name) && listed.isEmpty()) {
                // a list wrapper ({"total":..,"item":[...]}): the first element's keys say what the items are
                if (!readFirstElementKeys(p, listed)) {
                    return;
                }
            } else if (v == JsonToken.START_OBJECT && ("data".equals(name) || "altids".equals(name))) {
                Set<String> into = "data".equals(name) ? data : altids;
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    into.add(inner);
                    if (p.nextToken() == JsonToken.START_OBJECT && "item".equals(inner) && "data".equals(name)) {
                        // look one level further for AP's altids.itemid
                        JsonToken ik;
                        while ((ik = p.nextToken()) == JsonToken.FIELD_NAME) {
                            String itemKey = p.currentName();
                            if (p.nextToken() == JsonToken.START_OBJECT && "altids".equals(itemKey)) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    altids.add(p.currentName());
                                    p.nextToken();
                                    p.skipChildren();
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (ik != JsonToken.END_OBJECT) {
                            return;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (k != JsonToken.END_OBJECT) {
                    return;
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads the keys of an array's first object and skips the rest of the array; false when the input ran out. */
    private static boolean readFirstElementKeys(JsonParser p, Set<String> into) throws IOException {
        JsonToken el = p.nextToken();
        if (el == JsonToken.START_OBJECT) {
            JsonToken k;
            while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                into.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            if (k != JsonToken.END_OBJECT) {
                return false;
            }
        } else if (el == JsonToken.END_ARRAY) {
            return true;
        } else {
            p.skipChildren();
        }
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (next == null) {
                return false;
            }
            p.skipChildren();
        }
        return true;
    }

    // ---------------------------------------------------------------- e-mail

    /** A header field's name and colon: "Subject:", "Message-ID:", "X-Mailer:". */
    private static final Pattern HEADER_FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9-]{0,60}):");
    /** Fields that only a mail message carries at its top (a story may well start "Subject:" or "Date:"). */
    private static final Set<String> MAIL_FIELDS = Set.of("from", "message-id", "mime-version", "received",
            "return-path", "delivered-to", "reply-to", "sender");
    private static final Set<String> STORY_FIELDS = Set.of("subject", "date", "content-type", "to");

    /**
     * An RFC 822 message: an optional mbox "From " line, then a header block (fields and folded continuation lines,
     * nothing else) ended by a blank line, with at least one field only mail has (From, Message-ID, MIME-Version,
     * Received, ...) and one that says what the message is (Subject, Date, Content-Type, To).
     */
    private static Detection fromMailHeaders(String t) {
        List<String> lines = firstLines(t, 200).lines().toList();
        int i = 0;
        if (!lines.isEmpty() && lines.get(0).startsWith("From ") && !lines.get(0).contains(":  ")) {
            i = 1; // mbox separator line
        }
        Set<String> names = new LinkedHashSet<>();
        boolean ended = false;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                ended = true;
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !names.isEmpty()) {
                continue; // folded continuation
            }
            Matcher m = HEADER_FIELD.matcher(line);
            if (!m.find()) {
                return null;
            }
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        boolean mailOnly = names.stream().anyMatch(MAIL_FIELDS::contains);
        boolean says = names.stream().anyMatch(STORY_FIELDS::contains);
        if (!ended || !mailOnly || !says) {
            return null;
        }
        return new Detection(WireFormat.EMAIL, names.contains("from") && names.contains("subject") ? 0.9 : 0.8,
                "RFC 822 message header (" + String.join(", ", names.stream().limit(6).toList()) + ")");
    }

    // ---------------------------------------------------------------- plain text

    private Detection fromPlainText(String t, WireFormat hinted) {
        int htmlTags = count(HTML_TAGS, t, 3);
        if (htmlTags >= 2) {
            return new Detection(WireFormat.WEB_HTML, 0.7, "HTML fragment (" + htmlTags + "+ HTML elements)");
        }
        int words = count(WORD, t, 60);
        String window = firstLines(t, 40);
        boolean dateline = DATELINE.matcher(window).find();
        // an agency brief is one sentence under its dateline ("Berlin (dpa) - ..."): the dateline is the marker
        boolean prose = words >= (dateline ? BRIEF_WORDS : 40);
        boolean timestamp = TIMESTAMP.matcher(firstLines(t, 12)).find();
        boolean teaser = TEASER.matcher(t).find();
        if (dateline && prose) {
            return new Detection(WireFormat.WEB_TEXT, 0.85, "plain-text news copy with a dateline"
                    + (timestamp ? " and a publication time" : ""));
        }
        if (prose && (timestamp || teaser)) {
            return new Detection(WireFormat.WEB_TEXT, 0.65, "plain prose with a "
                    + (timestamp ? "publication time" : "READ MORE teaser") + " but no dateline");
        }
        if (prose && (hinted == WireFormat.WEB_TEXT || hinted == WireFormat.WEB_HTML)) {
            return new Detection(WireFormat.WEB_TEXT, 0.5, "plain prose without news markers, accepted on the "
                    + hinted.label() + " hint");
        }
        if (!prose) {
            return Detection.unknown(0.8, "plain text too short to be a story (" + (words >= 60 ? "60+" : words) + " words)");
        }
        return Detection.unknown(0.6, "plain text without news markers (no dateline, publication time or wire envelope)");
    }

    // ---------------------------------------------------------------- helpers

    /** Latin-1 keeps every byte as one char, which is all the markers need; UTF-16 with a BOM is decoded properly. */
    private static String sniffText(byte[] b, int n) {
        if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new String(b, 3, n - 3, StandardCharsets.ISO_8859_1);
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static String binaryMagic(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "GIF image";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "PDF document";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "ZIP archive";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip data";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xff) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static double controlShare(String s) {
        int control = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return s.isEmpty() ? 0 : (double) control / s.length();
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return s.substring(i);
    }

    private static String firstLines(String s, int lines) {
        int idx = -1;
        for (int i = 0; i < lines; i++) {
            idx = s.indexOf('\n', idx + 1);
            if (idx < 0) {
                return s;
            }
        }
        return s.substring(0, idx);
    }

    private static int count(Pattern p, String s, int max) {
        Matcher m = p.matcher(s);
        int c = 0;
        while (c < max && m.find()) {
            c++;
        }
        return c;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.wirestream.ingest.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the news formats by their first bytes: XML by its root element (NITF, NewsML-G2, NewsML 1, RSS, Atom,
 * HTML), JSON by ninjs-like fields, ANPA-1312 / IPTC 7901 by their control characters, and plain wire text. It only
 * looks; parsing is enrich-stream's job. A light stand-in for
 * {@link FormatDetectorClassifier} where the pipeline's detector is not wanted (it accepts any plain text of some length).
 */
public final class SniffingNewsClassifier implements NewsPayloadClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIFF_LIMIT = 4096;
    private static final Pattern XML_ROOT = Pattern.compile(
            "\\A(?:\\s|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> XML_ROOTS = Map.ofEntries(
            Map.entry("nitf", "nitf"),
            Map.entry("newsmessage", "newsml-g2"), Map.entry("newsitem", "newsml-g2"),
            Map.entry("packageitem", "newsml-g2"), Map.entry("knowledgeitem", "newsml-g2"),
            Map.entry("newsml", "newsml-1"),
            Map.entry("rss", "rss"), Map.entry("item", "rss"), Map.entry("rdf", "rss"),
            Map.entry("feed", "atom"), Map.entry("entry", "atom"),
            Map.entry("html", "html"), Map.entry("article", "html"));
    private static final Set<String> JSON_TEXT_FIELDS = Set.of("headline", "headlines", "title", "body", "body_text",
            "body_html", "bodies", "text", "content", "description_text");

    @Override
    public Classification classify(byte[] payload, String contentType, String formatHint) {
        String refusal = MediaTypeGate.refusal(payload, contentType);
        if (refusal != null) {
            return Classification.unsupported(refusal);
        }
        if (payload == null || payload.length == 0) {
            return Classification.notNews("the body is empty");
        }
        if (isAgencyControlFormat(payload)) {
            return Classification.news(payload[0] == 0x16 ? "anpa-1312" : "iptc-7901",
                    "starts with the control characters of an ANPA-1312/IPTC 7901 transmission");
        }
        String text = decodeStart(payload);
        if (text == null) {
            return Classification.notNews("the body is neither UTF-8 text nor a known wire format");
        }
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return Classification.notNews("the body holds only white space");
        }
        if (trimmed.startsWith("<")) {
            return classifyXml(trimmed);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return classifyJson(payload);
        }
        return classifyText(text);
    }

    private static Classification classifyXml(String start) {
        Matcher m = XML_ROOT.matcher(start);
        if (!m.find()) {
            return Classification.notNews("the body starts like XML but no root element was found");
        }
        String root = m.group(2);
        String format = XML_ROOTS.get(root.toLowerCase(Locale.ROOT));
        if (format == null) {
            return Classification.notNews("XML root element <" + root + "> is not a known news format"
                    + " (NITF, NewsML-G2, NewsML 1, RSS, Atom, HTML)");
        }
        return Classification.news(format, "XML root element <" + root + ">");
    }

    private static Classification classifyJson(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return Classification.notNews("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Classification.notNews("unreadable JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return Classification.notNews("a JSON item must be one object (send several items through /v1/items/batch)");
        }
        boolean hasText = JSON_TEXT_FIELDS.stream().anyMatch(node::hasNonNull);
        if (!hasText) {
            return Classification.notNews("the JSON object has none of the fields of a news item (headline(s), title, body_text, body_html, bodies, text)");
        }
        return Classification.news(node.has("uri") || node.has("versioncreated") ? "ninjs" : "json",
                "JSON object with news fields");
    }

    private static Classification classifyText(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long control = text.codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (control > 0) {
            return Classification.notNews("the text holds control characters but is not an ANPA-1312/IPTC 7901 transmission");
        }
        if (letters < 20) {
            return Classification.notNews("the text is too short to be a news item (" + letters + " letters)");
        }
        return Classification.news("text", "plain text");
    }

    private static boolean isAgencyControlFormat(byte[] p) {
        // ANPA-1312 opens with SYN SYN, IPTC 7901 with SOH; both carry the text between STX and ETX
        boolean opens = p[0] == 0x16 || p[0] == 0x01;
        if (!opens) {
            return false;
        }
        int limit = Math.min(p.length, 64 * 1024);
        boolean stx = false;
        for (int i = 0; i < limit; i++) {
            if (p[i] == 0x02) {
                stx = true;
            }
        }
        return stx;
    }

    /** The first few KiB as text: UTF-8 (BOM dropped), or UTF-16 by BOM; null when not text. */
    private static String decodeStart(byte[] payload) {
        int length = Math.min(payload.length, SNIFF_LIMIT);
        if (length >= 2 && (payload[0] & 0xFF) == 0xFE && (payload[1] & 0xFF) == 0xFF) {
            return new String(payload, 2, length - 2, StandardCharsets.UTF_16BE);
        }
        if (length >= 2 && (payload[0] & 0xFF) == 0xFF && (payload[1] & 0xFF) == 0xFE) {
            return new String(payload, 2, length - 2, StandardCharsets.UTF_16LE);
        }
        int offset = length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB && (payload[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, offset, length - offset)).toString();
        } catch (CharacterCodingException e) {
            // the cut at SNIFF_LIMIT may split a character: try the undamaged part, else take Latin-1 wire text
            if (length < payload.length) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE)
                            .decode(ByteBuffer.wrap(payload, offset, length - offset)).toString();
                } catch (CharacterCodingException ignored) {
                    return null;
                }
            }
            return new String(payload, offset, length - offset, StandardCharsets.ISO_8859_1);
        }
    }
}

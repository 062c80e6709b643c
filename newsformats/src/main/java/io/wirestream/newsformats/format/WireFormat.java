package io.wirestream.newsformats.format;

import java.util.Locale;

/**
 * The wire-format families the pipeline understands. Detected from the bytes by {@link FormatDetector}; a declared
 * content type or a format hint from ingest only ever helps when the bytes are ambiguous.
 */
public enum WireFormat {
    NEWSML_G2("newsml-g2", Syntax.XML),
    NEWSML_1("newsml-1", Syntax.XML),
    NITF("nitf", Syntax.XML),
    ANPA_1312("anpa-1312", Syntax.ENVELOPE),
    IPTC_7901("iptc-7901", Syntax.ENVELOPE),
    NINJS("ninjs", Syntax.JSON),
    AP_JSON("ap-json", Syntax.JSON),
    RSS("rss", Syntax.XML),
    ATOM("atom", Syntax.XML),
    WEB_HTML("web-html", Syntax.MARKUP),
    WEB_TEXT("web-text", Syntax.TEXT),
    /** Ritzau's XML: one {@code <RBNews>} item, or the {@code <XMLNewsQueuedResponse>} queue answer holding several. */
    RITZAU_XML("ritzau-xml", Syntax.XML),
    /** A story submitted by e-mail: RFC 822 headers and a plain-text, JSON, form or MIME multipart body. */
    EMAIL("email", Syntax.MESSAGE),
    UNKNOWN("unknown", Syntax.NONE);

    /**
     * The outer syntax of a family; a hint may only refine a guess within the same syntax. An e-mail message has a
     * syntax of its own, so a hint never turns plain prose into a message or a message into prose.
     */
    public enum Syntax { XML, JSON, ENVELOPE, MARKUP, TEXT, MESSAGE, NONE }

    private final String label;
    private final Syntax syntax;

    WireFormat(String label, Syntax syntax) {
        this.label = label;
        this.syntax = syntax;
    }

    /** Short lower-case name used in logs, metrics and the article's sourceFormat. */
    public String label() {
        return label;
    }

    public Syntax syntax() {
        return syntax;
    }

    /**
     * Reads a format hint loosely: enum names, labels and common aliases ("g2", "newsml2", "anpa", "7901", "ap",
     * "rss2", "html", "text", "ritzau", "email", ...). Returns {@code null} for a blank or unrecognised hint.
     */
    public static WireFormat fromHint(String hint) {
        if (hint == null) {
            return null;
        }
        String h = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (h.isEmpty()) {
            return null;
        }
        return switch (h) {
            case "newsmlg2", "g2", "newsml2", "newsitem", "packageitem", "newsmessage", "nar" -> NEWSML_G2;
            case "newsml1", "newsml", "newsml12", "newsml10", "newsml11" -> NEWSML_1;
            case "nitf", "nitf3", "nitf34", "nitf35", "nitf36" -> NITF;
            case "anpa1312", "anpa", "anpa1312format" -> ANPA_1312;
            case "iptc7901", "7901", "iptc" -> IPTC_7901;
            case "ninjs", "ninjs1", "ninjs2", "ninjs3" -> NINJS;
            case "apjson", "ap", "apmedia", "apmediaapi", "apmediajson" -> AP_JSON;
            case "rss", "rss2", "rss20", "rdf" -> RSS;
            case "atom", "atom10" -> ATOM;
            case "webhtml", "html", "xhtml", "web" -> WEB_HTML;
            case "webtext", "text", "txt", "plain", "plaintext" -> WEB_TEXT;
            case "ritzau", "ritzauxml", "rbnews" -> RITZAU_XML;
            case "email", "mail", "rfc822", "rfc5322", "eml", "mime" -> EMAIL;
            default -> null;
        };
    }

    /**
     * Reads a declared Content-Type (parameters ignored). Only types that name a family count; generic types such as
     * application/xml or application/json return {@code null}.
     */
    public static WireFormat fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        int semi = ct.indexOf(';');
        if (semi >= 0) {
            ct = ct.substring(0, semi);
        }
        ct = ct.trim();
        if (ct.startsWith("application/vnd.iptc.g2.")) {
            return NEWSML_G2;
        }
        return switch (ct) {
            case "application/nitf+xml", "text/vnd.iptc.nitf+xml" -> NITF;
            case "application/vnd.iptc.newsml+xml", "application/newsml+xml" -> NEWSML_1;
            case "application/rss+xml", "application/rdf+xml" -> RSS;
            case "application/atom+xml" -> ATOM;
            case "text/html", "application/xhtml+xml" -> WEB_HTML;
            case "text/plain" -> WEB_TEXT;
            case "application/ninjs+json", "application/vnd.iptc.ninjs+json" -> NINJS;
            case "application/vnd.anpa1312", "application/x-anpa1312" -> ANPA_1312;
            case "application/vnd.iptc7901", "application/x-iptc7901" -> IPTC_7901;
            case "message/rfc822" -> EMAIL;
            default -> null;
        };
    }
}

package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A story sent as a web form ({@code application/x-www-form-urlencoded}, as a newsroom's submission page posts it):
 * headline (or title, subject), body (or body_text, text, story, content), body_html, byline (or author, by),
 * description (or summary, standfirst), slugline (or slug), dateline, language and comma-separated keywords. Field
 * names are read case-insensitively; the first value of a name counts; at most {@value #MAX_FIELDS} fields are read.
 */
final class FormSubmission {

    static final int MAX_FIELDS = 200;

    private FormSubmission() {}

    static void read(String encoded, String charset, DraftArticle d) {
        Map<String, String> fields = decode(encoded, charset);
        d.setHeadline(first(fields, "headline", "title", "subject"));
        d.setDescription(first(fields, "description", "summary", "standfirst", "abstract"));
        d.setByline(first(fields, "byline", "author", "by"));
        d.setDateline(first(fields, "dateline"));
        d.setLanguage(first(fields, "language", "lang"));
        String slug = first(fields, "slugline", "slug");
        if (slug != null) {
            d.setSlug(slug);
        }
        String keywords = first(fields, "keywords", "tags");
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                d.addKeyword(k.trim());
            }
        }
        String html = first(fields, "body_html", "html");
        String text = first(fields, "body", "body_text", "text", "story", "content");
        if (html != null) {
            d.setBodyHtml(html);
        } else if (text != null) {
            for (String p : PlainTextParagraphs.of(text)) {
                d.addBodyBlock(BodyBlock.paragraph(p));
            }
        }
    }

    static Map<String, String> decode(String encoded, String charset) {
        Charset cs = charsetOrUtf8(charset);
        Map<String, String> out = new LinkedHashMap<>();
        int read = 0;
        for (String pair : encoded.strip().split("&")) {
            if (++read > MAX_FIELDS) {
                break;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, cs).trim().toLowerCase(Locale.ROOT), URLDecoder.decode(value, cs));
            } catch (IllegalArgumentException malformedEscape) {
                out.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), value.replace('+', ' '));
            }
        }
        return out;
    }

    private static String first(Map<String, String> fields, String... names) {
        for (String n : names) {
            String v = fields.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static Charset charsetOrUtf8(String name) {
        try {
            return name != null && Charset.isSupported(name.trim()) ? Charset.forName(name.trim()) : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}

package io.wirestream.enrich.normalise;


import io.wirestream.avro.Headline;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.DraftHeadline;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.TextHygiene;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article's headline: the draft's, without an editorial prefix ("KILL -", "CORRECTED-", which become signals and
 * leave the headline as sent beside it); else the title, slug or description; else the lead's first sentence
 * (derived). All headlines follow: main first, then as-sent, then the draft's further headlines with their roles.
 */
record HeadlineChoice(String main, List<Headline> headlines, boolean derived) {

    private static final int DERIVED_HEADLINE_MAX = 200;
    /**
     * Inline HTML some producers leave in a headline ("&lt;b&gt;Mayor&lt;/b&gt; resigns"): only these tag names, so a
     * ticker in angle brackets ("Example Corp &lt;EXMP.O&gt;") stays.
     */
    private static final Pattern INLINE_TAG = Pattern.compile(
            "(?i)</?(?:b|strong|i|em|u|s|span|font|a|sup|sub|small|mark|br)(?:\\s[^<>]*)?/?>");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"”’»)]*\\s+(?=[\"“‘«(]?\\p{Lu})");

    /**
     * Chooses the headline, adds the signals of its prefix to {@code signals} and drops a first body block that only
     * repeats it. Throws when nothing a headline can be taken from is left.
     */
    static HeadlineChoice choose(DraftArticle d, StoryBody body, Set<String> signals, List<String> notes)
            throws NormalisationException {
        List<Headline> headlines = new ArrayList<>();
        String headline = clean(d.headline());
        if (headline != null) {
            EditorialSignals.HeadlinePrefix prefix = EditorialSignals.headlinePrefix(headline);
            if (prefix != null) {
                signals.addAll(prefix.signals());
                headlines.add(new Headline("as-sent", headline));
                headline = prefix.headline();
            }
        }
        if (headline == null) {
            headline = fallback(d, notes);
        }
        boolean derived = false;
        if (headline == null && body.leadText() != null) {
            headline = firstSentence(body.leadText());
            derived = true;
            notes.add("headline derived from the lead paragraph");
        }
        if (headline != null && !derived) {
            body.dropRepeatedHeadline(headline);
        }
        if (headline == null || headline.isBlank()) {
            throw new NormalisationException("normalise", "no-headline",
                    "no headline, title, slug, description or body text to take one from"
                            + (d.itemClass() == null ? "" : " (item class " + d.itemClass() + ")"));
        }
        headlines.add(0, new Headline("main", headline));
        addFurther(d.headlines(), headline, headlines);
        return new HeadlineChoice(headline, headlines, derived);
    }

    /** The title, else the slug, else the description, saying which was taken. */
    private static String fallback(DraftArticle d, List<String> notes) {
        for (String candidate : new String[] {d.title(), d.slug(), d.description()}) {
            String c = clean(candidate);
            if (c != null) {
                notes.add("headline taken from " + (candidate == d.title() ? "the title"
                        : candidate == d.slug() ? "the slug" : "the description"));
                return c;
            }
        }
        return null;
    }

    private static void addFurther(List<DraftHeadline> further, String main, List<Headline> out) {
        for (DraftHeadline h : further) {
            String v = clean(h.text());
            if (v != null && !v.equals(main)) {
                out.add(new Headline(h.role() == null ? "other" : h.role(), v));
            }
        }
    }

    /** A headline's text: inline HTML tags taken out, then the text hygiene of every field. */
    static String clean(String s) {
        return s == null ? null : StoryBody.clean(INLINE_TAG.matcher(s).replaceAll(""));
    }

    /** First sentence of a paragraph, without its full stop; shortened at a word boundary when very long. */
    static String firstSentence(String paragraph) {
        String p = paragraph.trim();
        Matcher m = SENTENCE_END.matcher(p);
        String s = m.find() ? p.substring(0, m.start()) : p;
        s = s.replaceAll("[.]$", "").trim();
        return TextHygiene.shorten(s, DERIVED_HEADLINE_MAX);
    }
}

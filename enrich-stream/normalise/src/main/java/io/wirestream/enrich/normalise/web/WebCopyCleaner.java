package io.wirestream.enrich.normalise.web;

import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.BodyBlock.Kind;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.Datelines;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scraped page text into a story. Works on lines (plain text) or blocks (HTML) and removes, in this order:
 * publication-time lines (kept as versioncreated/firstcreated), page furniture (player and share widgets, counters,
 * comment and community boilerplate, cookie and newsletter prompts, photo credits), "READ MORE:" teasers (kept as
 * publisher links), byline and copyright lines (kept as fields), the publisher's tag line at the end (kept as tagline
 * and keywords) and the trailing list of other headlines. What is left before the first story paragraph may hold
 * the headline; the rest is the body, with short title-like lines between paragraphs kept as subheads and the
 * story's own footnotes kept.
 */
public final class WebCopyCleaner {

    /** A line addressed to the desk, as agencies put above copy: "Eds: ...", "EMBARGOED until ...". */
    private static final java.util.regex.Pattern DESK_LINE = java.util.regex.Pattern.compile(
            "^(?:(?i:eds?|editors?|editor's note|note to editors)\\s*:|(?:EMBARGO|EMBARGOED|SPERRFRIST|HOLD FOR RELEASE)\\b)");


    /** One line of page text (plain text) or one block (HTML), with what layout told us about it. */
    public static final class Line {
        final String text;
        final boolean blankBefore;
        final String href;
        final Kind kind;
        final String html;

        public Line(String text, boolean blankBefore, String href, Kind kind, String html) {
            this.text = TextHygiene.clean(text);
            this.blankBefore = blankBefore;
            this.href = href;
            this.kind = kind == null ? Kind.PARAGRAPH : kind;
            this.html = html;
        }
    }

    private static final List<String> FURNITURE_PHRASES = sortedLongestFirst(List.of(
            "listen live", "listen to this article", "listen", "get short url", "short url", "share this article",
            "share this story", "share this", "share on facebook", "share on twitter", "share on whatsapp", "share on x",
            "share on linkedin", "share on telegram", "share on reddit", "share via email", "share by email", "share",
            "tweet", "email", "e-mail", "print", "copy link", "copy url", "link copied", "subscribe now", "subscribe",
            "sign up", "sign in", "log in", "login", "register", "advertisement", "advertising", "sponsored content",
            "sponsored", "loading", "play video", "watch video", "watch", "video", "photo", "gallery", "comments",
            "comment", "add comment", "add a comment", "leave a comment", "post a comment", "join the discussion",
            "discussion", "community standards", "comment policy", "show comments", "hide comments", "all comments",
            "view comments", "most read", "most popular", "trending now", "trending", "related articles",
            "related stories", "related news", "related", "more on this story", "more on this topic", "you may also like",
            "recommended for you", "recommended", "top stories", "latest news", "latest", "newsletter", "follow us",
            "accept cookies", "cookie settings", "cookies", "privacy policy", "terms of use", "terms of service",
            "skip to main content", "skip to content", "back to top", "menu", "home", "read full story",
            "read full article", "read the full story", "download the app", "open in app", "whatsapp", "telegram",
            "facebook", "twitter", "instagram", "linkedin", "reddit", "vk", "ok", "also on", "tags", "topics",
            "bookmark", "save", "save article", "add to favorites", "favourites", "favorites", "views"));
    /**
     * Headers that open the page's trailing furniture (comment threads, lists of other stories). Once the story has
     * started, such a header and everything after it belong to the page, not the story.
     */
    private static final Set<String> TRAILING_SECTIONS = Set.of("comments", "comment", "most read", "most popular",
            "more stories", "more news", "related stories", "related articles", "related news", "you may also like",
            "recommended", "recommended for you", "trending", "trending now", "top stories", "latest news", "read next",
            "more from this section", "around the web");
    /** A closing line naming the publisher and its slogan: "Lowlands Post - news from the Netherlands and beyond". */
    private static final Pattern PUBLISHER_TAGLINE = Pattern.compile(
            "^(\\p{Lu}[\\p{L}&.'’]*(?:\\s+\\p{Lu}[\\p{L}&.'’]*){0,3})\\s+[-–—|]\\s+(\\p{Ll}[^.!?]{5,100})$");
    private static final Pattern ONLY_NUMBERS = Pattern.compile("^[\\d\\s.,:;/|•·()+%-]*$");
    private static final Pattern FURNITURE_LINE = Pattern.compile(
            "(?i)^(?:follow (?:us|\\S+) on .{1,40}|click here.{0,80}|(?:photo|image|picture|video|credit|graphic)s?\\s*:.{0,200}"
                    + "|©\\s*\\S.{0,60}/.{0,80}|\\d+\\s+(?:comments?|shares?|views?)|cookies? .{0,120}accept.{0,60}"
                    + "|sign up for .{0,80}newsletter.{0,40})$");
    private static final Pattern TEASER = Pattern.compile(
            "(?i)^(?:read more|read also|also read|see also|related|more|lesen sie auch|mehr zum thema|lire aussi|"
                    + "à lire aussi|leer más|lee también)\\s*[:>»|–—-]+\\s*(.{3,300})$");
    private static final Pattern BYLINE = Pattern.compile("^(?:By|BY|Von|Par|Por|Door) (\\p{Lu}[\\p{L}.'’ -]{1,60}(?:,? (?:and|und|et|y) \\p{Lu}[\\p{L}.'’ -]{1,60})?)$");
    /** A line that is only an IPTC 7901 date-time group: DDHHMM, an optional zone, month, year. */
    private static final Pattern DTG_LINE = Pattern.compile("^\\d{6}\\s*(?:\\p{Lu}{1,5}\\s+)?\\p{L}{3}\\p{L}*\\.?\\s+\\d{2,4}$");
    /** dpa's headline mark: " =" at the end of the headline line. */
    private static final Pattern HEADLINE_MARK = Pattern.compile("\\s+=$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)^(?:©|\\(c\\)|copyright\\b).{0,200}$");
    private static final Pattern TAG_PREFIX = Pattern.compile("(?i)^(?:tags?|topics?|themen|schlagworte|keywords|mots-clés)\\s*:\\s*");
    private static final Pattern TIME_LABEL_UPDATED = Pattern.compile("(?i)\\b(updated|last updated|modified|aktualisiert|mis à jour)\\b");
    private static final Pattern TIME_LABEL_PUBLISHED = Pattern.compile("(?i)\\b(published|posted|veröffentlicht|publié)\\b");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Set<String> DATE_WORDS = Set.of(
            "published", "updated", "last", "posted", "modified", "on", "at", "am", "pm", "gmt", "utc", "uhr", "stand",
            "aktualisiert", "veröffentlicht", "mis", "à", "jour", "le", "th", "st", "nd", "rd", "z", "t",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
            "fri", "sat", "sun", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest", "msk", "mez", "mesz");
    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
            "over", "after", "than", "is", "are", "was", "be", "its", "it", "he", "she", "his", "her", "vs", "via");

    private WebCopyCleaner() {}

    /** Lines of plain page text, with blank-line layout recorded. */
    public static List<Line> linesOf(String text) {
        List<Line> out = new ArrayList<>();
        boolean blank = true;
        for (String raw : TextHygiene.lines(text)) {
            if (raw.isBlank()) {
                blank = true;
                continue;
            }
            out.add(new Line(raw, blank, null, Kind.PARAGRAPH, null));
            blank = false;
        }
        return out;
    }

    /**
     * Cleans the lines into the draft: fills headline (unless already set), times, byline, copyright, tagline,
     * keywords, related publisher links and the body.
     *
     * @param grouped true for plain text, where consecutive lines may be one hard-wrapped paragraph
     */
    public static void clean(List<Line> input, DraftArticle d, ZoneId zone, Instant reference, boolean grouped) {
        List<Line> lines = new ArrayList<>();
        for (Line l : input) {
            if (!l.text.isEmpty()) {
                lines.add(l);
            }
        }
        // 1. publication-time lines
        WireTime updated = null;
        WireTime published = null;
        WireTime unlabelled = null;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!isTimestampLine(l.text)) {
                continue;
            }
            WireTime t = WireDates.parseLoose(l.text, zone, reference);
            if (t == null && DTG_LINE.matcher(l.text).matches()) {
                // the 7901 filing time of dpa copy saved without its envelope ("031205 GMT Jul 19")
                t = WireDates.parse7901Trailer(l.text, zone, reference);
            }
            if (t == null) {
                continue;
            }
            if (TIME_LABEL_UPDATED.matcher(l.text).find()) {
                updated = updated == null ? t : updated;
            } else if (TIME_LABEL_PUBLISHED.matcher(l.text).find()) {
                published = published == null ? t : published;
            } else if (unlabelled == null) {
                unlabelled = t;
            }
            lines.remove(i--);
        }
        if (published == null && updated != null) {
            published = unlabelled;
        }
        WireTime version = updated != null ? updated : unlabelled != null ? unlabelled : published;
        if (version != null && d.versionCreated() == null) {
            d.setVersionCreated(version);
        }
        if (published != null && d.firstCreated() == null && published != version) {
            d.setFirstCreated(published);
        }

        // 2. furniture, teasers, bylines, copyright
        boolean storyStarted = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String bare = l.text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+$", "").trim();
            if (storyStarted && TRAILING_SECTIONS.contains(bare)) {
                d.addNote("page section '" + l.text + "' and the " + (lines.size() - i - 1) + " line(s) after it dropped");
                lines.subList(i, lines.size()).clear();
                break;
            }
            storyStarted |= l.text.split("\\s+").length >= 12;
            Matcher teaser = TEASER.matcher(l.text);
            if (teaser.matches()) {
                d.addRelated(l.href, teaser.group(1), "publisher teaser (READ MORE)");
                lines.remove(i--);
                continue;
            }
            if (isFurniture(l.text)) {
                lines.remove(i--);
                continue;
            }
            Matcher by = BYLINE.matcher(l.text);
            if (by.matches() && d.byline() == null) {
                d.setByline(by.group(1).trim());
                lines.remove(i--);
                continue;
            }
            if (COPYRIGHT.matcher(l.text).matches() && l.text.split("\\s+").length <= 20) {
                if (d.copyrightNotice() == null) {
                    d.setCopyrightNotice(l.text);
                }
                lines.remove(i--);
            }
        }

        // hard-wrapped lines of plain text become paragraphs before the page is read for its shape
        if (grouped) {
            lines = group(lines);
        }

        // 3. the end of the page: tag line, then the list of other headlines
        int firstStory = firstStoryLine(lines);
        for (int k = lines.size() - 1; k >= Math.max(firstStory + 1, lines.size() - 3) && k >= 0; k--) {
            List<String> tags = tagList(lines.get(k).text);
            if (tags != null) {
                String t = TAG_PREFIX.matcher(lines.get(k).text).replaceFirst("");
                if (d.tagline() == null) {
                    d.setTagline(t);
                }
                tags.forEach(d::addKeyword);
                lines.remove(k);
                break;
            }
        }
        if (d.tagline() == null && lines.size() > firstStory + 1 && firstStory >= 0) {
            Matcher tag = PUBLISHER_TAGLINE.matcher(lines.get(lines.size() - 1).text);
            if (tag.matches()) {
                d.setTagline(lines.get(lines.size() - 1).text);
                lines.remove(lines.size() - 1);
            }
        }
        int trailing = 0;
        while (lines.size() > firstStory + 1 && firstStory >= 0) {
            Line last = lines.get(lines.size() - 1);
            if (!isHeadlineLike(last.text) || isFootnote(last.text)) {
                break;
            }
            lines.remove(lines.size() - 1);
            trailing++;
        }
        if (trailing > 0) {
            d.addNote(trailing + " trailing headline(s) of other stories dropped");
        }

        // 4. the top of the page: headline and standfirst before the first story paragraph
        firstStory = firstStoryLine(lines);
        int headerEnd = firstStory < 0 ? 0 : firstStory;
        List<Line> header = new ArrayList<>(lines.subList(0, headerEnd));
        lines.subList(0, headerEnd).clear();
        // agency copy under a dateline: a line above the story is the headline also in sentence case
        // ("Ministers agree on new rules for drones"), where a page's title-case test would drop it; dpa ends it
        // with " =" (the 7901 headline mark, kept where the envelope was stripped)
        boolean agencyCopy = !lines.isEmpty() && Datelines.find(lines.get(0).text) != null;
        // a title-like line wins; only without one is a sentence-case line taken
        Line sentenceCase = null;
        if (agencyCopy && header.stream().noneMatch(l -> !DESK_LINE.matcher(l.text).find() && isHeadlineLike(l.text))) {
            sentenceCase = header.stream()
                    .filter(l -> !DESK_LINE.matcher(l.text).find())
                    .filter(l -> isSentenceCaseHeadline(HEADLINE_MARK.matcher(l.text).replaceFirst("")))
                    .findFirst().orElse(null);
        }
        for (Line l : header) {
            if (d.headline() != null && l.text.equalsIgnoreCase(d.headline())) {
                continue;
            }
            if (DESK_LINE.matcher(l.text).find()) {
                // a line to the desk above the story ("Eds: EMBARGOED until ...", "Eds: KILL this story"): its
                // editorial signals count, the line is no story text
                io.wirestream.enrich.normalise.text.EditorialSignals.readAdvisory(d, l.text);
                d.addNote("editors' note above the story read: " + TextHygiene.shorten(l.text, 60));
                continue;
            }
            String text = agencyCopy ? HEADLINE_MARK.matcher(l.text).replaceFirst("") : l.text;
            if (d.headline() == null && (isHeadlineLike(text) || l == sentenceCase)) {
                d.setHeadline(text);
            } else if (d.description() == null && l.text.split("\\s+").length >= 8) {
                d.setDescription(l.text);
            } else {
                d.addNote("line above the story dropped: " + TextHygiene.shorten(l.text, 60));
            }
        }
        if (d.headline() != null && !lines.isEmpty() && lines.get(0).text.equalsIgnoreCase(d.headline())) {
            lines.remove(0);
        }

        // 5. body: mark subheads
        List<Line> paragraphs = lines;
        for (int i = 0; i < paragraphs.size(); i++) {
            Line p = paragraphs.get(i);
            boolean subhead = i > 0 && i < paragraphs.size() - 1 && isHeadlineLike(p.text)
                    && p.text.split("\\s+").length <= 14 && !isFootnote(p.text);
            Kind kind = p.kind == Kind.PARAGRAPH && subhead ? Kind.HEADING : p.kind;
            d.addBodyBlock(new BodyBlock(kind, p.text, p.html));
        }
    }

    /** Index of the first line that is clearly story text (a dateline, or a long sentence), or -1. */
    private static int firstStoryLine(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text;
            if (Datelines.find(t) != null) {
                return i;
            }
            if (t.split("\\s+").length >= 12 && endsSentence(t)) {
                return i;
            }
        }
        return lines.isEmpty() ? -1 : 0;
    }

    private static List<Line> group(List<Line> lines) {
        List<Line> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Line first = null;
        for (Line l : lines) {
            boolean join = first != null && !l.blankBefore && !current.isEmpty() && continues(current.get(current.size() - 1), l.text);
            if (!join && first != null) {
                out.add(new Line(TextHygiene.reflow(current), first.blankBefore, first.href, first.kind, null));
                current.clear();
            }
            if (!join) {
                first = l;
            }
            current.add(l.text);
        }
        if (first != null) {
            out.add(new Line(TextHygiene.reflow(current), first.blankBefore, first.href, first.kind, null));
        }
        return out;
    }

    /**
     * A hard-wrapped line continues when it does not end a sentence and the next starts in lower case, or with a split
     * word, or when it is as long as wrapped text is (a short line that ends without a stop is a heading, not a wrap).
     */
    private static boolean continues(String prev, String next) {
        if (prev.endsWith("-") && !prev.endsWith(" -")) {
            return true;
        }
        if (endsSentence(prev) || next.isEmpty()) {
            return false;
        }
        return Character.isLowerCase(next.codePointAt(0)) || prev.length() >= WRAPPED_LINE_LENGTH;
    }

    /** Scraped text wrapped by a tool is wrapped at 70-80 columns or wider; headings and widgets are shorter. */
    private static final int WRAPPED_LINE_LENGTH = 70;

    private static boolean endsSentence(String t) {
        return t.matches("(?s).*[.!?…:;\"”’»)]$");
    }

    static boolean isTimestampLine(String t) {
        if (t.length() > 100) {
            return false;
        }
        Matcher m = LETTERS.matcher(t);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!DATE_WORDS.contains(w) && WireDates.month(w) == null) {
                return false;
            }
        }
        return t.matches(".*\\d.*");
    }

    static boolean isFurniture(String t) {
        if (ONLY_NUMBERS.matcher(t).matches()) {
            return true;
        }
        if (isMenu(t)) {
            return true;
        }
        if (FURNITURE_LINE.matcher(t).matches()) {
            return true;
        }
        if (t.length() > 80) {
            return false;
        }
        String rest = t.toLowerCase(Locale.ROOT);
        for (String phrase : FURNITURE_PHRASES) {
            rest = rest.replace(phrase, " ");
        }
        return ONLY_NUMBERS.matcher(rest.replaceAll("[\\s\\p{Punct}|•·]+", " ")).matches();
    }

    /** A navigation line: "Home | World | Business", "News · Sport · Weather". */
    static boolean isMenu(String t) {
        String[] items = t.split("\\s+[|•·»›]\\s+");
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (item.isBlank() || item.trim().split("\\s+").length > 3) {
                return false;
            }
        }
        return true;
    }

    /** "Daesh, League of Arab States, Sergei Lavrov, Syria" or "Tags: a, b, c": three or more short, capitalised items. */
    static List<String> tagList(String line) {
        String t = TAG_PREFIX.matcher(line).replaceFirst("");
        boolean prefixed = !t.equals(line);
        if (t.length() > 400 || endsSentence(t) && !prefixed) {
            return null;
        }
        String[] parts = t.split("\\s*[,;|]\\s*");
        if (parts.length < (prefixed ? 1 : 3)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int capitalised = 0;
        for (String p : parts) {
            String item = p.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.split("\\s+").length > 5) {
                return null;
            }
            if (Character.isUpperCase(item.codePointAt(0)) || Character.isDigit(item.codePointAt(0))) {
                capitalised++;
            }
            out.add(item);
        }
        if (out.size() < (prefixed ? 1 : 3) || capitalised < out.size() * 0.7) {
            return null;
        }
        return out;
    }

    /** Short, no sentence punctuation at the end, mostly capitalised words: a headline or a subhead. */
    static boolean isHeadlineLike(String t) {
        String[] words = t.split("\\s+");
        if (words.length < 2 || words.length > 25 || t.length() > 200) {
            return false;
        }
        if (t.matches("(?s).*[.,;:]$")) {
            return false;
        }
        int content = 0;
        int capital = 0;
        for (String w : words) {
            String bare = w.replaceAll("^[\"“‘'(«*]+|[\"”’')»,]+$", "");
            if (bare.isEmpty() || SMALL_WORDS.contains(bare.toLowerCase(Locale.ROOT)) || bare.length() <= 2) {
                continue;
            }
            content++;
            if (Character.isUpperCase(bare.codePointAt(0)) || Character.isDigit(bare.codePointAt(0))) {
                capital++;
            }
        }
        return content > 0 && capital >= content * 0.6;
    }

    /** A headline in sentence case: 2-20 words, starting with a capital or a figure, no sentence punctuation at the end. */
    static boolean isSentenceCaseHeadline(String t) {
        String[] words = t.split("\\s+");
        return words.length >= 2 && words.length <= 20 && t.length() <= 160
                && (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0)))
                && !t.matches("(?s).*[.,;:]$");
    }

    /** The story's own footnotes: "* Daesh is banned in Russia", "¹ ...", "Note: ...". */
    static boolean isFootnote(String t) {
        return t.startsWith("*") || t.startsWith("†") || t.startsWith("¹") || t.matches("(?i)^(note|nb|n\\.b\\.)\\s*:.*");
    }

    private static List<String> sortedLongestFirst(List<String> phrases) {
        List<String> out = new ArrayList<>(phrases);
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }
}

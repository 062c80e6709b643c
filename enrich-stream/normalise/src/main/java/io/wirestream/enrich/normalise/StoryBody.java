package io.wirestream.enrich.normalise;

import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.Datelines;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.Embargoes;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The story text of one draft while it is assembled: blocks after text hygiene, with the desk's advice lines taken
 * off the top (kept as signals and embargo markers), sign-off lines taken off the end, and the dateline read off the
 * lead. Every step says what it removed in the notes it is given.
 */
final class StoryBody {

    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^(?:-*\\s*ends?\\s*-*|\\(?end\\)?|-0-|xxx+|#\\s?#\\s?#|-\\s*more\\s*-|more|[a-z]{1,4}(?:/[a-z]{1,4}){1,8}"
                    + "|(?:AAP|AP|dpa|AFP|PA|RTV|ANP|APA|SDA|TT|NTB|STT|ANSA|EFE)(?: [A-Za-z0-9]{1,5}){1,6}"
                    // the agency's name alone on the last line ("Reuter", "(AFP)", "-- AP"): a sign-off, and left in,
                    // a paragraph a name finder takes for a person
                    + "|(?:-{1,2}\\s*)?\\(?(?:Reuters?|REUTERS?|AAP|AP|dpa|DPA|AFP|PA|ANP|APA|SDA|TT|NTB|STT|ANSA|EFE|Ritzau)\\)?)$");
    /** Lines that address the desk: "Eds: ...", "EDITORS: ...", "EMBARGOED until ...", "Sperrfrist ...". */
    private static final Pattern ADVICE = Pattern.compile(
            "^(?:(?i:eds?|editors?|editor's note|note to editors|attention editors|hinweis an die redaktion)\\s*:"
                    + "|(?:EMBARGO|EMBARGOED|SPERRFRIST|Sperrfrist|HOLD FOR RELEASE|ATTENTION|ACHTUNG)\\b)");
    /**
     * A copyright line at the end of the text ("(c) dpa", "© 2019 AAP", "Copyright 2019 Example News. All rights
     * reserved."): the item's notice, not story. The word needs a year, a sign or "by" after it, and the line is
     * short, so a story's last sentence that opens with the word ("Copyright lawyers said ...") stays.
     */
    private static final Pattern COPYRIGHT_LINE = Pattern.compile(
            "(?i)^(?:©|\\(c\\)|copyright\\s*(?:©|\\(c\\)|\\d{4}\\b|by\\b))\\s*\\S.{0,110}$");
    /** Advice lines longer than this are story text, whatever they start with. */
    private static final int ADVICE_MAX = 300;

    /** The dateline as the article carries it: as written, the place it names, the agency it credits. */
    record DatelineFields(String dateline, String located, String source) {}

    private final List<BodyBlock> blocks;
    private final List<String> notes;
    private final Set<String> adviceSignals = new LinkedHashSet<>();
    private final List<String> embargoMarkers;
    private String copyrightLine;
    /** Where the lead was when the dateline was read off it (the headline may be derived from that position). */
    private int lead = -1;

    private StoryBody(List<BodyBlock> blocks, List<String> embargoMarkers, List<String> notes) {
        this.blocks = blocks;
        this.embargoMarkers = embargoMarkers;
        this.notes = notes;
    }

    /** The draft's body (blocks, else its HTML split into blocks) cleaned, without desk advice and sign-offs. */
    static StoryBody of(DraftArticle d, List<String> notes) {
        StoryBody body = new StoryBody(hygienicBlocks(d), new ArrayList<>(d.embargoMarkers()), notes);
        body.takeDeskAdvice();
        body.dropSignOffs();
        body.takeCopyrightLine();
        return body;
    }

    /** A copyright line that ends the text is taken off (at most one, with sign-offs around it). */
    private void takeCopyrightLine() {
        if (!blocks.isEmpty() && COPYRIGHT_LINE.matcher(blocks.get(blocks.size() - 1).text()).matches()) {
            copyrightLine = blocks.remove(blocks.size() - 1).text();
            notes.add("copyright line taken off the end of the text: " + copyrightLine);
            dropSignOffs();
        }
    }

    /** The copyright line that ended the text, or {@code null}. */
    String copyrightLine() {
        return copyrightLine;
    }

    private static List<BodyBlock> hygienicBlocks(DraftArticle d) {
        List<BodyBlock> source = new ArrayList<>(d.body());
        if (source.isEmpty() && d.bodyHtml() != null) {
            source.addAll(HtmlBlocks.blocks(d.bodyHtml()));
        }
        List<BodyBlock> blocks = new ArrayList<>();
        for (BodyBlock b : source) {
            if (b.kind() == BodyBlock.Kind.TABLE) {
                blocks.add(b); // cleaned cell by cell by its parser; cleaning it as one run would join its rows
                continue;
            }
            if (b.kind() == BodyBlock.Kind.PRE) {
                // preformatted copy (results, listings) keeps its lines; each is cleaned on its own
                String t = TextHygiene.cleanLines(b.text());
                if (!t.isEmpty()) {
                    blocks.add(new BodyBlock(b.kind(), t, null));
                }
                continue;
            }
            String t = TextHygiene.clean(b.text());
            if (t.isEmpty() || TextHygiene.isRule(t)) {
                continue;
            }
            blocks.add(t.equals(b.text()) ? b : new BodyBlock(b.kind(), t, b.html()));
        }
        return blocks;
    }

    /** An editors' note or embargo line at the top of the text is advice to the desk, not story. */
    private void takeDeskAdvice() {
        while (!blocks.isEmpty() && blocks.get(0).text().length() < ADVICE_MAX
                && ADVICE.matcher(blocks.get(0).text()).find()) {
            String advice = blocks.remove(0).text();
            adviceSignals.addAll(EditorialSignals.fromAdvisoryText(advice));
            if (Embargoes.isMarker(advice)) {
                embargoMarkers.add(advice);
            }
            notes.add("editors' note removed from the body: " + advice);
        }
    }

    private void dropSignOffs() {
        while (!blocks.isEmpty() && SIGN_OFF.matcher(blocks.get(blocks.size() - 1).text()).matches()) {
            notes.add("sign-off line dropped: " + blocks.remove(blocks.size() - 1).text());
        }
    }

    /** Signals read from the advice lines taken off the top. */
    Set<String> adviceSignals() {
        return Collections.unmodifiableSet(adviceSignals);
    }

    /** The draft's embargo markers and those of the advice lines taken off the top. */
    List<String> embargoMarkers() {
        return Collections.unmodifiableList(embargoMarkers);
    }

    /**
     * The dateline: the draft's dateline field unless it holds only a time, and the one written at the start of the
     * lead, which is removed from the lead. The lead's wins where the field cannot be read as a dateline.
     */
    DatelineFields takeDateline(DraftArticle d) {
        String dateline = datelineField(d);
        String located = clean(d.located());
        String source = clean(d.datelineSource());
        Datelines.Dateline field = Datelines.parseField(dateline);
        lead = leadIndex();
        Datelines.Dateline inLead = lead < 0 ? null : Datelines.find(blocks.get(lead).text());
        if (inLead != null) {
            removeFromLead(lead, inLead);
            if (dateline == null || field == null) {
                dateline = inLead.written();
            }
            if (inLead.place() != null) {
                located = inLead.place();
            }
            if (source == null) {
                source = inLead.source();
            }
        } else if (field != null) {
            if (located == null || field.source() != null) {
                located = field.place(); // the place the dateline names
            }
            if (source == null) {
                source = field.source();
            }
        }
        return new DatelineFields(dateline, located, source);
    }

    private String datelineField(DraftArticle d) {
        String dateline = clean(d.dateline());
        if (dateline != null && Datelines.parseField(dateline) == null
                && WireDates.parseLoose(dateline, ZoneOffset.UTC, null) != null) {
            notes.add("dateline field holds only a time (" + dateline + "); not kept as a dateline");
            return null;
        }
        return dateline;
    }

    private void removeFromLead(int lead, Datelines.Dateline inLead) {
        BodyBlock b = blocks.get(lead);
        String rest = b.text().substring(Math.min(inLead.end(), b.text().length())).trim();
        if (rest.isEmpty()) {
            blocks.remove(lead);
        } else {
            blocks.set(lead, new BodyBlock(b.kind(), rest, stripLeading(b.html(), inLead.written(), rest)));
        }
    }

    /** Index of the lead: the first paragraph among the first three blocks, or -1. */
    private int leadIndex() {
        for (int i = 0; i < blocks.size() && i < 3; i++) {
            if (blocks.get(i).kind() == BodyBlock.Kind.PARAGRAPH) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text at the lead's position as it was found before the dateline was read off it, or {@code null} when the
     * body had no lead; after a lead that was only a dateline, that is the block that followed it.
     */
    String leadText() {
        return lead < 0 ? null : blocks.get(lead).text();
    }

    /** Drops the first block when it only repeats the headline (full stops and spaces at its end aside). */
    void dropRepeatedHeadline(String headline) {
        if (!blocks.isEmpty() && blocks.get(0).text().replaceAll("[.\\s]+$", "").equalsIgnoreCase(headline)) {
            blocks.remove(0);
            notes.add("first body block repeated the headline; dropped");
        }
    }

    List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>(blocks.size());
        for (BodyBlock b : blocks) {
            paragraphs.add(b.text());
        }
        return paragraphs;
    }

    /** The blocks as sanitised HTML; empty for an empty body. */
    String html() {
        return blocks.isEmpty() ? "" : HtmlBlocks.render(blocks);
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = TextHygiene.clean(s);
        return c.isEmpty() ? null : c;
    }

    /** Removes the dateline from the start of a block's inline HTML; falls back to plain text when unsure. */
    static String stripLeading(String html, String written, String rest) {
        if (html == null) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        int toConsume = written.replaceAll("\\s+", "").length();
        List<TextNode> texts = new ArrayList<>();
        collectText(body, texts);
        for (TextNode t : texts) {
            if (toConsume <= 0) {
                break;
            }
            String s = t.getWholeText();
            int i = 0;
            while (i < s.length() && toConsume > 0) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    toConsume--;
                }
                i++;
            }
            t.text(s.substring(i));
        }
        for (Element e : body.getAllElements()) {
            if (e != body && e.text().isBlank() && e.childrenSize() == 0 && !e.normalName().equals("br")) {
                e.remove();
            }
        }
        String out = body.html().trim();
        String plain = TextHygiene.clean(Jsoup.parseBodyFragment(out).text());
        return plain.replace(" ", "").equals(rest.replace(" ", "")) ? out.replaceFirst("^\\s+", "") : null;
    }

    private static void collectText(Node n, List<TextNode> out) {
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) {
                out.add(t);
            } else {
                collectText(c, out);
            }
        }
    }
}

package io.wirestream.enrich.normalise.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Paragraphs of a plain-text story body, whatever format carried it (ninjs and JSON {@code body_text}, IPTC 7901,
 * NewsML text content, Atom text, e-mail). The one entry point every parser of plain text calls: {@link #of}.
 *
 * <p>Agencies send plain copy hard-wrapped at 60-80 columns and mark paragraphs by indenting their first line, by
 * blank lines, or both. A text counts as hard-wrapped when its lines break mid-sentence at a common width (see
 * {@link #wrapWidth}); then the wrapped lines of a paragraph are joined and a paragraph starts at:
 * <ul>
 *   <li>a blank line;</li>
 *   <li>a line indented deeper than the paragraph's continuation lines;</li>
 *   <li>a list item ("- ", "* ", "• ", "1. ") after another, a sentence end or a colon;</li>
 *   <li>only in copy that marks no paragraph at all (no blank line, no indentation): a line after a sentence end
 *       that the previous line clearly had room for, since a writer wrapping at that width would have put the word
 *       on the previous line;</li>
 *   <li>a table row (agate, column-aligned), which stays a line of its own and is never joined with its neighbours.</li>
 * </ul>
 * A text that is not hard-wrapped (one long line per paragraph, or short lines that end their sentences) keeps its
 * lines as they are: blank lines, where there are any, and indentation separate paragraphs, else every line is one.
 */
public final class PlainTextParagraphs {

    /** Narrower "wraps" are short lines (results, lists, headings), not a column width: agencies wrap at 60-80. */
    static final int MIN_WRAP_WIDTH = 45;
    /** Wider lines are paragraphs written on one line. */
    static final int MAX_WRAP_WIDTH = 100;
    /** How far past the wrap width a line may run (a word that did not fit, a long number) and still be wrapped copy. */
    private static final int OVERRUN = 10;
    /**
     * Wrapped copy is ragged: on Reuters copy 98% of lines within a paragraph end with less room than the next word
     * plus this many columns.
     */
    private static final int RAGGED = 10;
    /** Lines indented deeper than this start paragraphs, so they are never the continuation of a wrapped line. */
    private static final int MAX_MARGIN = 1;
    /** Share of mid-sentence breaks that may have room for the next word (edited copy) in a wrapped text. */
    private static final double MEANT_BREAK_SHARE = 0.25;
    /** Share of lines that may run past the width in a wrapped text. */
    private static final double OVERLONG_SHARE = 0.1;

    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:]['\"’”»)\\]]*$");
    /** A break after these is not mid-sentence, so it is no evidence of wrapping. */
    private static final Pattern CLAUSE_END = Pattern.compile(".*[.!?:;]['\"’”»)\\]]*$");
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)(?:^|[\\s(])(?:(?:\\p{L}\\.){2,}|(?:\\p{L}|"
            + "corp|inc|co|ltd|plc|bros|mr|mrs|ms|dr|prof|st|jr|sr|gen|gov|sen|rep|no|nos|vs|approx|jan|feb|mar|apr|jun|"
            + "jul|aug|sep|sept|oct|nov|dec)\\.)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^([-*•·–]|\\d{1,2}[.)])\\s+\\S.*");
    /** Two or more spaces between columns, not the two spaces some writers put after a full stop. */
    private static final Pattern COLUMN_GAP = Pattern.compile("(?<=[^\\s.!?:;]) {2,}(?=\\S)");
    private static final Pattern WIDE_GAP = Pattern.compile("\\S {3,}\\S");

    private PlainTextParagraphs() {}

    /** Cleaned, non-empty paragraphs of a plain-text body; an empty list for {@code null} or blank text. */
    public static List<String> of(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        for (String raw : TextHygiene.lines(text)) {
            lines.add(Line.of(raw));
        }
        int width = wrapWidth(lines);
        return width > 0 ? reflowed(lines, width) : asWritten(lines);
    }

    /**
     * The column width the text was wrapped at, or 0 when it is not hard-wrapped. A break is mid-sentence when its
     * line ends without a sentence or clause end and the next line starts at the margin (not indented; a list item
     * or a one-word last line, often a sign-off, does not count); the width is the longest such line. A break whose line had
     * clearly room for the next word was meant (a list, results, a heading). The text is wrapped when the width lies
     * between {@link #MIN_WRAP_WIDTH} and {@link #MAX_WRAP_WIDTH}, few breaks after the first line were meant, and
     * hardly any line runs past the width. Text whose every line is indented is not wrapped: each line is a
     * paragraph.
     */
    static int wrapWidth(List<Line> lines) {
        int margin = margin(lines);
        if (margin > MAX_MARGIN) {
            return 0; // every line indented: each line starts a paragraph
        }
        List<Line[]> breaks = new ArrayList<>();
        Line first = lines.stream().filter(Line::prose).findFirst().orElse(null);
        Line last = null;
        for (Line l : lines) {
            last = l.prose() ? l : last;
        }
        int width = 0;
        int prose = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line a = lines.get(i);
            if (!a.prose()) {
                continue;
            }
            prose++;
            Line b = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean signOff = b == last && b != null && b.text().strip().indexOf(' ') < 0;
            if (b != null && b.prose() && b.indent() == margin && !signOff && !b.listItem()
                    && !CLAUSE_END.matcher(a.text()).matches()) {
                breaks.add(new Line[] {a, b});
                width = Math.max(width, a.width());
            }
        }
        if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) {
            return 0;
        }
        int meant = 0;
        for (Line[] br : breaks) {
            // the first line is where a dateline is cut off or set in: its length tells nothing
            meant += br[0] != first && roomFor(br[0], br[1], width) ? 1 : 0;
        }
        if (meant > breaks.size() * MEANT_BREAK_SHARE) {
            return 0;
        }
        int overlong = 0;
        for (Line l : lines) {
            if (l.prose() && l.width() > width + OVERRUN) {
                overlong++;
            }
        }
        return overlong > prose * OVERLONG_SHARE ? 0 : width;
    }

    private static List<String> reflowed(List<Line> lines, int width) {
        int margin = margin(lines);
        boolean marked = marksParagraphs(lines, margin);
        List<String> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Line prev = null;
        for (Line line : lines) {
            if (line.blank()) {
                flush(current, out);
                prev = null;
                continue;
            }
            if (line.row()) {
                flush(current, out);
                current.add(line.text());
                flush(current, out);
                prev = line;
                continue;
            }
            boolean start = prev == null
                    || prev.row()
                    || line.indent() > margin
                    || line.listItem() && (prev.listItem() || prev.endsSentence() || prev.text().endsWith(":"))
                    || !marked && prev.endsSentence() && roomFor(prev, line, width);
            if (start) {
                flush(current, out);
            }
            current.add(line.text());
            prev = line;
        }
        flush(current, out);
        return out;
    }

    /** The left margin: the least indentation of any line of prose. Deeper indentation marks a paragraph's start. */
    private static int margin(List<Line> lines) {
        int margin = Integer.MAX_VALUE;
        for (Line l : lines) {
            if (l.prose()) {
                margin = Math.min(margin, l.indent());
            }
        }
        return margin == Integer.MAX_VALUE ? 0 : margin;
    }

    /** True when the copy marks paragraphs itself, by blank lines or by indentation, so line lengths need not tell. */
    private static boolean marksParagraphs(List<Line> lines, int margin) {
        boolean text = false;
        boolean gap = false;
        for (Line l : lines) {
            if (text && l.prose() && (gap || l.indent() > margin)) {
                return true;
            }
            text |= l.prose();
            gap = text && l.blank();
        }
        return false;
    }

    /**
     * True when the first word of {@code next} would clearly have fitted on {@code prev} at this width: with room to
     * spare beyond the ragged right edge that wire copy has even when wrapped (lines end up to {@link #RAGGED} columns
     * short of the width without a reason).
     */
    private static boolean roomFor(Line prev, Line next, int width) {
        String t = next.text().strip();
        int space = t.indexOf(' ');
        int word = space < 0 ? t.length() : space;
        return prev.width() + 1 + word <= width - RAGGED;
    }

    /** Text that is not hard-wrapped: blank lines and indentation separate paragraphs when there are blank lines. */
    private static List<String> asWritten(List<Line> lines) {
        boolean anyBlank = false;
        for (int i = 1; i < lines.size() - 1 && !anyBlank; i++) {
            anyBlank = lines.get(i).blank();
        }
        List<String> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (Line line : lines) {
            if (line.blank() || !anyBlank || line.indent() >= 2 || line.row()) {
                flush(current, out);
            }
            if (!line.blank()) {
                current.add(line.text());
            }
            if (line.row()) {
                flush(current, out);
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(List<String> current, List<String> out) {
        if (!current.isEmpty()) {
            String p = TextHygiene.reflow(current);
            if (!p.isEmpty()) {
                out.add(p);
            }
            current.clear();
        }
    }

    /** One line, controls removed and tabs expanded, trailing space dropped; indentation kept for the layout. */
    record Line(String text, int indent, boolean row) {

        static Line of(String raw) {
            String t = TextHygiene.stripControls(raw).stripTrailing();
            int indent = 0;
            while (indent < t.length() && Character.isWhitespace(t.charAt(indent))) {
                indent++;
            }
            return new Line(t, indent, isRow(t.substring(indent)));
        }

        /**
         * A table or agate row: ANPA's '^' row mark, or columns set apart by runs of spaces (a tab counts as four):
         * one gap of three or more, or two gaps of two.
         */
        static boolean isRow(String content) {
            if (content.startsWith("^")) {
                return true;
            }
            if (WIDE_GAP.matcher(content).find()) {
                return true;
            }
            return COLUMN_GAP.matcher(content).results().count() >= 2;
        }

        boolean blank() {
            return indent == text.length();
        }

        boolean prose() {
            return !blank() && !row();
        }

        int width() {
            return text.length();
        }

        /** Ends with a full stop, question or exclamation mark, or colon, and not with an abbreviation ("U.S.", "Corp."). */
        boolean endsSentence() {
            return SENTENCE_END.matcher(text).matches() && !ABBREVIATION.matcher(text).find();
        }

        boolean listItem() {
            return LIST_ITEM.matcher(text.substring(indent)).matches();
        }
    }
}

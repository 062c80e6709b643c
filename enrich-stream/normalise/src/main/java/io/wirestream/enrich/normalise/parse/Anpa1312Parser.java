package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.newsformats.format.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANPA-1312, as AP and others transmit it. The binary envelope: SYN SYN SOH, a service letter and 4-digit sequence,
 * US and a selector; then the priority letter, category letter, format bytes (DC3/DC4 + DC1/DC2) and the keyword line
 * (cycle, desk, slug, take/version, filing date, word count); STX starts the text, whose header lines begin with
 * '^' (keyword line, headline, editors' notes, summary; bylines end with '='), paragraphs begin with a TAB (or, where
 * a feed expanded the tabs, two or more spaces), and ETX ends it, followed by a trailer with the filing time
 * ("AP-WF-11-13-13 1509GMT", "AP-NY-07-03-19 1405EDT"; a zone-less one is read in the source's zone). Some senders
 * put spaces before the US, some strip it (the sequence then ends its line). Several messages in one file are
 * read in order and continuation takes ("2nd Take", "Add") are appended to the story they continue.
 *
 * <p>TTS conventions are turned into text: `` and '' become curly double quotes, a lone ` an opening single quote,
 * and AP's " _ " dash becomes an em dash. The format has no story id, so the assembler derives one from the content.
 *
 * <p>Agate (standings, box scores: rows of tab- or semicolon-separated columns, see {@link AgateTable}) becomes
 * tables in the body, with the short lines between them as headings; the headline is then only a line above the
 * first table that is not one of its labels, else the keyword line's slug ("Baseball Expanded Glance").
 */
public final class Anpa1312Parser implements FormatParser {

    private static final Pattern ENVELOPE = Pattern.compile(
            "\\x16*\\x01([A-Za-z])(\\d{4})[ \\t]*(?:\\x1f([^\\r\\n]*)|(?=\\r?\\n))");
    private static final Pattern HEADER2 = Pattern.compile(
            "^([A-Za-z]) ([A-Za-z])?[\\x13\\x14]?[\\x11\\x12]? ?(.*?)(?:\\s+(\\d{1,2})-(\\d{1,2})\\s+(\\d{0,5}))?\\s*$");
    private static final Pattern KEYWORD = Pattern.compile(
            "^(?:(AM|PM|BC|AP)-)?(?:([A-Za-z]{1,4})--)?([^,]+?)(?:,\\s*(.*?))?(?:,\\s*(\\d+))?\\s*$");
    private static final Pattern TAKE = Pattern.compile("(?i)\\b(\\d+(st|nd|rd|th)\\s?Take|Take\\s?\\d+|Add(\\s?\\d+)?)\\b");
    /** A paragraph indented with spaces instead of a TAB, as feeds that expand tabs send it. */
    private static final Pattern SPACE_INDENT = Pattern.compile(" {2,}\\S");
    private static final Pattern DASH = Pattern.compile("(?<=\\S) _ (?=\\S)");

    @Override
    public WireFormat format() {
        return WireFormat.ANPA_1312;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        String all = in.plainText();
        List<String> messages = split(all);
        if (messages.isEmpty()) {
            throw ParseInput.refusal("malformed-anpa", "no SOH-framed ANPA message in the payload");
        }
        List<DraftArticle> out = new ArrayList<>();
        DraftArticle previous = null;
        String previousSlug = null;
        for (String msg : messages) {
            in.deadline().check();
            Message m = read(msg, in);
            if (m == null) {
                continue;
            }
            boolean continuation = previous != null && m.take != null && TAKE.matcher(m.take).find()
                    && m.slug != null && m.slug.equalsIgnoreCase(previousSlug);
            if (continuation) {
                previous.addBodyBlocks(m.draft.body());
                previous.addNote("take appended: " + m.take);
                continue;
            }
            out.add(m.draft);
            previous = m.draft;
            previousSlug = m.slug;
        }
        if (out.isEmpty()) {
            throw ParseInput.refusal("malformed-anpa", "ANPA envelope without an STX-framed text");
        }
        return out;
    }

    /** Splits a payload into messages at each SOH that starts an envelope. */
    static List<String> split(String all) {
        List<String> out = new ArrayList<>();
        Matcher m = ENVELOPE.matcher(all);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : all.length();
            out.add(all.substring(starts.get(i), end));
        }
        return out;
    }

    private record Message(DraftArticle draft, String slug, String take) {}

    private Message read(String msg, ParseInput in) {
        DraftArticle d = new DraftArticle();
        d.setItemClass("anpa-1312 text");
        Matcher env = ENVELOPE.matcher(msg);
        if (!env.lookingAt()) {
            return null;
        }
        d.addSourceId("anpa:service", env.group(1));
        d.addSourceId("anpa:sequence", env.group(2));
        String selector = env.group(3) == null ? "" : env.group(3).trim();
        if (!selector.isEmpty() && !selector.matches("-+")) {
            d.addSourceId("anpa:selector", selector);
        }
        int stx = msg.indexOf('\u0002');
        if (stx < 0) {
            return null;
        }
        String header = msg.substring(env.end(), stx).replace("\r", "").trim();
        String slug = null;
        String take = null;
        Matcher h2 = HEADER2.matcher(header.lines().findFirst().orElse(""));
        if (h2.find()) {
            String priority = h2.group(1).toLowerCase(Locale.ROOT);
            d.setUrgency(urgency(priority));
            d.addSourceId("anpa:priority", priority);
            if (h2.group(2) != null) {
                String cat = h2.group(2).toLowerCase(Locale.ROOT);
                d.addSubject("anpa-category:" + cat, null);
            }
            Keyword k = keyword(h2.group(3));
            if (k != null) {
                slug = k.slug;
                take = k.take;
            }
            if (h2.group(6) != null && !h2.group(6).isEmpty()) {
                d.addSourceId("anpa:word-count", h2.group(6));
            }
        }
        int etx = msg.indexOf('\u0003', stx);
        String text = msg.substring(stx + 1, etx < 0 ? msg.length() : etx);
        String trailer = etx < 0 ? "" : msg.substring(etx + 1);
        // the trailer may start on the line after ETX: take its first non-blank line
        WireTime filed = WireDates.parseAnpaTrailer(trailer.lines().filter(l -> !l.isBlank()).findFirst().orElse(""), in.zone(),
                in.reference());
        if (filed != null) {
            d.setVersionCreated(filed);
        }

        List<String> headerLines = new ArrayList<>();
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = null;
        List<String> textLines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n"));
        int agateStart = firstTableRun(textLines);
        for (String raw : agateStart < 0 ? textLines : textLines.subList(0, agateStart)) {
            String line = raw.replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
            if (line.startsWith("^") && current == null) {
                headerLines.add(line.substring(1));
                continue;
            }
            if (raw.startsWith("\t") || SPACE_INDENT.matcher(raw).lookingAt()) {
                current = new ArrayList<>();
                paragraphs.add(current);
                current.add(line.trim());
            } else if (line.isBlank()) {
                if (current != null) {
                    current = new ArrayList<>(); // blank line ends a paragraph
                    paragraphs.add(current);
                }
            } else if (current != null) {
                current.add(line.trim());
            } else {
                headerLines.add(line);
            }
        }
        List<String> storyLines = readHeaderLines(headerLines, d);
        if (agateStart < 0) {
            if (!storyLines.isEmpty()) {
                d.setHeadline(storyLines.get(0));
            }
            if (paragraphs.stream().allMatch(List::isEmpty) && storyLines.size() > 1) {
                // no TAB paragraph at all: a feed that marks every line with '^' sends its story as such lines
                storyLines.subList(1, storyLines.size()).forEach(l -> d.addBodyBlock(BodyBlock.paragraph(l)));
                d.addNote("no TAB paragraphs: the '^' lines under the headline read as the text");
            } else if (storyLines.size() > 1) {
                d.setDescription(storyLines.get(1));
            }
        } else {
            // agate: the lines above the first table are the headline at most, then the table's own labels
            // ("AMERICAN LEAGUE", "All Times EDT"); with no headline line the keyword line's slug stands in
            List<String> labels = new ArrayList<>(storyLines);
            if (!labels.isEmpty() && !isSectionLabel(labels.get(0))) {
                d.setHeadline(labels.remove(0));
            }
            labels.forEach(l -> d.addBodyBlock(BodyBlock.heading(l)));
        }
        for (String h : headerLines) {
            // "EMBARGOED until ...": read against the item's own time by the assembler; a full date is read now
            if (io.wirestream.enrich.normalise.text.Embargoes.isMarker(h)) {
                WireTime embargo = io.wirestream.enrich.normalise.text.Embargoes.find(h, in.zone(), in.reference());
                if (embargo != null && d.embargoed() == null) {
                    d.setEmbargoed(embargo);
                } else if (!d.embargoMarkers().contains(h.trim())) {
                    d.addEmbargoMarker(h.trim());
                }
            }
        }
        if (d.slug() != null) {
            // the keyword line inside the text is complete; the envelope's copy may be cut to a fixed width
            Keyword k = keyword(d.slug());
            slug = k == null ? d.slug() : k.slug;
            if (k != null && k.take != null) {
                take = k.take;
            }
        }
        for (List<String> p : paragraphs) {
            String para = tts(TextHygiene.reflow(p));
            if (!para.isBlank() && !TextHygiene.isRule(para)) {
                d.addBodyBlock(BodyBlock.paragraph(para));
            }
        }
        if (agateStart >= 0) {
            readAgate(textLines.subList(agateStart, textLines.size()), d);
            d.addNote("agate: tabular lines read as tables");
        }
        if (slug != null) {
            d.setSlug(slug);
            d.addKeyword(slug);
            d.addSourceId("anpa:keyword", slug);
        }
        if (take != null) {
            d.addSourceId("anpa:version", take);
            d.addSignals(EditorialSignals.fromTakeKey(take));
        }
        return new Message(d, slug, take);
    }

    private record Keyword(String slug, String take) {}

    /** "BC-BKN--Heat-Hawks, 1st Ld-Writethru,416" or "BC-LT--Argentina-CancerB" -> slug and take. */
    static Keyword keyword(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String f = field.trim().replaceAll("[<=]+$", "").trim();
        Matcher m = KEYWORD.matcher(f);
        if (!m.matches()) {
            return null;
        }
        String slug = m.group(3).trim();
        String take = m.group(4) == null ? null : m.group(4).trim();
        if (take != null && take.matches("\\d+")) {
            take = null; // the word count
        }
        if (take == null) {
            // header keyword lines put the version after a space: "Heat-Hawks 1stLd-Writethru"
            int sp = slug.indexOf(' ');
            if (sp > 0 && EditorialSignals.fromTakeKey(slug.substring(sp + 1)).size() > 0) {
                take = slug.substring(sp + 1).trim();
                slug = slug.substring(0, sp).trim();
            }
        }
        return new Keyword(slug, take == null || take.isEmpty() ? null : take);
    }

    /**
     * Reads the keyword line, bylines, editors' notes and photo lines off the header lines; returns the other lines
     * (headline, summary, labels) in order, TTS typography resolved.
     */
    private static List<String> readHeaderLines(List<String> lines, DraftArticle d) {
        List<String> story = new ArrayList<>();
        boolean keywordSeen = false;
        List<String> bylines = new ArrayList<>();
        for (String raw : lines) {
            String line = TextHygiene.clean(raw);
            boolean byline = line.endsWith("=");
            line = line.replaceAll("[<=]+$", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            if (!keywordSeen && line.matches("^(AM|PM|BC|AP)-.*")) {
                keywordSeen = true;
                d.setSlug(line);
                Keyword k = keyword(line);
                if (k != null && k.take != null) {
                    d.addSignals(EditorialSignals.fromTakeKey(k.take));
                }
                continue;
            }
            if (byline) {
                bylines.add(line);
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("eds:") || lower.startsWith("editor's note") || lower.startsWith("editors:")
                    || lower.startsWith("eds note")) {
                EditorialSignals.readAdvisory(d, line.substring(line.indexOf(':') + 1));
                d.addNote("editors' note: " + line);
                continue;
            }
            if (lower.startsWith("ap photo") || lower.startsWith("ap video") || lower.startsWith("with photo")) {
                continue;
            }
            story.add(tts(line));
        }
        if (!bylines.isEmpty()) {
            // the first '=' line is the name ("By ..."); later ones are its title ("Associated Press"), like NITF's byttl
            d.setByline(bylines.get(0));
        }
        return story;
    }

    /**
     * Where the agate starts: the first row-like line (see {@link AgateTable}) of a message that has a run of rows
     * somewhere, so a column header set above a label ("^;W;L;Pct", "^NORTH DIVISION") is part of it; -1 for a
     * message without a table.
     */
    static int firstTableRun(List<String> lines) {
        int firstRow = -1;
        int run = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (AgateTable.cells(agateLine(lines.get(i))) != null) {
                firstRow = firstRow < 0 ? i : firstRow;
                if (++run >= AgateTable.MIN_ROWS) {
                    return firstRow;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    /**
     * The agate part of a message: runs of rows become tables; short lines between them are their labels
     * (headings); anything else is a paragraph.
     */
    private static void readAgate(List<String> lines, DraftArticle d) {
        List<List<String>> rows = new ArrayList<>();
        List<String> columnHeader = null;
        for (String raw : lines) {
            String line = agateLine(raw);
            List<String> cells = AgateTable.cells(line);
            if (cells != null) {
                if (rows.isEmpty() && columnHeader != null && columnHeader.size() == cells.size()) {
                    rows.add(columnHeader); // the header set above the label heads the table below it
                }
                columnHeader = null;
                rows.add(cells);
                continue;
            }
            if (rows.size() == 1 && !AgateTable.hasFigure(rows.get(0))) {
                columnHeader = rows.remove(0);
            }
            flushTable(rows, d);
            String text = tts(TextHygiene.clean(line));
            if (text.isEmpty() || TextHygiene.isRule(text)) {
                continue;
            }
            boolean label = text.length() <= 60 && !text.matches(".*[.!?\"”]$");
            d.addBodyBlock(label ? BodyBlock.heading(text) : BodyBlock.paragraph(text));
        }
        if (columnHeader != null) {
            rows.add(columnHeader);
        }
        flushTable(rows, d);
    }

    private static void flushTable(List<List<String>> rows, DraftArticle d) {
        if (rows.size() >= AgateTable.MIN_ROWS) {
            d.addBodyBlock(AgateTable.block(new ArrayList<>(rows)));
        } else {
            for (List<String> row : rows) {
                d.addBodyBlock(BodyBlock.paragraph(String.join(" ", row).trim()));
            }
        }
        rows.clear();
    }

    /**
     * One agate line without its wire marks: control characters, the '^' that starts a header-style line and the
     * '<' or '=' that ends it; a TAB that indents a paragraph line is indentation, not an empty first cell.
     */
    static String agateLine(String raw) {
        String line = raw.replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
        if (line.startsWith("^")) {
            line = line.substring(1);
        } else if (line.startsWith("\t")) {
            line = line.substring(1).replaceFirst("^ +", "");
        }
        return line.replaceAll("[<=]+\\s*$", "");
    }

    /** A table's own label above it rather than a headline: capitals only ("AMERICAN LEAGUE"), or "All Times ...". */
    static boolean isSectionLabel(String line) {
        String letters = line.replaceAll("[^\\p{L}]", "");
        return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT))
                || line.regionMatches(true, 0, "All Times", 0, 9);
    }

    /** TTS typography: `` '' to curly double quotes, ` to an opening single quote, " _ " to an em dash. */
    static String tts(String s) {
        String t = s.replace("``", "“").replace("''", "”").replace('`', '‘');
        return DASH.matcher(t).replaceAll(" — ");
    }

    /** ANPA priority letters to ninjs urgency; unknown letters give none. */
    static Integer urgency(String letter) {
        return switch (letter) {
            case "f" -> 1; // flash
            case "b" -> 2; // bulletin
            case "u" -> 3; // urgent
            case "r" -> 4; // routine (AP's media API pairs editorialpriority r with urgency 4)
            case "d" -> 6; // deferred
            case "a" -> 7; // advance
            default -> null;
        };
    }
}

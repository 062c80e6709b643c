package io.wirestream.enrich.normalise.html;

import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.BodyBlock.Kind;
import io.wirestream.enrich.normalise.text.TextHygiene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Splits an HTML (or XHTML, or NITF body) fragment into body blocks: one per paragraph, heading, list item, quote,
 * with each block's inline markup kept as sanitised HTML (links, emphasis) and its text cleaned and re-flowed.
 * {@code <br>} inside a block is a soft wrap; two or more in a row separate paragraphs. A table of data becomes one
 * table block (cells kept apart); a layout table gives its paragraphs. Scripts, styles, forms, media, headers and
 * footers never become text.
 */
public final class HtmlBlocks {

    /** Inline markup a block may keep. */
    public static final Safelist INLINE = new Safelist()
            .addTags("a", "b", "strong", "i", "em", "u", "sub", "sup", "q", "cite", "abbr", "code", "small", "mark", "s")
            .addAttributes("a", "href", "title")
            .addAttributes("abbr", "title")
            .addProtocols("a", "href", "http", "https", "mailto");

    /** What the article's bodyHtml may contain: jsoup's relaxed list without images (media are not the body). */
    public static final Safelist BODY = Safelist.relaxed().removeTags("img");

    private static final Set<String> DROP = Set.of(
            "script", "style", "noscript", "iframe", "object", "embed", "form", "button", "input", "select", "textarea",
            "svg", "canvas", "nav", "footer", "header", "figure", "img", "video", "audio", "source", "picture",
            "template", "head", "title", "meta", "link", "media", "media-reference", "note", "ed-msg", "byline",
            "dateline.unused", "fixture");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2");
    private static final Set<String> ITEMS = Set.of("li", "dt", "dd");
    private static final Set<String> QUOTES = Set.of("blockquote", "bq");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "aside", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
            "tr", "pre", "address", "center", "body", "html", "block", "body.content", "body.head", "body.end",
            "hedline", "abstract", "tagline", "fieldset", "details", "summary", "hr", "figcaption", "caption");
    private static final Pattern SPACE_RUN = Pattern.compile("\\s+");
    /** Longest cell of a data table; longer text is prose in a layout table. */
    private static final int MAX_CELL = 120;

    private final List<BodyBlock> out = new ArrayList<>();
    private final List<Node> buffer = new ArrayList<>();
    private final Set<String> extraDrop;
    private final String baseUri;

    private HtmlBlocks(Set<String> extraDrop, String baseUri) {
        this.extraDrop = extraDrop;
        this.baseUri = baseUri == null ? "" : baseUri;
    }

    /** Blocks of a fragment. */
    public static List<BodyBlock> blocks(String html) {
        return blocks(html, Set.of());
    }

    /** Blocks of a fragment, also dropping elements with the given tag names. */
    public static List<BodyBlock> blocks(String html, Set<String> extraDrop) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        return blocks(doc.body(), extraDrop);
    }

    /** Blocks of an already parsed element (web pages hand in the chosen story container). */
    public static List<BodyBlock> blocks(Element root, Set<String> extraDrop) {
        HtmlBlocks w = new HtmlBlocks(extraDrop, root.baseUri());
        w.walk(root, Kind.PARAGRAPH);
        w.flush(Kind.PARAGRAPH);
        return w.out;
    }

    private boolean dropped(Element e) {
        String tag = e.normalName();
        return DROP.contains(tag) || extraDrop.contains(tag);
    }

    private static boolean isBlock(Element e) {
        String tag = e.normalName();
        return BLOCKS.contains(tag) || HEADINGS.contains(tag) || ITEMS.contains(tag) || QUOTES.contains(tag);
    }

    private static Kind kindOf(Element e, Kind inherited) {
        String tag = e.normalName();
        if (HEADINGS.contains(tag)) {
            return Kind.HEADING;
        }
        if (ITEMS.contains(tag)) {
            return Kind.LIST_ITEM;
        }
        if (QUOTES.contains(tag)) {
            return Kind.QUOTE;
        }
        if (tag.equals("pre")) {
            return Kind.PRE;
        }
        return inherited;
    }

    private void walk(Element el, Kind kind) {
        int brRun = 0;
        for (Node n : el.childNodes()) {
            if (n instanceof Element e) {
                if (dropped(e)) {
                    continue;
                }
                if (e.normalName().equals("br")) {
                    brRun++;
                    if (brRun >= 2) {
                        flush(kind);
                    } else {
                        buffer.add(e);
                    }
                    continue;
                }
                if (e.normalName().equals("table")) {
                    BodyBlock table = dataTable(e);
                    if (table != null) {
                        brRun = 0;
                        flush(kind);
                        Element caption = e.selectFirst("caption");
                        String title = caption == null ? "" : TextHygiene.clean(caption.text());
                        if (!title.isEmpty()) {
                            out.add(BodyBlock.heading(title)); // the table's caption heads it
                        }
                        out.add(table);
                        continue;
                    }
                }
                if (isBlock(e) || hasBlockDescendant(e)) {
                    brRun = 0;
                    flush(kind);
                    Kind k = kindOf(e, kind);
                    walk(e, k);
                    flush(k);
                    continue;
                }
                brRun = 0;
                buffer.add(e);
            } else if (n instanceof TextNode t) {
                if (!t.isBlank()) {
                    brRun = 0;
                }
                buffer.add(t);
            }
        }
    }

    /**
     * A table of data (results, fares, figures: every cell short text, no block or table inside a cell) as a table
     * block: its rows as lines of tab-separated cells, and clean {@code <table>} markup with a header row where the
     * source marked one ({@code th} cells). A table used for layout (prose in its cells) is {@code null}: its
     * paragraphs are read as paragraphs.
     */
    static BodyBlock dataTable(Element table) {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> headerRows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                return null; // a table inside a cell: layout
            }
            List<String> cells = new ArrayList<>();
            boolean allHeader = true;
            for (Element cell : tr.children()) {
                String tag = cell.normalName();
                if (!tag.equals("td") && !tag.equals("th")) {
                    continue;
                }
                for (Element inner : cell.getAllElements()) {
                    if (inner != cell && isBlock(inner) && !inner.normalName().equals("p")) {
                        return null;
                    }
                }
                String text = TextHygiene.clean(cell.text());
                if (text.length() > MAX_CELL || cell.select("p").size() > 1) {
                    return null;
                }
                allHeader &= tag.equals("th");
                cells.add(text);
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
                headerRows.add(allHeader);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<table>");
        boolean inBody = false;
        for (int r = 0; r < rows.size(); r++) {
            boolean th = headerRows.get(r) && !inBody;
            if (!th && !inBody) {
                html.append("<tbody>");
                inBody = true;
            }
            html.append(th ? "<thead><tr>" : "<tr>");
            for (int c = 0; c < columns; c++) {
                String cell = c < rows.get(r).size() ? escape(rows.get(r).get(c)) : "";
                html.append(th ? "<th>" : "<td>").append(cell).append(th ? "</th>" : "</td>");
            }
            html.append(th ? "</tr></thead>" : "</tr>");
            text.append(text.isEmpty() ? "" : "\n").append(String.join("\t", rows.get(r)));
        }
        html.append(inBody ? "</tbody></table>" : "</table>");
        return new BodyBlock(Kind.TABLE, text.toString(), html.toString());
    }

    private boolean hasBlockDescendant(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && isBlock(d)) {
                return true;
            }
        }
        return false;
    }

    private void flush(Kind kind) {
        if (buffer.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        // text and line breaks only (most paragraphs of wire copy): cleaned, that is text without a tag, so the block
        // keeps no inline HTML, and the two parses below that would find so are skipped
        boolean textOnly = true;
        for (Node n : buffer) {
            appendText(n, text);
            if (n instanceof Element e && e.normalName().equals("br")) {
                html.append(' ');
            } else {
                textOnly &= n instanceof TextNode;
                html.append(n.outerHtml());
            }
        }
        buffer.clear();
        if (kind == Kind.PRE) {
            // preformatted copy keeps its lines (results, listings); its text is rendered as written
            String lines = TextHygiene.cleanLines(preText(text.toString()));
            if (!lines.isEmpty()) {
                out.add(new BodyBlock(Kind.PRE, lines, null));
            }
            return;
        }
        String clean = TextHygiene.reflow(Arrays.asList(text.toString().split("\n")));
        if (clean.isEmpty() || TextHygiene.isRule(clean)) {
            return;
        }
        if (textOnly) {
            out.add(new BodyBlock(kind, clean, null));
            return;
        }
        // with a base URI relative links become absolute; without one they cannot be kept safely
        String inline = baseUri.isEmpty() ? Jsoup.clean(html.toString(), INLINE)
                : Jsoup.clean(html.toString(), baseUri, INLINE);
        inline = SPACE_RUN.matcher(inline.replace('\u00A0', ' ').replace("&nbsp;", " ")).replaceAll(" ").trim();
        String plainOfInline = Jsoup.parseBodyFragment(inline).text();
        boolean hasMarkup = inline.indexOf('<') >= 0;
        out.add(new BodyBlock(kind, clean, hasMarkup && similar(plainOfInline, clean) ? inline : null));
    }

    private static boolean similar(String a, String b) {
        return TextHygiene.clean(a).replace(" ", "").equals(b.replace(" ", ""));
    }

    /** The text of a pre block: its text nodes' line breaks are kept (as U+2028 until here, see appendText). */
    private static String preText(String text) {
        return text.replace('\u2028', '\n');
    }

    private static void appendText(Node n, StringBuilder sb) {
        if (n instanceof TextNode t) {
            Element parent = t.parent();
            boolean pre = parent != null && parent.closest("pre") != null;
            sb.append(t.getWholeText().replace("\r\n", "\n").replace('\r', '\n').replace('\n', pre ? '\u2028' : ' '));
        } else if (n instanceof Element e) {
            String tag = e.normalName();
            if (tag.equals("br")) {
                sb.append('\n');
                return;
            }
            if (DROP.contains(tag)) {
                return;
            }
            for (Node c : e.childNodes()) {
                appendText(c, sb);
            }
        }
    }

    /** Renders blocks as sanitised body HTML. */
    public static String render(List<BodyBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        boolean inList = false;
        for (BodyBlock b : blocks) {
            String inner = b.html() != null ? b.html() : escape(b.text());
            if (b.kind() == Kind.LIST_ITEM && !inList) {
                sb.append("<ul>");
                inList = true;
            } else if (b.kind() != Kind.LIST_ITEM && inList) {
                sb.append("</ul>");
                inList = false;
            }
            switch (b.kind()) {
                case HEADING -> sb.append("<h2>").append(inner).append("</h2>");
                case LIST_ITEM -> sb.append("<li>").append(inner).append("</li>");
                case QUOTE -> sb.append("<blockquote><p>").append(inner).append("</p></blockquote>");
                case PRE -> sb.append("<pre>").append(inner).append("</pre>");
                case TABLE -> sb.append(b.html() != null ? b.html() : "<pre>" + inner + "</pre>");
                default -> sb.append("<p>").append(inner).append("</p>");
            }
        }
        if (inList) {
            sb.append("</ul>");
        }
        return Jsoup.clean(sb.toString(), BODY);
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Plain text of an HTML fragment, cleaned (for descriptions and headlines sent as HTML). */
    public static String text(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return TextHygiene.clean(html);
        }
        return TextHygiene.clean(Jsoup.parseBodyFragment(html).text());
    }
}

package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.text.TextHygiene;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Agate: the tabular small print of wire copy (standings, box scores, results, market tables). A row is one line
 * whose columns are separated by tabs or, where the tabs were flattened on the way, by semicolons or runs of two or
 * more spaces; it has at least
 * {@value #MIN_CELLS} cells, no cell long enough to be prose, and at least half of its cells short (figures,
 * abbreviations: {@code 52}, {@code .584}, {@code W-3}), which clauses of a sentence split at semicolons are not. Rows that follow each other form one table; a single
 * row-like line is not a table. The table keeps its rows as lines and its cells tab-separated in the block's text,
 * and becomes an HTML table whose first row is the column header when it holds no figure and the next row does.
 */
final class AgateTable {

    static final int MIN_CELLS = 3;
    static final int MIN_ROWS = 2;
    private static final int MAX_CELL = 60;
    private static final int SHORT_CELL = 6;
    /** Two column gaps of two or more spaces: a row whose tabs were expanded. */
    private static final Pattern SPACE_COLUMNS = Pattern.compile("\\S {2,}\\S.* {2,}\\S");
    private static final Pattern FIGURE = Pattern.compile("^[-+]?(?:\\d+(?:[.,:-]\\d+)*|[.,]\\d+)%?$");

    private AgateTable() {}

    /** The cells of a row, or {@code null} when the line is not a table row. */
    static List<String> cells(String line) {
        if (line == null) {
            return null;
        }
        String l = line.strip();
        String[] raw;
        if (l.indexOf('\t') >= 0 || l.indexOf(';') >= 0) {
            String separator = l.indexOf('\t') >= 0 ? "\t" : ";";
            raw = line.replaceAll("^[\\s&&[^\\t]]+|\\s+$", "").split(separator, -1);
        } else if (SPACE_COLUMNS.matcher(l).find()) {
            // tabs expanded to spaces on the way: columns apart by two or more spaces; an indented first column is
            // an empty cell (the column header row above the team names)
            raw = l.split(" {2,}", -1);
            if (line.stripTrailing().startsWith("  ")) {
                String[] shifted = new String[raw.length + 1];
                shifted[0] = "";
                System.arraycopy(raw, 0, shifted, 1, raw.length);
                raw = shifted;
            }
        } else {
            return null;
        }
        if (raw.length < MIN_CELLS) {
            return null;
        }
        List<String> cells = new ArrayList<>(raw.length);
        for (String c : raw) {
            String cell = Anpa1312Parser.tts(TextHygiene.clean(c));
            if (cell.length() > MAX_CELL) {
                return null;
            }
            cells.add(cell);
        }
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1); // a separator at the end of the line closes the row
        }
        long filled = cells.stream().filter(c -> !c.isEmpty()).count();
        long shortCells = cells.stream().filter(c -> !c.isEmpty() && c.length() <= SHORT_CELL).count();
        // figures and abbreviations fill most cells of agate; clauses of prose split at semicolons are long
        return cells.size() >= MIN_CELLS && 2 * shortCells >= filled ? cells : null;
    }

    /** The rows as one table block. */
    static BodyBlock block(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(String.join("\t", row));
        }
        boolean header = rows.size() >= 2 && !hasFigure(rows.get(0)) && hasFigure(rows.get(1));
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        StringBuilder html = new StringBuilder("<table>");
        for (int r = 0; r < rows.size(); r++) {
            boolean th = header && r == 0;
            html.append(th ? "<thead>" : r == (header ? 1 : 0) ? "<tbody>" : "").append("<tr>");
            List<String> row = rows.get(r);
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? HtmlBlocks.escape(row.get(c)) : "";
                html.append(th ? "<th>" : "<td>").append(cell).append(th ? "</th>" : "</td>");
            }
            html.append("</tr>").append(th ? "</thead>" : "");
        }
        html.append("</tbody></table>");
        return new BodyBlock(BodyBlock.Kind.TABLE, text.toString(), html.toString());
    }

    static boolean hasFigure(List<String> row) {
        return row.stream().anyMatch(c -> FIGURE.matcher(c).matches());
    }
}

package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** AP-style agate in ANPA-1312 (issue 17): invented leagues, teams and figures. */
class AnpaAgateTest {

    /** Standings with semicolon columns (the tabs flattened on the way) and no headline line of its own. */
    private static final String GLANCE = ctl("""
            <SYN><SYN><SOH>a0731<US>sports
            r s<DC3><DC1> BC-BBO--Harbour League Glance      07-14 0310
            <STX>^BC-BBO--Harbour League Glance,0310<
            ^By The Example Press=
            ^;W;L;Pct;GB;L10;Str<
            ^NORTH DIVISION<
            ^Portvale Gulls;52;37;.584;_;7-3;W-3<
            ^Northgate Millers;49;40;.551;3;5-5;L-1<
            ^Eastbridge Owls;41;48;.461;11;4-6;W-1<
            ^SOUTH DIVISION<
            ^;W;L;Pct;GB;L10;Str<
            ^Riverton Herons;55;34;.618;_;8-2;W-5<
            ^Cliffside Rams;44;45;.494;11;3-7;L-4<
            ^<ETX>EP-WS-07-14-24 0412GMT<
            <EOT>""");

    @Test
    void theHeadlineComesFromTheKeywordLineNotFromTheColumnHeader() throws NormalisationException {
        Article a = TestItems.one("ep", GLANCE);
        assertThat(a.getHeadline()).isEqualTo("Harbour League Glance");
        assertThat(a.getHeadline()).doesNotContain(";");
    }

    @Test
    void tabularRowsBecomeTablesWithTheirLabelsAsHeadings() throws NormalisationException {
        Article a = TestItems.one("ep", GLANCE);
        Document html = Jsoup.parseBodyFragment(a.getBodyHtml());
        List<Element> tables = html.select("table");
        assertThat(tables).hasSize(2);
        // the column header set above the first division's label heads that division's table
        assertThat(tables.get(0).select("thead th")).extracting(Element::text).containsExactly("", "W", "L", "Pct", "GB", "L10", "Str");
        assertThat(tables.get(0).select("tbody tr")).hasSize(3);
        assertThat(tables.get(0).select("tbody tr").get(0).select("td").eachText())
                .containsExactly("Portvale Gulls", "52", "37", ".584", "_", "7-3", "W-3");
        assertThat(tables.get(1).select("thead th")).extracting(Element::text).containsExactly("", "W", "L", "Pct", "GB", "L10", "Str");
        assertThat(tables.get(1).select("tbody tr")).hasSize(2);
        assertThat(html.select("h2").eachText()).containsExactly("NORTH DIVISION", "SOUTH DIVISION");
        assertThat(html.body().child(0).normalName()).isEqualTo("h2");
        assertThat(html.select("p").eachText()).noneMatch(p -> p.contains(";"));
        // the plain text keeps each row on its own line with tab-separated cells
        assertThat(a.getBodyParagraphs()).containsExactly("NORTH DIVISION",
                "\tW\tL\tPct\tGB\tL10\tStr\nPortvale Gulls\t52\t37\t.584\t_\t7-3\tW-3\n"
                        + "Northgate Millers\t49\t40\t.551\t3\t5-5\tL-1\nEastbridge Owls\t41\t48\t.461\t11\t4-6\tW-1",
                "SOUTH DIVISION",
                "\tW\tL\tPct\tGB\tL10\tStr\nRiverton Herons\t55\t34\t.618\t_\t8-2\tW-5\n"
                        + "Cliffside Rams\t44\t45\t.494\t11\t3-7\tL-4");
    }

    @Test
    void tabSeparatedAgateUnderAHeadlineLineKeepsThatHeadline() throws NormalisationException {
        String boxScore = ctl("""
                <SYN><SYN><SOH>a0732<US>sports
                r s<DC3><DC1> BC-BBO--Gulls-Millers Box      07-14 0150
                <STX>^BC-BBO--Gulls-Millers Box,0150<
                ^Gulls 6, Millers 2<
                ^ALL TIMES LOCAL<
                ^Portvale<TAB>ab<TAB>r<TAB>h<TAB>bi<
                ^Ines Dalgado cf<TAB>4<TAB>1<TAB>2<TAB>1<
                ^Tomas Reyes 1b<TAB>4<TAB>2<TAB>2<TAB>3<
                ^Totals<TAB>35<TAB>6<TAB>10<TAB>6<
                ^<ETX>EP-WS-07-14-24 0430GMT<
                <EOT>""");
        Article a = TestItems.one("ep", boxScore);
        assertThat(a.getHeadline()).isEqualTo("Gulls 6, Millers 2");
        Document html = Jsoup.parseBodyFragment(a.getBodyHtml());
        assertThat(html.select("h2").eachText()).containsExactly("ALL TIMES LOCAL");
        assertThat(html.select("table thead th").eachText()).containsExactly("Portvale", "ab", "r", "h", "bi");
        assertThat(html.select("table tbody tr")).hasSize(3);
        assertThat(a.getDescription()).isNull();
    }

    @Test
    void proseWithASemicolonOrTwoIsNoTable() throws NormalisationException {
        String story = ctl("""
                <SYN><SYN><SOH>a0733<US>news
                r a<DC3><DC1> BC-Harbour-Ferry      07-14 0120
                <STX>^BC-Harbour-Ferry,0120<
                ^Ferry resumes; islanders relieved; fares unchanged<
                <TAB>   PORTVALE (EP) _ The island ferry ran again on Sunday; the harbour authority said repairs were done; fares stay the same.
                <TAB>   Passengers queued from dawn.
                <TAB>   <ETX>EP-WS-07-14-24 0501GMT<
                <EOT>""");
        Article a = TestItems.one("ep", story);
        assertThat(a.getHeadline()).isEqualTo("Ferry resumes; islanders relieved; fares unchanged");
        assertThat(a.getBodyHtml()).doesNotContain("<table");
        assertThat(a.getBodyParagraphs()).hasSize(2);
    }

    @Test
    void rowsAreToldFromProseByTheirCells() {
        assertThat(AgateTable.cells(";W;L;Pct")).containsExactly("", "W", "L", "Pct");
        assertThat(AgateTable.cells("Portvale\t3\t1")).containsExactly("Portvale", "3", "1");
        assertThat(AgateTable.cells("one; two")).isNull();
        assertThat(AgateTable.cells("Ferry resumes; islanders relieved; fares unchanged")).isNull();
        assertThat(AgateTable.cells("The harbour authority said on Sunday that the repairs were finished; the ferry ran;"
                + " fares stay")).isNull();
        assertThat(Anpa1312Parser.isSectionLabel("AMERICAN LEAGUE")).isTrue();
        assertThat(Anpa1312Parser.isSectionLabel("All Times EDT")).isTrue();
        assertThat(Anpa1312Parser.isSectionLabel("Harbour League Glance")).isFalse();
    }
}

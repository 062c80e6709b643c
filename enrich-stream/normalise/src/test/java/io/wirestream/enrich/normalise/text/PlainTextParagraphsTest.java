package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextParagraphsTest {

    /** Hard-wrapped at about 65 columns, each paragraph's first line indented, a sign-off set in by one space. */
    private static final String INDENTED = String.join("\n",
            "    HARBOURTOWN, May 4 - The port authority said on Monday that",
            "the northern breakwater would be closed to walkers until the",
            "end of the month while divers inspect its foundations.",
            "    Engineers found cracks after the spring storms, a spokeswoman",
            "said. The ferry timetable is not affected.",
            "    Repairs are expected to cost about two million crowns.",
            " Signoff",
            "");

    @Test
    void indentedWrappedCopyBecomesOneParagraphPerIndentation() {
        assertThat(PlainTextParagraphs.of(INDENTED)).containsExactly(
                "HARBOURTOWN, May 4 - The port authority said on Monday that the northern breakwater would be closed "
                        + "to walkers until the end of the month while divers inspect its foundations.",
                "Engineers found cracks after the spring storms, a spokeswoman said. The ferry timetable is not affected.",
                "Repairs are expected to cost about two million crowns.",
                "Signoff");
    }

    @Test
    void blankLinesSeparateWrappedParagraphs() {
        String text = String.join("\r\n",
                "The orchestra opened its summer season on Friday with a programme",
                "of overtures, and the hall sold out within an hour of the box",
                "office opening.",
                "",
                "The conductor said the players had rehearsed in the old market",
                "hall while the stage was rebuilt.",
                "");
        assertThat(PlainTextParagraphs.of(text)).containsExactly(
                "The orchestra opened its summer season on Friday with a programme of overtures, and the hall sold out "
                        + "within an hour of the box office opening.",
                "The conductor said the players had rehearsed in the old market hall while the stage was rebuilt.");
    }

    @Test
    void columnAlignedRowsStayLinesOfTheirOwn() {
        String text = String.join("\n",
                "    NORTHPORT, June 2 - Grain deliveries to the co-operative in the",
                "week to Friday were as follows, in tonnes:",
                "              Week    Prev    Year ago",
                " Wheat         410     385       502",
                " Barley\t120\t98\t143",
                " Oats           55      61        70",
                "    The co-operative said the barley figures were provisional and",
                "would be revised next week.",
                "");
        assertThat(PlainTextParagraphs.of(text)).containsExactly(
                "NORTHPORT, June 2 - Grain deliveries to the co-operative in the week to Friday were as follows, in tonnes:",
                "Week Prev Year ago",
                "Wheat 410 385 502",
                "Barley 120 98 143",
                "Oats 55 61 70",
                "The co-operative said the barley figures were provisional and would be revised next week.");
    }

    @Test
    void agateRowsMarkedWithACaretAreNotJoined() {
        String text = String.join("\n",
                "   Results of the regional chess league on Saturday, in the order of",
                "the tables, with the home team named first:",
                "^Riverside 4, Hillcrest 2",
                "^Old Town 3, Lakeside 3",
                "");
        assertThat(PlainTextParagraphs.of(text)).containsExactly(
                "Results of the regional chess league on Saturday, in the order of the tables, with the home team named first:",
                "^Riverside 4, Hillcrest 2",
                "^Old Town 3, Lakeside 3");
    }

    @Test
    void textThatIsNotHardWrappedKeepsItsLines() {
        String text = "The council voted on Tuesday to extend the tram line to the hospital, a project that has been "
                + "debated since the line first opened and that residents of the eastern districts have long asked for.\n"
                + "Work is due to start in the autumn and take two years, the mayor said, adding that the cost would be "
                + "shared with the regional government under an agreement signed last year.\n"
                + "The opposition abstained.\n"
                + "Tram services on the existing line will not be interrupted while the extension is built.";
        List<String> lines = Arrays.stream(text.split("\n")).toList();
        assertThat(PlainTextParagraphs.of(text)).isEqualTo(lines);
    }

    @Test
    void shortLinesThatEndTheirSentencesAreParagraphs() {
        assertThat(PlainTextParagraphs.of("One.\nTwo.\nThree.")).containsExactly("One.", "Two.", "Three.");
        assertThat(PlainTextParagraphs.of(String.join("\n",
                "Quarter to March 31",
                "Net profit 12.4 mln vs 10.1 mln",
                "Sales 88.0 mln vs 81.3 mln"))).hasSize(3);
    }

    @Test
    void copyWhoseEveryLineIsIndentedHasOneParagraphPerLine() {
        String text = String.join("\n",
                "    MILLBROOK, Jan 9 - Quarter to Dec 31 of the fiscal year 2025",
                "    Net profit 3.1 mln crowns vs 2.7 mln crowns a year earlier",
                "    Revenue 41.5 mln crowns vs 39.9 mln crowns a year earlier",
                " Signoff");
        assertThat(PlainTextParagraphs.of(text)).hasSize(4).last().isEqualTo("Signoff");
    }

    @Test
    void withoutBlankLinesOrIndentationAShortSentenceEndEndsTheParagraph() {
        String text = String.join("\n",
                "The museum will reopen its west wing on Saturday after a year of",
                "restoration work on the painted ceilings.",
                "Entry is free.",
                "Visitors are asked to book a time slot online, as the number of",
                "people allowed in the wing at any one time is limited.");
        assertThat(PlainTextParagraphs.of(text)).containsExactly(
                "The museum will reopen its west wing on Saturday after a year of restoration work on the painted ceilings.",
                "Entry is free.",
                "Visitors are asked to book a time slot online, as the number of people allowed in the wing at any one "
                        + "time is limited.");
    }

    @Test
    void listItemsAreNotJoined() {
        String text = String.join("\n",
                "   The town will close three roads for the cycle race on Sunday, the",
                "traffic office said in a statement listing them:",
                "- the harbour road between the ferry terminal and the fish market",
                "- Mill Street",
                "- the bridge over the canal, which reopens at six in the evening",
                "");
        assertThat(PlainTextParagraphs.of(text)).containsExactly(
                "The town will close three roads for the cycle race on Sunday, the traffic office said in a statement "
                        + "listing them:",
                "- the harbour road between the ferry terminal and the fish market",
                "- Mill Street",
                "- the bridge over the canal, which reopens at six in the evening");
    }

    @Test
    void wordsSplitAtALineEndAreRejoinedAndAbbreviationsEndNoParagraph() {
        String text = String.join("\n",
                "The shipyard in the north of the country said its order book was",
                "full until the spring of next year after it won a contract from",
                "the U.S.",
                "navy to build two survey vessels and a small research ship for",
                "work in the polar seas, where the ice has become less predict-",
                "able in recent years.");
        assertThat(PlainTextParagraphs.of(text)).singleElement().asString()
                .contains("from the U.S. navy").contains("less predictable in");
    }

    @Test
    void earlierParagraphRulesStillHold() {
        String copy = "   First paragraph starts here and\nwraps onto a second line.\n   Second paragraph.\n\n"
                + "Third after a blank line.";
        assertThat(PlainTextParagraphs.of(copy)).containsExactly(
                "First paragraph starts here and wraps onto a second line.", "Second paragraph.",
                "Third after a blank line.");
        assertThat(PlainTextParagraphs.of("One that\nwraps.\n\nTwo.")).containsExactly("One that wraps.", "Two.");
        assertThat(PlainTextParagraphs.of(null)).isEmpty();
        assertThat(PlainTextParagraphs.of(" \n\n ")).isEmpty();
    }
}

package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wire inspect} prints each article as ninjs, and says which provider the item names and whence its language. */
class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int inspect(Path... files) {
        return inspect(false, files);
    }

    private int inspect(boolean pipelineFields, Path... files) {
        CommandLine cmd = new CommandLine(new WireCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("inspect"));
        if (pipelineFields) {
            args.add("--pipeline-fields");
        }
        for (Path file : files) {
            args.add(file.toString());
        }
        return cmd.execute(args.toArray(String[]::new));
    }

    @Test
    void printsTheProviderAndWhereTheLanguageCameFrom() throws Exception {
        // invented items: an IPTC 7901 message whose header names dpa, and short ninjs copy from AAP's Superdesk
        Path iptc = Files.writeString(dir.resolve("story.txt"), ("\u0001xyz042 4 i 40 abcde   dpa 061\r\n\r\n"
                + "Portugal-ports/\r\n\u0002Port of Lisbon reopens to container ships after storm =\r\n\r\n"
                + "   Lisbon (dpa) - The port of Lisbon reopened to container ships on Tuesday after three days\r\n"
                + "of repairs to a breakwater damaged by a winter storm, the harbour authority said.\r\n"
                + "\u0003091422 GMT Jan 24\r\n\u0004"), StandardCharsets.ISO_8859_1);
        Path ninjs = Files.writeString(dir.resolve("short.json"), """
                {"uri": "urn:test:inspect:1", "type": "text", "versioncreated": "2024-01-15T09:30:00+11:00",
                 "source": "AAP", "headline": "Stocks close higher", "body_text": "Shares rose."}""");
        Path unnamed = Files.writeString(dir.resolve("unnamed.json"), """
                {"uri": "urn:test:inspect:2", "type": "text", "versioncreated": "2024-01-15T09:30:00Z",
                 "headline": "Ferry", "body_text": "Delayed."}""");

        assertThat(inspect(iptc, ninjs, unnamed)).isZero();

        assertThat(err.toString()).contains(
                iptc + ": provider dpa (IPTC 7901 header, known as dpa); language en (detected)",
                ninjs + ": provider AAP (ninjs source (Superdesk), known as aap); language en (the default configured"
                        + " for provider aap)",
                unnamed + ": provider not named in the item; no language (none); no rights");
        assertThat(out.toString()).contains("# " + iptc, "\"language\":\"en\"");
    }

    @Test
    void printsTheRightsAndShowsTheProviderAmongThePipelineFields() throws Exception {
        Path ninjs = Files.writeString(dir.resolve("rights.json"), """
                {"uri": "urn:test:inspect:3", "type": "text", "versioncreated": "2024-01-15T09:30:00Z",
                 "language": "en", "copyrightholder": "Example Press", "usageterms": "Online use only, for 30 days.",
                 "headline": "Ferry", "body_text": "Delayed by fog."}""");

        assertThat(inspect(true, ninjs)).isZero();

        assertThat(err.toString()).contains(ninjs + ": provider Example Press (ninjs copyrightholder, not a known agency);"
                + " language en (declared); rights: holder Example Press (item), notice (item), usage terms (item)");
        assertThat(out.toString()).contains("\"copyrightholder\":\"Example Press\"",
                "\"usageterms\":\"Online use only, for 30 days.\"",
                "\"provider\":{\"name\":\"Example Press\",\"from\":\"ninjs copyrightholder\"}");
    }
}

package io.wirestream.quality.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on a file in the corpus's SGML layout, with invented stories. */
class ReutersCorpusTest {

    @Test
    void readsTheWireTimeOfEachStoryWhoseMonthIsInCapitals(@TempDir Path folder) throws IOException {
        String sgml = """
                <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" NEWID="2">
                <DATE> 3-MAR-1987 09:15:02.41</DATE>
                <TEXT><TITLE>NORLAND MILLS SETS DIVIDEND</TITLE>
                <BODY>Norland Mills said it set a quarterly dividend of ten cts.
                 Reuter
                &#3;</BODY></TEXT>
                </REUTERS>
                <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" NEWID="4">
                <DATE>26-FEB-1987 15:01:01.79</DATE>
                <TEXT><TITLE>ORRIN BANK SETS DIVIDEND</TITLE>
                <BODY>Orrin Bank said it set a quarterly dividend of nine cts.
                 Reuter
                &#3;</BODY></TEXT>
                </REUTERS>
                """;
        Files.writeString(folder.resolve("reut2-000.sgm"), sgml, StandardCharsets.ISO_8859_1);

        List<CorpusStory> stories = ReutersCorpus.read(folder);

        assertThat(stories).extracting(CorpusStory::wiredAt).containsExactly(
                Instant.parse("1987-03-03T09:15:02Z"), Instant.parse("1987-02-26T15:01:01Z"));
    }
}

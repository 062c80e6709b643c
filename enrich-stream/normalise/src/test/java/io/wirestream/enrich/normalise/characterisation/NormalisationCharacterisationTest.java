package io.wirestream.enrich.normalise.characterisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every item the module's tests normalise (recorded once into {@code raw-items.jsonl}) still gives exactly the
 * articles, diagnostics and refusals it gave when the snapshot was taken ({@code outcomes.txt}, written by
 * {@link CharacterisationSnapshot} from the code before the issue-20 refactoring of draft and assembler). A change
 * that is meant to alter the output regenerates the snapshot and shows the difference in review.
 */
class NormalisationCharacterisationTest {

    @Test
    void everyRecordedItemNormalisesAsInTheSnapshot() throws IOException {
        List<String> expected = snapshot();
        List<String> actual = CharacterisationSnapshot.outcomes();

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("outcome of recorded item %d", i).isEqualTo(expected.get(i));
        }
    }

    private static List<String> snapshot() throws IOException {
        try (InputStream in = CharacterisationSnapshot.class.getResourceAsStream(CharacterisationSnapshot.SNAPSHOT)) {
            assertThat(in).as("snapshot resource").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> entries = new ArrayList<>();
            for (String part : text.split("(?m)^(?=" + CharacterisationSnapshot.ITEM_HEADER + ")")) {
                if (!part.isEmpty()) {
                    entries.add(part);
                }
            }
            return entries;
        }
    }
}

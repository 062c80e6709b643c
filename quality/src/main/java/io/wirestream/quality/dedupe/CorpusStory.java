package io.wirestream.quality.dedupe;

import java.time.Instant;
import java.util.List;

/** A story read from an evaluation corpus: an id, a group label (event, topic or origin), headline and paragraphs. */
public record CorpusStory(String id, String group, Instant wiredAt, String headline, List<String> paragraphs) {

    public int wordCount() {
        int words = 0;
        for (String paragraph : paragraphs) {
            words += paragraph.isBlank() ? 0 : paragraph.strip().split("\\s+").length;
        }
        return words;
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Many distinct stories for the integration test, made of seeded pseudo-words so that no two share phrasing, and
 * their copies as other agencies file them.
 */
final class GeneratedStories {

    private GeneratedStories() {
    }

    static List<String> paragraphs(int story) {
        SplittableRandom random = new SplittableRandom(7919L * story + 1);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            StringBuilder text = new StringBuilder();
            int words = 18 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(io.wirestream.enrich.service.bench.BenchStories.pseudoWord(random));
            }
            paragraphs.add(text.append('.').toString());
        }
        return paragraphs;
    }

    static Article original(int story, Instant at) {
        return Stories.article("reu:story-" + story, "REU", 1, at, "Story " + story + " headline", paragraphs(story));
    }

    /** Same words with the second agency's dateline and credit. */
    static Article exactCopy(int story, Instant at) {
        List<String> paragraphs = new ArrayList<>(paragraphs(story));
        paragraphs.set(0, "KESSA, May 4 (AFP) - " + paragraphs.get(0));
        paragraphs.add("(Reporting by Mara Lind)");
        return Stories.article("afp:copy-" + story, "AFP", 1, at, "Story " + story + " headline", paragraphs);
    }

    /** New headline, one paragraph dropped. */
    static Article nearCopy(int story, Instant at) {
        List<String> paragraphs = new ArrayList<>(paragraphs(story));
        paragraphs.remove(3);
        return Stories.article("dpa:rewrite-" + story, "DPA", 1, at, "Rewritten " + story, paragraphs);
    }
}

package io.wirestream.quality.dedupe;

import io.wirestream.quality.corpora.BbcNews;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The BBC News files ({@link BbcNews}) as dedupe stories. Ids are {@code bbc:<folder>/<number>}, the group is the
 * folder. The files carry no date, so stories are wired one minute apart from 2005-01-01 in folder and file order: a
 * fixed order, which decides only which copy survives.
 */
public final class BbcCorpus {

    private static final Instant FIRST = Instant.parse("2005-01-01T00:00:00Z");

    private BbcCorpus() {
    }

    public static List<CorpusStory> read(Path bbcRoot) throws IOException {
        List<CorpusStory> stories = new ArrayList<>();
        for (BbcNews.File file : BbcNews.read(bbcRoot)) {
            if (file.isEmpty()) {
                continue;
            }
            List<String> lines = file.lines();
            stories.add(new CorpusStory("bbc:" + file.folder() + "/" + file.number(), file.folder(),
                    FIRST.plus(Duration.ofMinutes(stories.size())), lines.get(0),
                    List.copyOf(lines.subList(1, lines.size()))));
        }
        return stories;
    }
}

package io.wirestream.quality.tagging;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.subjects.ScoredTopic;
import io.wirestream.quality.corpora.BbcNews;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Media Topic accuracy on the BBC News folders: an article counts as right when its strongest inferred top-level
 * topic is the folder's topic (business = economy, business and finance; entertainment = arts, culture, entertainment
 * and media; politics; sport; tech = science and technology).
 */
public final class BbcTopicEvaluation {

    public static final Map<String, String> TOPIC_BY_FOLDER = Map.of(
            "business", "medtop:04000000",
            "entertainment", "medtop:01000000",
            "politics", "medtop:11000000",
            "sport", "medtop:15000000",
            "tech", "medtop:13000000");

    /** Accuracy overall and per folder. */
    public record Result(double accuracy, Map<String, Double> accuracyByFolder, int articles) {
    }

    private final ArticleTagger tagger;

    public BbcTopicEvaluation(ArticleTagger tagger) {
        this.tagger = tagger;
    }

    public Result evaluate(Path dir) throws IOException {
        Map<String, int[]> rightAndTotalByFolder = new LinkedHashMap<>();
        for (BbcNews.File file : BbcNews.read(dir)) {
            int[] counts = rightAndTotalByFolder.computeIfAbsent(file.folder(), f -> new int[2]);
            counts[1]++; // an empty file counts as a miss, as it always has
            if (file.isEmpty()) {
                continue;
            }
            List<String> lines = file.lines();
            TaggingResult result = tagger.analyse(lines.get(0), new ArrayList<>(lines.subList(1, lines.size())));
            String top = result.topics().stream().filter(t -> t.topic().isTopLevel()).findFirst()
                    .map(ScoredTopic::topic).map(t -> t.code()).orElse("none");
            if (top.equals(TOPIC_BY_FOLDER.get(file.folder()))) {
                counts[0]++;
            }
        }
        Map<String, Double> byFolder = new LinkedHashMap<>();
        int right = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : rightAndTotalByFolder.entrySet()) {
            byFolder.put(e.getKey(), (double) e.getValue()[0] / e.getValue()[1]);
            right += e.getValue()[0];
            total += e.getValue()[1];
        }
        return new Result(total == 0 ? 0 : (double) right / total, byFolder, total);
    }
}

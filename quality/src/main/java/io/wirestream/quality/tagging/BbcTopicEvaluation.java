package io.wirestream.quality.tagging;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.subjects.ScoredTopic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        Map<String, Double> byFolder = new LinkedHashMap<>();
        int right = 0;
        int total = 0;
        for (String folder : List.of("business", "entertainment", "politics", "sport", "tech")) {
            Path sub = dir.resolve(folder);
            if (!Files.isDirectory(sub)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(sub)) {
                files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            int folderRight = 0;
            for (Path file : files) {
                List<String> lines = read(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    continue;
                }
                TaggingResult result = tagger.analyse(lines.get(0), new ArrayList<>(lines.subList(1, lines.size())));
                String top = result.topics().stream().filter(t -> t.topic().isTopLevel()).findFirst()
                        .map(ScoredTopic::topic).map(t -> t.code()).orElse("none");
                if (top.equals(TOPIC_BY_FOLDER.get(folder))) {
                    folderRight++;
                }
            }
            byFolder.put(folder, files.isEmpty() ? 0 : (double) folderRight / files.size());
            right += folderRight;
            total += files.size();
        }
        return new Result(total == 0 ? 0 : (double) right / total, byFolder, total);
    }

    /** UTF-8, except one file with a lone latin-1 byte. */
    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}

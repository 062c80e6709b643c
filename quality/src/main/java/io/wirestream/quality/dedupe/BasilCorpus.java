package io.wirestream.quality.dedupe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads BASIL 2010-2014 ({@code basil-dev/articles/<year>/<uuid>.json}): one event covered by Fox, NYT and HuffPost,
 * grouped by {@code triplet-uuid}. Ids are {@code basil:<file name>} ({@code <triplet>_<n>}: the article's own
 * {@code uuid} is "empty" in four files), the group is the triplet. A story is wired at the
 * start of its date; stories of one date follow in id order (the engine's own tie-break).
 */
public final class BasilCorpus {

    private BasilCorpus() {
    }

    public static List<CorpusStory> read(Path basilRoot) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(basilRoot.resolve("articles"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<CorpusStory> stories = new ArrayList<>();
        for (Path file : files) {
            JsonNode node = json.readTree(file.toFile());
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode paragraph : node.path("body-paragraphs")) {
                List<String> sentences = new ArrayList<>();
                paragraph.forEach(sentence -> sentences.add(sentence.asText()));
                paragraphs.add(String.join(" ", sentences));
            }
            String id = "basil:" + file.getFileName().toString().replace(".json", "");
            stories.add(new CorpusStory(id, node.path("triplet-uuid").asText(),
                    LocalDate.parse(node.path("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    node.path("title").asText(), List.copyOf(paragraphs)));
        }
        stories.sort(Comparator.comparing(CorpusStory::wiredAt).thenComparing(CorpusStory::id));
        return stories;
    }

}

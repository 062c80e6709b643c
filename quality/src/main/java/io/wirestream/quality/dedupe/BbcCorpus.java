package io.wirestream.quality.dedupe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the BBC News 2004-05 files of {@code bbc-dev/}: first line the headline, then paragraphs. Ids are
 * {@code bbc:<folder>/<number>}, the group is the folder. The files carry no date, so stories are wired one minute
 * apart from 2005-01-01 in folder and file order: a fixed order, which decides only which copy survives.
 */
public final class BbcCorpus {

    static final List<String> FOLDERS = List.of("business", "entertainment", "politics", "sport", "tech");
    private static final Instant FIRST = Instant.parse("2005-01-01T00:00:00Z");

    private BbcCorpus() {
    }

    public static List<CorpusStory> read(Path bbcRoot) throws IOException {
        List<CorpusStory> stories = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = bbcRoot.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : files) {
                List<String> lines = text(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    continue;
                }
                String number = file.getFileName().toString().replace(".txt", "");
                stories.add(new CorpusStory("bbc:" + folder + "/" + number, folder,
                        FIRST.plus(Duration.ofMinutes(stories.size())), lines.get(0),
                        List.copyOf(lines.subList(1, lines.size()))));
            }
        }
        return stories;
    }

    /** UTF-8, except one file with a lone latin-1 pound byte. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}

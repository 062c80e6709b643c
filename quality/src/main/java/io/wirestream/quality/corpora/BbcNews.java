package io.wirestream.quality.corpora;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The BBC News 2004-05 files of {@code bbc-dev/}, read once for every report that uses them: one folder per topic,
 * each file a headline line then paragraphs, UTF-8 except one file with a lone latin-1 pound byte.
 */
public final class BbcNews {

    public static final List<String> FOLDERS = List.of("business", "entertainment", "politics", "sport", "tech");

    /** One file: its topic folder, its number, and its non-blank lines, stripped (first the headline). */
    public record File(String folder, String number, List<String> lines) {
        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    private BbcNews() {
    }

    /** Every file of the folders that exist, in folder and file-name order; empty files included. */
    public static List<File> read(Path bbcRoot) throws IOException {
        List<File> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = bbcRoot.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> paths;
            try (Stream<Path> list = Files.list(dir)) {
                paths = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path path : paths) {
                List<String> lines = text(path).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                files.add(new File(folder, path.getFileName().toString().replace(".txt", ""), lines));
            }
        }
        return files;
    }

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

package io.wirestream.runtime.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a Dockerfile that decide what lands in an image: its stages (FROM ... AS name), each stage's WORKDIR,
 * its COPY and ADD lines, its RUN lines and its ENTRYPOINT. Comments, blank lines and line continuations are
 * handled; everything else (ENV, EXPOSE, USER, ...) is kept only as an instruction.
 */
public final class Dockerfile {

    /** One COPY or ADD: {@code from} is the stage or image named by {@code --from}, empty for the build context. */
    public record Copy(Optional<String> from, List<String> sources, String destination, int line) {}

    /** One instruction as written, continuation lines joined. */
    public record Instruction(String keyword, String arguments, int line) {}

    /** One stage: its name (lower case), what it is built FROM, and its own instructions in order. */
    public record Stage(String name, String base, List<Instruction> instructions) {

        public List<Copy> copies() {
            List<Copy> copies = new ArrayList<>();
            for (Instruction i : instructions) {
                if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
                    copies.add(parseCopy(i));
                }
            }
            return copies;
        }

        public List<String> runs() {
            return instructions.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::arguments).toList();
        }

        /** This stage's own ENTRYPOINT (the last one), as an exec-form list; a shell form becomes sh -c. */
        public Optional<List<String>> entrypoint() {
            List<String> result = null;
            for (Instruction i : instructions) {
                if (i.keyword().equals("ENTRYPOINT")) {
                    result = i.arguments().startsWith("[") ? jsonArray(i.arguments(), i.line())
                            : List.of("/bin/sh", "-c", i.arguments());
                }
            }
            return Optional.ofNullable(result);
        }

        /** The working directory after this stage's own WORKDIR lines, starting from {@code inherited}. */
        public String workdir(String inherited) {
            String dir = inherited;
            for (Instruction i : instructions) {
                if (i.keyword().equals("WORKDIR")) {
                    dir = i.arguments().startsWith("/") ? i.arguments() : dir.replaceAll("/$", "") + "/" + i.arguments();
                }
            }
            return dir;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Stage> stages;

    private Dockerfile(Map<String, Stage> stages) {
        this.stages = stages;
    }

    public static Dockerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dockerfile parse(List<String> lines) {
        Map<String, Stage> stages = new LinkedHashMap<>();
        String name = null;
        String base = null;
        List<Instruction> instructions = null;
        for (Instruction i : instructions(lines)) {
            if (i.keyword().equals("FROM")) {
                if (name != null) {
                    stages.put(name, new Stage(name, base, List.copyOf(instructions)));
                }
                String[] words = i.arguments().replaceAll("--platform=\\S+\\s*", "").trim().split("\\s+");
                base = words[0];
                name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2].toLowerCase(Locale.ROOT)
                        : String.valueOf(stages.size());
                instructions = new ArrayList<>();
            } else if (instructions == null) {
                if (!i.keyword().equals("ARG")) {
                    throw new IllegalArgumentException("line " + i.line() + ": " + i.keyword() + " before the first FROM");
                }
            } else {
                instructions.add(i);
            }
        }
        if (name != null) {
            stages.put(name, new Stage(name, base, List.copyOf(instructions)));
        }
        return new Dockerfile(stages);
    }

    public Map<String, Stage> stages() {
        return stages;
    }

    public Optional<Stage> stage(String name) {
        return Optional.ofNullable(stages.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The stage and the stages of this file it is built FROM, the stage itself first. */
    public List<Stage> chain(String name) {
        List<Stage> chain = new ArrayList<>();
        Optional<Stage> next = stage(name);
        while (next.isPresent() && !chain.contains(next.get())) {
            chain.add(next.get());
            next = stage(next.get().base());
        }
        return chain;
    }

    /** The ENTRYPOINT the stage runs: its own or, failing that, the nearest one it inherits. */
    public Optional<List<String>> entrypoint(String name) {
        for (Stage s : chain(name)) {
            if (s.entrypoint().isPresent()) {
                return s.entrypoint();
            }
        }
        return Optional.empty();
    }

    /** The stage's working directory, following the WORKDIR lines of the stages it is built FROM. */
    public String workdir(String name) {
        List<Stage> chain = new ArrayList<>(chain(name));
        java.util.Collections.reverse(chain);
        String dir = "/";
        for (Stage s : chain) {
            dir = s.workdir(dir);
        }
        return dir;
    }

    private static List<Instruction> instructions(List<String> lines) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current == null)) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                startLine = n + 1;
            }
            boolean continues = stripped.endsWith("\\");
            current.append(continues ? stripped.substring(0, stripped.length() - 1) : stripped).append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
                result.add(new Instruction(keyword, space < 0 ? "" : text.substring(space + 1).strip(), startLine));
                current = null;
            }
        }
        return result;
    }

    private static Copy parseCopy(Instruction i) {
        String rest = i.arguments();
        Optional<String> from = Optional.empty();
        while (rest.startsWith("--")) {
            int end = rest.indexOf(' ');
            String flag = end < 0 ? rest : rest.substring(0, end);
            if (flag.startsWith("--from=")) {
                from = Optional.of(flag.substring("--from=".length()).toLowerCase(Locale.ROOT));
            }
            rest = end < 0 ? "" : rest.substring(end + 1).strip();
        }
        List<String> words = rest.startsWith("[") ? jsonArray(rest, i.line()) : List.of(rest.split("\\s+"));
        if (words.size() < 2) {
            throw new IllegalArgumentException("line " + i.line() + ": " + i.keyword() + " needs a source and a destination");
        }
        return new Copy(from, List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1), i.line());
    }

    private static List<String> jsonArray(String text, int line) {
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + line + ": not a JSON array of strings: " + text, e);
        }
    }
}

package io.wirestream.wire.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "Module graph" table of docs/architecture.md: each row a module and the modules it depends on. */
final class DocumentedGraph {

    private static final Pattern NAME = Pattern.compile("`([a-z0-9-]+)`");

    private DocumentedGraph() {}

    static Map<String, Set<String>> read(Path document) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Module graph");
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String module = names(cells[1]).iterator().next();
            if (graph.put(module, names(cells[2])) != null) {
                throw new IllegalStateException("module " + module + " has two rows in " + document);
            }
        }
        if (graph.isEmpty()) {
            throw new IllegalStateException("no '## Module graph' table in " + document);
        }
        return graph;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

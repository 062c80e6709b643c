package io.wirestream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.runtime.metrics.PromQlNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every metric name the production stack's consumers query: the Grafana dashboards (every {@code expr} of a JSON file
 * under {@code ops/grafana/}, which compose mounts as Grafana's dashboards, and under {@code deploy/}) and the
 * Prometheus rules (every {@code expr:} of a YAML file under {@code deploy/}). Name to the files that use it.
 */
final class DeployedMetricNames {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern YAML_EXPR = Pattern.compile("^\\s*-?\\s*expr:\\s*[|>]?-?\\s*(.*)$");

    private DeployedMetricNames() {}

    static Map<String, TreeSet<String>> in(Path root) {
        Map<String, TreeSet<String>> names = new TreeMap<>();
        for (Path file : files(root, List.of("ops/grafana", "deploy"))) {
            String where = root.relativize(file).toString();
            for (String expr : expressions(file)) {
                PromQlNames.of(expr).forEach(n -> names.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
            }
        }
        return names;
    }

    private static List<Path> files(Path root, List<String> dirs) {
        return dirs.stream().map(root::resolve).filter(Files::isDirectory).flatMap(dir -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sorted().toList();
    }

    private static List<String> expressions(Path file) {
        try {
            if (file.toString().endsWith(".json")) {
                return JSON.readTree(file.toFile()).findValues("expr").stream().map(JsonNode::asText).toList();
            }
            // YAML rule files: the text after `expr:`, and the lines of a block scalar (`expr: |`) below it
            List<String> lines = Files.readAllLines(file);
            List<String> exprs = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = YAML_EXPR.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                StringBuilder expr = new StringBuilder(m.group(1));
                int indent = lines.get(i).indexOf("expr:");
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || leading(lines.get(i + 1)) > indent)) {
                    expr.append(' ').append(lines.get(++i).strip());
                }
                exprs.add(expr.toString().replaceAll("^['\"]|['\"]$", ""));
            }
            return exprs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}

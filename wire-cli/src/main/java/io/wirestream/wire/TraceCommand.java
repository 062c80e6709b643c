package io.wirestream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What became of an ingested item: asks publish-service's read API ({@code GET /v1/items/{itemId}}) and says it plainly. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Say what became of an ingested item, by the item id on its push receipt:",
                "published (story and version), held (embargo or withheld), merged into a story,",
                "dropped (stale version, after a kill), rejected (stage and reason), or not seen yet.",
                "Exit status: 0 found, 1 not seen yet, 2 the read API could not be asked."})
public final class TraceCommand implements Callable<Integer> {

    static final String LOCAL_READ_API = "http://127.0.0.1:18083";

    @Parameters(index = "0", paramLabel = "ITEM_ID", description = "The item id from the push receipt")
    String itemId;

    @Option(names = "--read-api", paramLabel = "URL", defaultValue = LOCAL_READ_API,
            description = "publish-service read API (default: ${DEFAULT-VALUE}, the local pipeline)")
    String readApi;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "${env:WIRE_READ_API_KEY}",
            description = {"An operator key of the read API (item lineage is for operators when publish-service has a",
                    "subscribers file); default: $WIRE_READ_API_KEY, else the local pipeline's operator key from",
                    "--data-dir's subscribers/" + DemoReadKeys.FILE})
    String key;

    @Option(names = "--data-dir", defaultValue = "wire-data", paramLabel = "DIR",
            description = "The local pipeline's data folder, where its operator read key is kept (default: ${DEFAULT-VALUE})")
    java.nio.file.Path dataDir;

    @Override
    public Integer call() {
        String base = readApi.endsWith("/") ? readApi.substring(0, readApi.length() - 1) : readApi;
        URI uri = URI.create(base + "/v1/items/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
            String operatorKey = key != null && !key.isBlank() ? key.strip() : localOperatorKey();
            if (operatorKey != null) {
                request.header("Authorization", "Bearer " + operatorKey);
            }
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("wire trace: cannot reach the read API at " + base + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            System.err.println("wire trace: " + base + " answered " + response.statusCode() + " without JSON");
            return 2;
        }
        if (response.statusCode() == 404) {
            System.out.println(itemId + ": not seen by publish-service yet (still in flight or held upstream), "
                    + "or not a receipt id");
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println("wire trace: " + base + " answered " + response.statusCode() + ": " + body.path("reason").asText());
            return 2;
        }
        System.out.println(describe(body));
        return 0;
    }

    /** The local pipeline's operator read key, when its data folder holds one. */
    private String localOperatorKey() {
        java.nio.file.Path file = dataDir.resolve("subscribers").resolve(DemoReadKeys.FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        java.util.Properties keys = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            keys.load(in);
            return keys.getProperty("operator");
        } catch (IOException e) {
            return null;
        }
    }

    /** One plain sentence per fate, then the details that matter for it. */
    static String describe(JsonNode f) {
        String item = f.path("itemId").asText();
        String story = f.path("storyUri").asText("?");
        String version = f.has("version") ? " version " + f.get("version").asText() : "";
        String why = f.has("reason") ? " (" + f.get("reason").asText() + ")" : "";
        String detail = f.has("detail") ? "\n  " + f.get("detail").asText() : "";
        return switch (f.path("fate").asText()) {
            case "published" -> item + ": published as " + story + version
                    + (f.has("status") && !f.get("status").asText().equals("usable") ? ", now " + f.get("status").asText() : "");
            case "held" -> item + ": held as " + story + version
                    + (f.has("embargoedUntil") ? ", embargoed until " + f.get("embargoedUntil").asText() : ", withheld by the agency");
            case "merged" -> item + ": merged into " + f.path("mergedInto").path("storyUri").asText("?")
                    + (f.path("mergedInto").has("clusterId") ? " (cluster " + f.path("mergedInto").path("clusterId").asText() + ")" : "")
                    + why + "; it came in as " + story + version;
            case "dropped" -> item + ": dropped" + why + ": " + story + " already holds a newer or final version" + detail;
            case "rejected" -> item + ": rejected at stage " + f.path("stage").asText("?") + why + detail;
            default -> item + ": " + f.path("fate").asText("unknown fate");
        };
    }
}

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What became of an ingested item, said plainly. With an operator key it asks publish-service's read API
 * ({@code GET /v1/items/{itemId}}); with an agency's own key it asks ingest-service's receipt look-up
 * ({@code GET /v1/items/{receipt}}), which answers for that agency's receipts only and asks publish-service itself.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Say what became of an ingested item: published (story and version), held (embargo or withheld),",
                "merged into a story, dropped (stale version, after a kill), rejected (stage and reason), or not seen yet.",
                "An operator gives the item id (or the whole receipt); an agency gives its receipt and --agency-key.",
                "Exit status: 0 found, 1 not seen yet (or no such receipt for this agency), 2 could not be asked."})
public final class TraceCommand implements Callable<Integer> {

    static final String LOCAL_READ_API = "http://127.0.0.1:18083";
    static final String LOCAL_PUSH_API = "http://127.0.0.1:18080";
    /** A push receipt, {@code <partition>-<offset>-<itemId>}, where ingest's item ids are UUIDs. */
    static final Pattern RECEIPT = Pattern.compile("\\d+-\\d+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @Parameters(index = "0", paramLabel = "ITEM_ID|RECEIPT",
            description = {"The item id from the push receipt, or the receipt itself (<partition>-<offset>-<itemId>);",
                    "with --agency-key, the receipt"})
    String itemId;

    @Option(names = "--read-api", paramLabel = "URL",
            description = "publish-service read API (default: the local pipeline's, " + LOCAL_READ_API + " at the default --port-base)")
    String readApi;

    @Option(names = "--port-base", paramLabel = "PORT", defaultValue = "18080",
            description = {"The --port-base the local pipeline was started with (default: ${DEFAULT-VALUE}); the read API",
                    "and push API defaults are derived from it as `wire up` derives them"})
    int portBase;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "${env:WIRE_READ_API_KEY}",
            description = {"An operator key of the read API (item lineage is for operators when publish-service has a",
                    "subscribers file); default: $WIRE_READ_API_KEY, else the local pipeline's operator key from",
                    "--data-dir's subscribers/" + DemoReadKeys.FILE})
    String key;

    @Option(names = "--agency-key", paramLabel = "KEY", defaultValue = "${env:WIRE_AGENCY_KEY}",
            description = {"An agency's push API key (default: $WIRE_AGENCY_KEY): ask ingest-service about that agency's",
                    "own receipt instead of the read API; no operator key is needed"})
    String agencyKey;

    @Option(names = "--push-api", paramLabel = "URL",
            description = "ingest-service push API, asked with --agency-key (default: the local pipeline's, " + LOCAL_PUSH_API
                    + " at the default --port-base)")
    String pushApi;

    @Option(names = "--data-dir", defaultValue = "wire-data", paramLabel = "DIR",
            description = "The local pipeline's data folder, where its operator read key is kept (default: ${DEFAULT-VALUE})")
    java.nio.file.Path dataDir;

    @Override
    public Integer call() {
        if (agencyKey != null && !agencyKey.isBlank()) {
            return asAgency();
        }
        String base = withoutSlash(readApi != null ? readApi : "http://127.0.0.1:" + new LocalPorts(portBase).readApi());
        Matcher receipt = RECEIPT.matcher(itemId.strip());
        String id = receipt.matches() ? receipt.group(1) : itemId.strip();
        String operatorKey = key != null && !key.isBlank() ? key.strip() : localOperatorKey();
        Answer answer = ask(base, id, operatorKey, "the read API");
        if (answer == null) {
            return 2;
        }
        if (answer.status() == 404) {
            System.out.println(id + ": not seen by publish-service yet (still in flight or held upstream), "
                    + "or not a receipt id");
            return 1;
        }
        if (answer.status() != 200) {
            System.err.println("wire trace: " + base + " answered " + answer.status() + ": " + answer.body().path("reason").asText());
            return 2;
        }
        System.out.println(describe(answer.body()));
        return 0;
    }

    /** The agency's way: its receipt, its own key, ingest-service's answer (which carries the fate). */
    private int asAgency() {
        String base = withoutSlash(pushApi != null ? pushApi : "http://127.0.0.1:" + new LocalPorts(portBase).ingest());
        String token = itemId.strip();
        Answer answer = ask(base, token, agencyKey.strip(), "the push API");
        if (answer == null) {
            return 2;
        }
        if (answer.status() == 404) {
            System.out.println(token + ": no item of this agency's with this receipt (never taken, another agency's, "
                    + "or past retention)");
            return 1;
        }
        if (answer.status() != 200) {
            System.err.println("wire trace: " + base + " answered " + answer.status() + ": " + answer.body().path("message").asText());
            return 2;
        }
        JsonNode body = answer.body();
        JsonNode fate = body.path("fate");
        String id = body.path("itemId").asText(token);
        switch (fate.path("fate").asText("unknown")) {
            case "pending" -> {
                System.out.println(id + ": taken (on " + body.path("topic").asText() + " at " + body.path("partition").asText()
                        + "/" + body.path("offset").asText() + "), not seen by publish-service yet (still in flight)");
                return 1;
            }
            case "unknown" -> {
                System.out.println(id + ": taken (on " + body.path("topic").asText() + "); "
                        + fate.path("message").asText("fate unknown"));
                return 2;
            }
            default -> {
                System.out.println(describe(fate));
                return 0;
            }
        }
    }

    /** An answer of {@code GET .../v1/items/{id}}: its status and its JSON body. */
    private record Answer(int status, JsonNode body) {}

    /** Asks {@code base}'s item route (the read API's or the push API's); null, having said why, when it could not. */
    private static Answer ask(String base, String id, String bearer, String what) {
        HttpResponse<String> response = get(base + "/v1/items/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
                bearer, what);
        if (response == null) {
            return null;
        }
        JsonNode body = json(response, base);
        return body == null ? null : new Answer(response.statusCode(), body);
    }

    /** The answer, or null (said on stderr) when the service could not be asked. */
    private static HttpResponse<String> get(String url, String bearer, String what) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage()
                    : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
            System.err.println("wire trace: cannot reach " + what + " at " + URI.create(url).resolve("/") + ": " + why
                    + " (is the pipeline running there? for a local one started with --port-base, give the same --port-base)");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode json(HttpResponse<String> response, String base) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            System.err.println("wire trace: " + base + " answered " + response.statusCode() + " without JSON");
            return null;
        }
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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

package io.wirestream.contracts.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;

/**
 * Schema registry client over the Confluent REST API ({@code application/vnd.schemaregistry.v1+json}).
 *
 * <p>Ids are immutable in every registry that speaks this API, so id-to-schema and (subject, schema)-to-id answers are
 * cached forever; "latest" answers are not cached because they change.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUris;
    private final HttpClient http;
    private final String authorization;
    private final Duration timeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String urls) {
        this(urls, null, null, Duration.ofSeconds(10));
    }

    /**
     * @param urls comma-separated base URLs; tried in order until one answers
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or null
     * @param sslContext TLS context for https URLs with a private CA or client certificate, or null for the JVM default
     */
    public RestSchemaRegistryClient(String urls, String basicAuthUserInfo, SSLContext sslContext, Duration timeout) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is not set");
        }
        List<URI> list = new ArrayList<>();
        for (String u : urls.split(",")) {
            String trimmed = u.trim();
            if (!trimmed.isEmpty()) {
                list.add(URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/"));
            }
        }
        this.baseUris = List.copyOf(list);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = call("POST", "subjects/" + enc(subject) + "/versions", schemaBody(schema));
        int id = reply.path("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        try {
            JsonNode reply = call("POST", "subjects/" + enc(subject), schemaBody(schema));
            RegisteredSchema found = toRegistered(reply, subject);
            remember(subject, schema, found.id());
            return Optional.of(found);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            if (cached != null) {
                return Optional.of(new RegisteredSchema(subject, cached, -1, schema));
            }
            throw e;
        }
    }

    @Override
    public Schema schemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        JsonNode reply = call("GET", "schemas/ids/" + id, null);
        Schema schema = parse(reply.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        try {
            return Optional.of(toRegistered(call("GET", "subjects/" + enc(subject) + "/versions/latest", null), subject));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Integer> versions(String subject) {
        try {
            JsonNode reply = call("GET", "subjects/" + enc(subject) + "/versions", null);
            List<Integer> versions = new ArrayList<>();
            reply.forEach(v -> versions.add(v.asInt()));
            return versions;
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode reply = call("POST", "compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema));
            return reply.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return true; // nothing registered yet: anything is compatible
            }
            throw e;
        }
    }

    @Override
    public String compatibility(String subject) {
        if (subject != null) {
            try {
                JsonNode reply = call("GET", "config/" + enc(subject) + "?defaultToGlobal=true", null);
                return level(reply);
            } catch (SchemaRegistryException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        return level(call("GET", "config", null));
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", subject == null ? "config" : "config/" + enc(subject), body.toString());
    }

    private static String level(JsonNode reply) {
        // Confluent answers GET /config with "compatibilityLevel"; some implementations echo "compatibility"
        return reply.hasNonNull("compatibilityLevel") ? reply.get("compatibilityLevel").asText() : reply.path("compatibility").asText();
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private RegisteredSchema toRegistered(JsonNode reply, String subject) {
        int id = reply.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, i -> parse(reply.path("schema").asText()));
        return new RegisteredSchema(reply.path("subject").asText(subject), id, reply.path("version").asInt(), schema);
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(timeout)
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() >= 300) {
                    throw new SchemaRegistryException(response.statusCode(), json.path("error_code").asInt(response.statusCode()),
                            json.path("message").asText("registry refused " + method + " " + path));
                }
                return json;
            } catch (IOException e) {
                lastFailure = e; // try the next URL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("schema registry unreachable at " + baseUris + ": " + lastFailure, lastFailure);
    }
}

package io.wirestream.localkafka.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.wirestream.contracts.registry.RegisteredSchema;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry for local mode speaking the Confluent REST API subset Wirestream uses (register, look up by id
 * and by schema, versions, latest, compatibility check, config), with Confluent's error codes. Durable in a compacted
 * Kafka topic, so ids survive a restart; compatibility is enforced with Avro's own validator.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryState state;
    private final SchemaLog schemaLog;
    private final Javalin http;

    private EmbeddedSchemaRegistry(SchemaLog schemaLog, CompatibilityLevel defaultLevel, String host, int port) {
        this.schemaLog = schemaLog;
        this.state = new RegistryState(schemaLog, defaultLevel);
        this.http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            routes(config.routes);
        });
        http.start(host, port);
        log.info("schema registry listening at {} ({} subjects)", url(), state.subjects().size());
    }

    /** Starts a registry kept in the given Kafka cluster (topic {@link KafkaSchemaLog#DEFAULT_TOPIC}). */
    public static EmbeddedSchemaRegistry start(Map<String, Object> kafkaClientProps, String host, int port, CompatibilityLevel defaultLevel) {
        return new EmbeddedSchemaRegistry(new KafkaSchemaLog(KafkaSchemaLog.DEFAULT_TOPIC, kafkaClientProps, 1), defaultLevel, host, port);
    }

    /** Starts a registry on any store of events (tests). */
    public static EmbeddedSchemaRegistry start(SchemaLog log, String host, int port, CompatibilityLevel defaultLevel) {
        return new EmbeddedSchemaRegistry(log, defaultLevel, host, port);
    }

    public String url() {
        return "http://127.0.0.1:" + http.port();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        schemaLog.close();
    }

    private void routes(RoutesConfig routes) {
        routes.get("/", ctx -> reply(ctx, 200, JSON.createObjectNode()));
        routes.get("/schemas/types", ctx -> reply(ctx, 200, JSON.createArrayNode().add("AVRO")));
        routes.get("/subjects", ctx -> {
            ArrayNode list = JSON.createArrayNode();
            state.subjects().forEach(list::add);
            reply(ctx, 200, list);
        });
        routes.get("/subjects/{subject}/versions", ctx -> {
            String subject = ctx.pathParam("subject");
            Optional<java.util.List<Integer>> versions = state.versions(subject);
            if (versions.isEmpty()) {
                error(ctx, 404, 40401, "Subject '" + subject + "' not found.");
                return;
            }
            ArrayNode list = JSON.createArrayNode();
            versions.get().forEach(list::add);
            reply(ctx, 200, list);
        });
        routes.get("/subjects/{subject}/versions/{version}", ctx -> version(ctx).ifPresent(r -> reply(ctx, 200, describe(r))));
        routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> version(ctx).ifPresent(r -> {
            ctx.status(200).contentType(CONTENT_TYPE).result(r.schema().toString());
        }));
        routes.post("/subjects/{subject}/versions", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = schemaFromBody(ctx);
            if (schema == null) {
                return;
            }
            try {
                RegisteredSchema r = state.register(subject, schema);
                reply(ctx, 200, JSON.createObjectNode().put("id", r.id()));
            } catch (RegistryState.IncompatibleSchemaException e) {
                error(ctx, 409, 409, e.getMessage());
            }
        });
        routes.post("/subjects/{subject}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = schemaFromBody(ctx);
            if (schema == null) {
                return;
            }
            if (!state.hasSubject(subject)) {
                error(ctx, 404, 40401, "Subject '" + subject + "' not found.");
                return;
            }
            Optional<RegisteredSchema> found = state.lookup(subject, schema);
            if (found.isEmpty()) {
                error(ctx, 404, 40403, "Schema not found");
                return;
            }
            reply(ctx, 200, describe(found.get()));
        });
        routes.get("/schemas/ids/{id}", ctx -> {
            Integer id = parseInt(ctx.pathParam("id"));
            Optional<Schema> schema = id == null ? Optional.empty() : state.byId(id);
            if (schema.isEmpty()) {
                error(ctx, 404, 40403, "Schema " + ctx.pathParam("id") + " not found");
                return;
            }
            reply(ctx, 200, JSON.createObjectNode().put("schema", schema.get().toString()));
        });
        routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = schemaFromBody(ctx);
            if (schema == null) {
                return;
            }
            String v = ctx.pathParam("version");
            Integer version = v.equals("latest") ? null : parseInt(v);
            if (!state.hasSubject(subject)) {
                error(ctx, 404, 40401, "Subject '" + subject + "' not found.");
                return;
            }
            if (version != null && state.version(subject, version).isEmpty()) {
                error(ctx, 404, 40402, "Version " + v + " not found.");
                return;
            }
            // "latest" answers what registration would answer: the subject's level over its history
            String problem = state.compatibilityProblem(subject, schema, version);
            ObjectNode body = JSON.createObjectNode().put("is_compatible", problem == null);
            if (problem != null && "true".equals(ctx.queryParam("verbose"))) {
                body.putArray("messages").add(problem);
            }
            reply(ctx, 200, body);
        });
        routes.get("/config", ctx -> reply(ctx, 200, JSON.createObjectNode().put("compatibilityLevel", state.globalLevel().name())));
        routes.put("/config", ctx -> setLevel(ctx, null));
        routes.get("/config/{subject}", ctx -> {
            String subject = ctx.pathParam("subject");
            Optional<CompatibilityLevel> level = state.subjectLevel(subject);
            if (level.isPresent()) {
                reply(ctx, 200, JSON.createObjectNode().put("compatibilityLevel", level.get().name()));
            } else if ("true".equals(ctx.queryParam("defaultToGlobal"))) {
                reply(ctx, 200, JSON.createObjectNode().put("compatibilityLevel", state.globalLevel().name()));
            } else {
                error(ctx, 404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
            }
        });
        routes.put("/config/{subject}", ctx -> setLevel(ctx, ctx.pathParam("subject")));
        routes.exception(Exception.class, (e, ctx) -> {
            log.warn("registry request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, 50001, "Error in the backend data store: " + e.getMessage());
        });
    }

    private Optional<RegisteredSchema> version(Context ctx) {
        String subject = ctx.pathParam("subject");
        String v = ctx.pathParam("version");
        Integer version = v.equals("latest") || v.equals("-1") ? Integer.valueOf(-1) : parseInt(v);
        if (version == null) {
            error(ctx, 422, 42202, "The specified version '" + v + "' is not a valid version id.");
            return Optional.empty();
        }
        if (!state.hasSubject(subject)) {
            error(ctx, 404, 40401, "Subject '" + subject + "' not found.");
            return Optional.empty();
        }
        Optional<RegisteredSchema> r = state.version(subject, version);
        if (r.isEmpty()) {
            error(ctx, 404, 40402, "Version " + v + " not found.");
        }
        return r;
    }

    private void setLevel(Context ctx, String subject) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            CompatibilityLevel level = CompatibilityLevel.parse(body.path("compatibility").asText(""));
            state.setLevel(subject, level);
            reply(ctx, 200, JSON.createObjectNode().put("compatibility", level.name()));
        } catch (IllegalArgumentException e) {
            error(ctx, 422, 42203, "Invalid compatibility level: " + e.getMessage());
        } catch (java.io.IOException e) {
            error(ctx, 422, 42203, "Invalid compatibility body: " + e.getMessage());
        }
    }

    /** The schema in a request body, or null after answering 422 (Confluent answers 42201 for unparseable schemas). */
    private Schema schemaFromBody(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            String type = body.path("schemaType").asText("AVRO");
            if (!type.equals("AVRO")) {
                error(ctx, 422, 42201, "Schema type " + type + " is not supported here; only AVRO");
                return null;
            }
            if (!body.hasNonNull("schema")) {
                error(ctx, 422, 42201, "Request has no 'schema' field");
                return null;
            }
            return new Schema.Parser().parse(body.get("schema").asText());
        } catch (SchemaParseException e) {
            error(ctx, 422, 42201, "Invalid schema: " + e.getMessage());
            return null;
        } catch (java.io.IOException e) {
            error(ctx, 422, 42201, "Request body is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static ObjectNode describe(RegisteredSchema r) {
        return JSON.createObjectNode().put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                .put("schema", r.schema().toString());
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void reply(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }

    private static void error(Context ctx, int status, int code, String message) {
        reply(ctx, status, JSON.createObjectNode().put("error_code", code).put("message", message));
    }
}

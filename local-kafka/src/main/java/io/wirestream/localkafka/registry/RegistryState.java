package io.wirestream.localkafka.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.contracts.registry.RegisteredSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state: schemas by global id, versions per subject, compatibility levels. Every change goes through
 * the {@link SchemaLog} first and is applied from the same event form used on replay, so a restart rebuilds exactly
 * the same ids. Synchronised: one writer at a time keeps id assignment total.
 */
final class RegistryState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaLog log;
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> versionsBySubject = new TreeMap<>(); // subject -> version -> id
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int nextId = 1;

    RegistryState(SchemaLog log, CompatibilityLevel defaultLevel) {
        this.log = log;
        this.globalLevel = defaultLevel;
        log.replay(this::apply);
    }

    synchronized RegisteredSchema register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get();
        }
        String refusal = levelFor(subject).check(schema, schemasNewestFirst(subject));
        if (refusal != null) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\" under " + levelFor(subject) + ": " + refusal);
        }
        int id = idOf(schema).orElse(nextId);
        int version = versionsBySubject.getOrDefault(subject, new TreeMap<>()).isEmpty() ? 1
                : versionsBySubject.get(subject).lastKey() + 1;
        ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version);
        ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schema.toString());
        persistAndApply(key.toString(), value.toString());
        return new RegisteredSchema(subject, id, version, byId.get(id));
    }

    synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        TreeMap<Integer, Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, Integer> e : versions.entrySet()) {
            if (byId.get(e.getValue()).equals(schema)) {
                return Optional.of(new RegisteredSchema(subject, e.getValue(), e.getKey(), byId.get(e.getValue())));
            }
        }
        return Optional.empty();
    }

    synchronized String compatibilityProblem(String subject, Schema schema, Integer againstVersion) {
        List<Schema> previous = schemasNewestFirst(subject);
        if (againstVersion != null) {
            Integer id = versionsBySubject.get(subject).get(againstVersion);
            previous = id == null ? List.of() : List.of(byId.get(id));
        }
        return levelFor(subject).check(schema, previous);
    }

    synchronized Optional<Schema> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<String> subjects() {
        return new ArrayList<>(versionsBySubject.keySet());
    }

    synchronized Optional<List<Integer>> versions(String subject) {
        TreeMap<Integer, Integer> v = versionsBySubject.get(subject);
        return v == null ? Optional.empty() : Optional.of(new ArrayList<>(v.keySet()));
    }

    /** @param version a version number, or -1 for the latest */
    synchronized Optional<RegisteredSchema> version(String subject, int version) {
        TreeMap<Integer, Integer> v = versionsBySubject.get(subject);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        int wanted = version == -1 ? v.lastKey() : version;
        Integer id = v.get(wanted);
        return id == null ? Optional.empty() : Optional.of(new RegisteredSchema(subject, id, wanted, byId.get(id)));
    }

    synchronized boolean hasSubject(String subject) {
        return versionsBySubject.containsKey(subject);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void setLevel(String subject, CompatibilityLevel level) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (subject != null) {
            key.put("subject", subject);
        }
        persistAndApply(key.toString(), JSON.createObjectNode().put("compatibilityLevel", level.name()).toString());
    }

    private CompatibilityLevel levelFor(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Schema> schemasNewestFirst(String subject) {
        TreeMap<Integer, Integer> v = versionsBySubject.get(subject);
        if (v == null) {
            return List.of();
        }
        List<Schema> list = new ArrayList<>();
        v.descendingMap().values().forEach(id -> list.add(byId.get(id)));
        return Collections.unmodifiableList(list);
    }

    private Optional<Integer> idOf(Schema schema) {
        return byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst();
    }

    private void persistAndApply(String key, String value) {
        log.append(key, value);
        apply(key, value);
    }

    private void apply(String keyJson, String valueJson) {
        try {
            JsonNode key = JSON.readTree(keyJson);
            if (valueJson == null) {
                return; // tombstones are not written by this registry
            }
            JsonNode value = JSON.readTree(valueJson);
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    int id = value.get("id").asInt();
                    byId.putIfAbsent(id, new Schema.Parser().parse(value.get("schema").asText()));
                    versionsBySubject.computeIfAbsent(value.get("subject").asText(), s -> new TreeMap<>())
                            .put(value.get("version").asInt(), id);
                    nextId = Math.max(nextId, id + 1);
                }
                case "CONFIG" -> {
                    CompatibilityLevel level = CompatibilityLevel.parse(value.get("compatibilityLevel").asText());
                    if (key.hasNonNull("subject")) {
                        subjectLevels.put(key.get("subject").asText(), level);
                    } else {
                        globalLevel = level;
                    }
                }
                default -> { /* events of later versions are ignored, not fatal */ }
            }
        } catch (Exception e) {
            throw new IllegalStateException("corrupt registry event " + keyJson + ": " + e.getMessage(), e);
        }
    }

    static final class IncompatibleSchemaException extends RuntimeException {
        IncompatibleSchemaException(String message) {
            super(message);
        }
    }
}

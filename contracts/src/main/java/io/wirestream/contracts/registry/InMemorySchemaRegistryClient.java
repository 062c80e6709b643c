package io.wirestream.contracts.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for topology tests and offline tools. Ids and versions behave as in a real registry
 * (one id per distinct schema, versions per subject); compatibility is not enforced here (see the embedded registry).
 * An outage test can make its look-ups by id fail for a while ({@link #failLookupsById}), as they do while a real
 * registry is away: that is the look-up a reader needs for every new schema id it meets.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    private final Map<String, String> levels = new HashMap<>();
    private int lookupsById;
    private int failuresLeft;
    private RuntimeException failure;

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idBySchema.computeIfAbsent(schema, s -> {
            int next = byId.size() + 1;
            byId.put(next, s);
            return next;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        Integer id = idBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(new RegisteredSchema(subject, id, versions.indexOf(id) + 1, schema));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        lookupsById++;
        if (failuresLeft > 0) {
            failuresLeft--;
            throw failure;
        }
        Schema s = byId.get(id);
        if (s == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return s;
    }

    /** The next {@code count} look-ups by id throw {@code error}; {@link Integer#MAX_VALUE} until {@link #answerLookupsById()}. */
    public synchronized void failLookupsById(int count, RuntimeException error) {
        failuresLeft = count;
        failure = error;
    }

    /** Look-ups by id answer again. */
    public synchronized void answerLookupsById() {
        failuresLeft = 0;
        failure = null;
    }

    /** Look-ups by id asked so far, the failed ones included. */
    public synchronized int lookupsById() {
        return lookupsById;
    }

    @Override
    public synchronized Optional<RegisteredSchema> latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        int id = versions.get(versions.size() - 1);
        return Optional.of(new RegisteredSchema(subject, id, versions.size(), byId.get(id)));
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        List<Integer> result = new ArrayList<>();
        for (int i = 1; i <= subjects.getOrDefault(subject, List.of()).size(); i++) {
            result.add(i);
        }
        return result;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return true;
    }

    @Override
    public synchronized String compatibility(String subject) {
        return levels.getOrDefault(subject, levels.getOrDefault(null, "BACKWARD"));
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        levels.put(subject, level);
    }
}

package io.wirestream.publish.store.jdbc;

import io.wirestream.avro.Article;
import io.wirestream.subscriptions.ReadEntitlement;
import io.wirestream.subscriptions.StoryFacets;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code read_grants}: who may read which story through the read API, by the fan-out's rule
 * ({@link ReadEntitlement}). Runs inside the writer's transaction, with the writer lock held.
 */
final class ReadGrants {

    private static final Logger log = LoggerFactory.getLogger(ReadGrants.class);

    private final SqlDialect dialect;

    ReadGrants(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Grants each version accepted by the batch to the subscribers it lets start reading. */
    void grant(Connection c, List<Article> versions, SubscriberConfig config, Instant now) throws SQLException {
        if (config.subscribers().isEmpty() || versions.isEmpty()) {
            return;
        }
        Map<String, Map<String, Long>> grants = new LinkedHashMap<>();
        for (Article a : versions) {
            for (String id : ReadEntitlement.startingWith(config, StoryFacets.of(a))) {
                grants.computeIfAbsent(a.getUri(), u -> new LinkedHashMap<>()).putIfAbsent(id, a.getVersion());
            }
        }
        insert(c, grants, now);
    }

    /**
     * Applies a changed subscribers file to the stories already stored: every subscriber whose products differ from
     * those last applied (or who is new) gets the stories whose stored version one of its products admits. A story
     * newly granted to a subscriber that existed before is given a new change cursor, so that subscriber's feed,
     * whose cursor may already have passed it, lists it (other readers see it again at the same version).
     *
     * @return the grants made
     */
    int refresh(Connection c, SubscriberConfig config, Instant now) throws SQLException {
        Map<String, String> applied = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subscriber_id, rules_digest FROM read_rules");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getString(2));
            }
        }
        List<Subscriber> changed = new ArrayList<>();
        Map<String, String> digests = new HashMap<>();
        for (Subscriber s : config.subscribers()) {
            String digest = ReadEntitlement.rulesDigest(s);
            digests.put(s.id(), digest);
            if (!digest.equals(applied.get(s.id()))) {
                changed.add(s);
            }
        }
        Set<String> removed = new HashSet<>(applied.keySet());
        removed.removeAll(digests.keySet());
        if (changed.isEmpty() && removed.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Long>> wanted = new LinkedHashMap<>();
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT uri, version, facets FROM articles WHERE facets IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoryFacets facets;
                    try {
                        facets = StoryFacets.fromJson(rs.getString(3));
                    } catch (IllegalArgumentException e) {
                        log.warn("story {}: stored facets unreadable, not granted to changed subscribers: {}", rs.getString(1), e.getMessage());
                        continue;
                    }
                    for (Subscriber s : changed) {
                        if (ReadEntitlement.starts(s, facets)) {
                            wanted.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>()).put(s.id(), rs.getLong(2));
                        }
                    }
                }
            }
        }
        Set<String> changedIds = new HashSet<>();
        changed.forEach(s -> changedIds.add(s.id()));
        Set<String> existing = existingGrants(c, changedIds);
        Map<String, Map<String, Long>> fresh = new LinkedHashMap<>();
        Set<String> resequence = new LinkedHashSet<>();
        int made = 0;
        for (Map.Entry<String, Map<String, Long>> story : wanted.entrySet()) {
            for (Map.Entry<String, Long> grant : story.getValue().entrySet()) {
                if (existing.contains(story.getKey() + '\n' + grant.getKey())) {
                    continue;
                }
                fresh.computeIfAbsent(story.getKey(), u -> new LinkedHashMap<>()).put(grant.getKey(), grant.getValue());
                made++;
                if (applied.containsKey(grant.getKey())) {
                    resequence.add(story.getKey());
                }
            }
        }
        insert(c, fresh, now);
        resequence(c, resequence);
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO read_rules (subscriber_id, rules_digest, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (subscriber_id) DO UPDATE SET rules_digest = excluded.rules_digest, "
                + "updated_at = excluded.updated_at")) {
            for (Subscriber s : changed) {
                upsert.setString(1, s.id());
                upsert.setString(2, digests.get(s.id()));
                dialect.setInstant(upsert, 3, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM read_rules WHERE subscriber_id = ?")) {
            for (String id : removed) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        if (made > 0 || !removed.isEmpty()) {
            log.info("read grants for a changed subscribers file: {} new grants for {}, {} stories listed again in the change feed{}",
                    made, changedIds, resequence.size(), removed.isEmpty() ? "" : "; no longer in the file: " + removed);
        }
        return made;
    }

    private Set<String> existingGrants(Connection c, Set<String> subscriberIds) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT story_uri FROM read_grants WHERE subscriber_id = ?")) {
            for (String id : subscriberIds) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1) + '\n' + id);
                    }
                }
            }
        }
        return existing;
    }

    private void insert(Connection c, Map<String, Map<String, Long>> grants, Instant now) throws SQLException {
        if (grants.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO read_grants (story_uri, subscriber_id, granted_version, "
                + "granted_at) VALUES (?, ?, ?, ?) ON CONFLICT (story_uri, subscriber_id) DO NOTHING")) {
            for (Map.Entry<String, Map<String, Long>> story : grants.entrySet()) {
                for (Map.Entry<String, Long> grant : story.getValue().entrySet()) {
                    ps.setString(1, story.getKey());
                    ps.setString(2, grant.getKey());
                    ps.setLong(3, grant.getValue());
                    dialect.setInstant(ps, 4, now);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void resequence(Connection c, Set<String> uris) throws SQLException {
        if (uris.isEmpty()) {
            return;
        }
        long[] seqs = dialect.nextChangeSeqs(c, uris.size());
        int i = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET change_seq = ? WHERE uri = ? AND change_seq IS NOT NULL")) {
            for (String uri : uris) {
                ps.setLong(1, seqs[i++]);
                ps.setString(2, uri);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

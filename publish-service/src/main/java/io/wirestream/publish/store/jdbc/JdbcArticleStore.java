package io.wirestream.publish.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.wirestream.avro.Article;
import io.wirestream.publish.store.ApplyResult;
import io.wirestream.publish.store.ArticleChange;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.BatchPlan;
import io.wirestream.publish.store.ChangePage;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.ItemFate;
import io.wirestream.publish.store.StoreLimits;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.ReadScope;
import io.wirestream.subscriptions.StoryFacets;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.publish.store.SearchHit;
import io.wirestream.publish.store.StoreHealth;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.StoredArticle;
import io.wirestream.publish.store.StoryStatus;
import io.wirestream.publish.store.UnstorableRecordException;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The SQL stores' shared writer and reader: one transaction per batch holding the articles and the consumer
 * offsets after them, so a crash either keeps both or neither. Database differences live in {@link SqlDialect}.
 */
public abstract class JdbcArticleStore implements ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcArticleStore.class);

    private static final int LOOKUP_CHUNK = 500;
    private static final String COLUMNS = "uri, version, status, embargoed_until, awaiting_release, change_seq, "
            + "headline, body_text, language, agency, versioncreated, document, "
            + "source_topic, source_partition, source_offset, updated_at, content_hash, facets";

    private final SqlDialect dialect;
    private final KillMode killMode;
    private final NinjsWriter documentWriter = NinjsWriter.withPipelineExtension();
    private final String upsertSql;
    private volatile HikariDataSource dataSource;
    private final ReadGrants grants;
    private volatile Supplier<SubscriberConfig> subscribers;
    /** The subscribers file version whose changes the stored grants reflect; null: not checked since start. */
    private volatile String grantsDigest;

    JdbcArticleStore(SqlDialect dialect, KillMode killMode) {
        this.dialect = dialect;
        this.killMode = killMode;
        this.grants = new ReadGrants(dialect);
        this.upsertSql = "INSERT INTO articles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.documentPlaceholder() + ", ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (uri) DO UPDATE SET version = excluded.version, status = excluded.status, "
                + "embargoed_until = excluded.embargoed_until, awaiting_release = excluded.awaiting_release, "
                + "change_seq = excluded.change_seq, headline = excluded.headline, body_text = excluded.body_text, "
                + "language = excluded.language, agency = excluded.agency, versioncreated = excluded.versioncreated, "
                + "document = excluded.document, source_topic = excluded.source_topic, "
                + "source_partition = excluded.source_partition, source_offset = excluded.source_offset, "
                + "updated_at = excluded.updated_at, content_hash = excluded.content_hash, facets = excluded.facets";
    }

    /** A new pool for the database; called by {@link #open()} and again after a failed open. */
    protected abstract HikariDataSource createDataSource();

    /** Flyway settings beyond data source and location (schema for PostgreSQL). */
    protected void configureMigrations(FluentConfiguration flyway) {
    }

    /**
     * Makes this store record who may read what for the per-subscriber read API: each written version is granted to
     * the subscribers it lets start reading, and a changed file is applied to the stories held. Call before
     * {@link #apply}; without it no grants are made (the read API is then open, or operator-only).
     */
    public JdbcArticleStore grantReadsTo(Supplier<SubscriberConfig> subscribers) {
        this.subscribers = subscribers;
        return this;
    }

    public KillMode killMode() {
        return killMode;
    }

    @Override
    public synchronized void open() {
        if (dataSource != null) {
            return;
        }
        HikariDataSource ds = createDataSource();
        try {
            var flyway = Flyway.configure().dataSource(ds).locations(dialect.migrationLocation());
            configureMigrations(flyway);
            flyway.load().migrate();
            dataSource = ds;
            opened(ds);
            log.info("{} store open", name());
        } catch (FlywayException | StoreUnavailableException e) {
            ds.close();
            throw new StoreUnavailableException(name() + " store cannot be opened: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreUnavailableException(name() + " store cannot be opened: " + e, e);
        }
    }

    /** Called once the store is open, with its pool (SQLite starts its checkpointer here). */
    protected void opened(HikariDataSource ds) {
    }

    /** Called before the pool closes. */
    protected void closing() {
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            closing();
            dataSource.close();
            dataSource = null;
        }
    }

    private Connection connection() throws SQLException {
        HikariDataSource ds = dataSource;
        if (ds == null) {
            open();
            ds = dataSource;
        }
        return ds.getConnection();
    }

    @Override
    public ApplyResult apply(List<IncomingRecord> batch, Instant now) {
        if (batch.isEmpty()) {
            return ApplyResult.EMPTY;
        }
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                dialect.lockWriters(c);
                BatchPlan plan = BatchPlan.of(batch, uris -> known(c, uris), killMode, now);
                writeTargets(c, plan.targets(), now);
                SubscriberConfig readers = subscribers == null ? null : subscribers.get();
                if (readers != null) {
                    grants.grant(c, plan.acceptedVersions(), readers, now);
                    if (!readers.digest().equals(grantsDigest)) {
                        grants.refresh(c, readers, now);
                    }
                }
                writeFates(c, plan.fates(), now);
                storeOffsets(c, plan.nextOffsets(), now);
                c.commit();
                if (readers != null) {
                    grantsDigest = readers.digest();
                }
                return plan.result();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            if (isPermanent(e)) {
                throw new UnstorableRecordException(name() + " store refuses a record of the batch for good: " + e.getMessage(), e);
            }
            throw unavailable("apply a batch of " + batch.size(), e);
        } catch (RuntimeException e) {
            throw unavailable("apply a batch of " + batch.size(), e);
        }
    }

    /**
     * Errors that the same data will meet again however long we wait: PostgreSQL classes 22 (data exception) and
     * 54 (program limit exceeded, e.g. an index row over the B-tree maximum); SQLite SQLITE_TOOBIG (18) and
     * SQLITE_MISMATCH (20). Connection, lock and server errors are none of these and mean waiting.
     */
    static boolean isPermanent(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("54"))) {
                    return true;
                }
                if (sql.getClass().getName().startsWith("org.sqlite.") && (sql.getErrorCode() == 18 || sql.getErrorCode() == 20)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the store holds for these stories, in one query per 500 ids instead of one per record. */
    private Map<String, BatchPlan.Known> known(Connection c, Set<String> uris) {
        Map<String, BatchPlan.Known> known = new HashMap<>();
        List<String> all = new ArrayList<>(uris);
        try {
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(from + LOOKUP_CHUNK, all.size()));
                String sql = "SELECT uri, version, status, content_hash FROM articles WHERE uri IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            known.put(rs.getString(1), new BatchPlan.Known(rs.getLong(2), StoryStatus.fromDb(rs.getString(3)), rs.getString(4)));
                        }
                    }
                }
            }
            return known;
        } catch (SQLException e) {
            throw new StoreUnavailableException(name() + " store could not read current versions: " + e.getMessage(), e);
        }
    }

    private void writeTargets(Connection c, Collection<BatchPlan.Target> targets, Instant now) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        long visible = targets.stream().filter(t -> !t.held()).count();
        long[] seqs = dialect.nextChangeSeqs(c, (int) visible);
        int nextSeq = 0;
        List<SearchText> searchTexts = new ArrayList<>(targets.size());
        try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
            for (BatchPlan.Target target : targets) {
                Article article = target.article();
                StoryStatus status = target.status();
                String headline = dialect.text(status == StoryStatus.DELETED ? null
                        : io.wirestream.publish.store.StoreLimits.searchText(article.getHeadline()));
                // only the search index is bounded (a PostgreSQL tsvector stops at 1 MB); the document stays whole
                String body = dialect.text(status.isKilled() ? null : io.wirestream.publish.store.StoreLimits.searchText(bodyText(article)));
                String document = dialect.json(switch (status) {
                    case DELETED -> null;
                    case WITHDRAWN -> documentWriter.toWithdrawnMarkerJson(article);
                    default -> documentWriter.toJson(article);
                });
                int i = 1;
                ps.setString(i++, target.uri());
                ps.setLong(i++, target.version());
                ps.setString(i++, status.dbValue());
                dialect.setInstant(ps, i++, target.embargo());
                ps.setBoolean(i++, target.held());
                if (target.held()) {
                    ps.setNull(i++, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(i++, seqs[nextSeq++]);
                }
                ps.setString(i++, headline);
                ps.setString(i++, body);
                ps.setString(i++, dialect.text(article.getLanguage()));
                ps.setString(i++, dialect.text(article.getAgency()));
                dialect.setInstant(ps, i++, article.getVersioncreated());
                ps.setString(i++, document);
                ps.setString(i++, target.source().topic());
                ps.setInt(i++, target.source().partition());
                ps.setLong(i++, target.source().offset());
                dialect.setInstant(ps, i++, now);
                ps.setString(i++, target.contentHash());
                ps.setString(i, StoryFacets.of(article).toJson());
                ps.addBatch();
                boolean searchable = status == StoryStatus.USABLE || status == StoryStatus.WITHHELD;
                searchTexts.add(new SearchText(target.uri(), searchable ? headline : null, searchable ? body : null));
            }
            ps.executeBatch();
        }
        dialect.indexForSearch(c, searchTexts);
    }

    private static final String FATE_COLUMNS = "item_id, fate, fate_rank, story_uri, version, status, embargoed_until, "
            + "survivor_uri, cluster_id, stage, reason, detail, decided_at, updated_at";

    /** Item fates, upserted so that a weaker fate read later (from another topic) never replaces a stronger one. */
    private void writeFates(Connection c, Collection<ItemFate> fates, Instant now) throws SQLException {
        if (fates.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO item_fates (" + FATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (item_id) DO UPDATE SET fate = excluded.fate, fate_rank = excluded.fate_rank, "
                + "story_uri = excluded.story_uri, version = excluded.version, status = excluded.status, "
                + "embargoed_until = excluded.embargoed_until, survivor_uri = excluded.survivor_uri, "
                + "cluster_id = excluded.cluster_id, stage = excluded.stage, reason = excluded.reason, "
                + "detail = excluded.detail, decided_at = excluded.decided_at, updated_at = excluded.updated_at "
                + "WHERE item_fates.fate_rank <= excluded.fate_rank";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ItemFate f : fates) {
                if (f.itemId() == null || !StoreLimits.storyIdFits(f.itemId())) {
                    log.warn("{}: item fate without a storable item id not kept: {}", name(), f.fate());
                    continue;
                }
                int i = 1;
                ps.setString(i++, f.itemId());
                ps.setString(i++, f.fate().dbValue());
                ps.setInt(i++, f.fate().rank);
                ps.setString(i++, dialect.text(f.storyUri() == null || StoreLimits.storyIdFits(f.storyUri()) ? f.storyUri() : null));
                if (f.version() == null) {
                    ps.setNull(i++, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(i++, f.version());
                }
                ps.setString(i++, f.status());
                dialect.setInstant(ps, i++, f.embargoedUntil());
                ps.setString(i++, dialect.text(f.survivorUri()));
                ps.setString(i++, dialect.text(f.clusterId()));
                ps.setString(i++, dialect.text(f.stage()));
                ps.setString(i++, dialect.text(f.reason()));
                ps.setString(i++, dialect.text(f.detail() == null ? null : StoreLimits.searchText(f.detail())));
                dialect.setInstant(ps, i++, f.decidedAt());
                dialect.setInstant(ps, i, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<ItemFate> itemFate(String itemId) {
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + FATE_COLUMNS + " FROM item_fates WHERE item_id = ?")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long version = rs.getLong("version");
                Long v = rs.wasNull() ? null : version;
                return Optional.of(new ItemFate(rs.getString("item_id"), ItemFate.Fate.fromDb(rs.getString("fate")),
                        rs.getString("story_uri"), v, rs.getString("status"), dialect.getInstant(rs, "embargoed_until"),
                        rs.getString("survivor_uri"), rs.getString("cluster_id"), rs.getString("stage"),
                        rs.getString("reason"), rs.getString("detail"), dialect.getInstant(rs, "decided_at")));
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable("read the fate of item " + itemId, e);
        }
    }

    private void storeOffsets(Connection c, Map<TopicPartition, Long> next, Instant now) throws SQLException {
        // never backwards: a zombie consumer finishing an old batch after a rebalance must not rewind the position
        String sql = "INSERT INTO consumer_offsets (topic, partition_id, next_offset, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (topic, partition_id) DO UPDATE SET next_offset = excluded.next_offset, "
                + "updated_at = excluded.updated_at WHERE consumer_offsets.next_offset < excluded.next_offset";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                ps.setString(1, e.getKey().topic());
                ps.setInt(2, e.getKey().partition());
                ps.setLong(3, e.getValue());
                dialect.setInstant(ps, 4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT topic, partition_id, next_offset FROM consumer_offsets");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
            return offsets;
        } catch (SQLException | RuntimeException e) {
            throw unavailable("read stored offsets", e);
        }
    }

    @Override
    public int releaseDueEmbargoes(Instant now) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                List<String> due = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT uri FROM articles WHERE awaiting_release = ? "
                        + "AND embargoed_until <= ? ORDER BY embargoed_until, uri")) {
                    ps.setBoolean(1, true);
                    dialect.setInstant(ps, 2, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            due.add(rs.getString(1));
                        }
                    }
                }
                if (due.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                dialect.lockWriters(c);
                int released = 0;
                try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET awaiting_release = ?, change_seq = ? "
                        + "WHERE uri = ? AND awaiting_release = ? AND embargoed_until <= ?")) {
                    for (String uri : due) {
                        ps.setBoolean(1, false);
                        ps.setLong(2, dialect.nextChangeSeqs(c, 1)[0]);
                        ps.setString(3, uri);
                        ps.setBoolean(4, true);
                        dialect.setInstant(ps, 5, now);
                        released += ps.executeUpdate();
                    }
                }
                c.commit();
                return released;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable("release embargoed articles", e);
        }
    }

    @Override
    public int refreshReadGrants(Instant now) {
        Supplier<SubscriberConfig> source = subscribers;
        if (source == null) {
            return 0;
        }
        SubscriberConfig readers = source.get();
        if (readers.digest().equals(grantsDigest)) {
            return 0;
        }
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                dialect.lockWriters(c);
                int made = grants.refresh(c, readers, now);
                c.commit();
                grantsDigest = readers.digest();
                return made;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable("apply the subscribers file to the read grants", e);
        }
    }

    @Override
    public boolean readableBy(String uri, String subscriberId) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM read_grants WHERE story_uri = ? AND subscriber_id = ?")) {
            ps.setString(1, uri);
            ps.setString(2, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable("check who may read " + uri, e);
        }
    }

    @Override
    public ChangePage changesSince(long cursor, int limit, Instant now, ReadScope scope, int scanLimit) {
        if (scope.isEverything()) {
            return changesSince(cursor, limit, now);
        }
        // walk the global feed in order, at most scanLimit rows, and keep the subscriber's: the grant lookup is by
        // primary key, so a request costs what it scans however few of the rows are the subscriber's
        String sql = "SELECT a.change_seq, a.uri, a.version, a.status, a.headline, "
                + "CASE WHEN g.story_uri IS NULL THEN NULL ELSE a.document END, g.story_uri IS NOT NULL "
                + "FROM articles a LEFT JOIN read_grants g ON g.story_uri = a.uri AND g.subscriber_id = ? "
                + "WHERE a.change_seq > ? AND (a.embargoed_until IS NULL OR a.embargoed_until <= ?) "
                + "ORDER BY a.change_seq LIMIT ?";
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope.subscriberId());
            ps.setLong(2, cursor);
            dialect.setInstant(ps, 3, now);
            ps.setInt(4, Math.max(limit, scanLimit));
            List<ArticleChange> changes = new ArrayList<>();
            long next = cursor;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && changes.size() < limit) {
                    next = rs.getLong(1);
                    if (rs.getBoolean(7)) {
                        changes.add(new ArticleChange(next, rs.getString(2), rs.getLong(3),
                                StoryStatus.fromDb(rs.getString(4)), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return new ChangePage(changes, next);
        } catch (SQLException | RuntimeException e) {
            throw unavailable("read changes for " + scope.subscriberId(), e);
        }
    }

    @Override
    public List<SearchHit> search(String query, int limit, Instant now, ReadScope scope) {
        try (Connection c = connection()) {
            return dialect.search(c, query, limit, now, scope.subscriberId());
        } catch (SQLException | RuntimeException e) {
            throw unavailable("search", e);
        }
    }

    @Override
    public Set<String> hiddenAmong(Collection<String> uris, Instant now, ReadScope scope) {
        Set<String> hidden = hiddenAmong(uris, now);
        if (scope.isEverything()) {
            return hidden;
        }
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(uris));
        try (Connection c = connection()) {
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(from + LOOKUP_CHUNK, all.size()));
                String sql = "SELECT a.uri FROM articles a WHERE a.uri IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND NOT EXISTS "
                        + "(SELECT 1 FROM read_grants g WHERE g.story_uri = a.uri AND g.subscriber_id = ?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    for (String uri : chunk) {
                        ps.setString(i++, uri);
                    }
                    ps.setString(i, scope.subscriberId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hidden.add(rs.getString(1));
                        }
                    }
                }
            }
            return hidden;
        } catch (SQLException | RuntimeException e) {
            throw unavailable("check which linked stories " + scope.subscriberId() + " may read", e);
        }
    }

    private static final String VISIBLE = "(embargoed_until IS NULL OR embargoed_until <= ?)";

    @Override
    public Optional<StoredArticle> get(String uri, Instant now) {
        String sql = "SELECT uri, version, status, headline, embargoed_until, document, change_seq FROM articles "
                + "WHERE uri = ? AND " + VISIBLE;
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, uri);
            dialect.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredArticle(rs.getString("uri"), rs.getLong("version"),
                        StoryStatus.fromDb(rs.getString("status")), rs.getString("headline"),
                        dialect.getInstant(rs, "embargoed_until"), rs.getString("document"), rs.getLong("change_seq")));
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable("read " + uri, e);
        }
    }

    @Override
    public ChangePage changesSince(long cursor, int limit, Instant now) {
        String sql = "SELECT change_seq, uri, version, status, headline, document FROM articles "
                + "WHERE change_seq > ? AND " + VISIBLE + " ORDER BY change_seq LIMIT ?";
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cursor);
            dialect.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            List<ArticleChange> changes = new ArrayList<>();
            long next = cursor;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ArticleChange change = new ArticleChange(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            StoryStatus.fromDb(rs.getString(4)), rs.getString(5), rs.getString(6));
                    changes.add(change);
                    next = change.cursor();
                }
            }
            return new ChangePage(changes, next);
        } catch (SQLException | RuntimeException e) {
            throw unavailable("read changes", e);
        }
    }

    @Override
    public Set<String> hiddenAmong(Collection<String> uris, Instant now) {
        Set<String> hidden = new java.util.HashSet<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(uris));
        try (Connection c = connection()) {
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(from + LOOKUP_CHUNK, all.size()));
                String sql = "SELECT uri FROM articles WHERE uri IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") "
                        + "AND (status <> 'usable' OR NOT " + VISIBLE + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    for (String uri : chunk) {
                        ps.setString(i++, uri);
                    }
                    dialect.setInstant(ps, i, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hidden.add(rs.getString(1));
                        }
                    }
                }
            }
            return hidden;
        } catch (SQLException | RuntimeException e) {
            throw unavailable("check which linked stories are hidden", e);
        }
    }

    @Override
    public List<SearchHit> search(String query, int limit, Instant now) {
        try (Connection c = connection()) {
            return dialect.search(c, query, limit, now, null);
        } catch (SQLException | RuntimeException e) {
            throw unavailable("search", e);
        }
    }

    @Override
    public StoreHealth health() {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("SELECT 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return StoreHealth.up(name());
        } catch (SQLException | RuntimeException e) {
            return StoreHealth.down(name(), e.getMessage());
        }
    }

    private StoreUnavailableException unavailable(String what, Exception e) {
        if (e instanceof StoreUnavailableException sue) {
            return sue;
        }
        return new StoreUnavailableException(name() + " store could not " + what + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction is gone with it
        }
    }

    /** Plain text for the search index: the paragraphs, falling back to the HTML body without tags. */
    static String bodyText(Article article) {
        if (article.getBodyParagraphs() != null && !article.getBodyParagraphs().isEmpty()) {
            return String.join("\n\n", article.getBodyParagraphs());
        }
        String html = article.getBodyHtml();
        return html == null ? "" : html.replaceAll("<[^>]*>", " ");
    }
}

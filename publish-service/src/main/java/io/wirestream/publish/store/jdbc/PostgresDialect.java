package io.wirestream.publish.store.jdbc;

import io.wirestream.publish.store.SearchHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL: timestamptz, a real sequence, JSONB documents, a generated tsvector column. */
final class PostgresDialect implements SqlDialect {

    private final long writerLockKey;

    PostgresDialect(String schema) {
        // one lock per schema, so test runs in separate schemas do not serialise against each other
        this.writerLockKey = 0x5752_4954_0000_0000L ^ schema.hashCode();
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/postgresql";
    }

    @Override
    public String documentPlaceholder() {
        return "CAST(? AS jsonb)";
    }

    /** An unescaped JSON \\u0000: preceded by an even number of backslashes (including none). */
    private static final java.util.regex.Pattern JSON_NUL = java.util.regex.Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    /**
     * PostgreSQL text and jsonb cannot hold U+0000, which does turn up in agency copy. Left in, one such story would
     * fail its batch on every retry and stall the store, so the character becomes a space (it has no meaning in news text).
     */
    @Override
    public String text(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', ' ');
    }

    @Override
    public String json(String document) {
        return document == null || !document.contains("\\u0000") ? document : JSON_NUL.matcher(document).replaceAll("$1 ");
    }

    @Override
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    @Override
    public long[] nextChangeSeqs(Connection c, int count) throws SQLException {
        long[] seqs = new long[count];
        if (count == 0) {
            return seqs;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT nextval('article_change_seq') FROM generate_series(1, ?)")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    rs.next();
                    seqs[i] = rs.getLong(1);
                }
            }
        }
        // the writer lock makes them consecutive in practice; sorted so cursors follow the write order regardless
        java.util.Arrays.sort(seqs);
        return seqs;
    }

    @Override
    public void lockWriters(Connection c) throws SQLException {
        // Without this, two instances could commit cursors 11 then 10, and a reader that already moved past 11
        // would never see 10. The lock is released at commit or rollback.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, writerLockKey);
            ps.execute();
        }
    }

    @Override
    public void indexForSearch(Connection c, List<SearchText> rows) {
        // search_vector is a generated column: PostgreSQL keeps it in step with headline and body_text
    }

    @Override
    public List<SearchHit> search(Connection c, String query, int limit, Instant now, String subscriberId) throws SQLException {
        List<SearchHit> hits = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return hits;
        }
        // websearch_to_tsquery never fails on reader input, unlike to_tsquery
        String sql = "SELECT a.uri, a.version, a.headline, ts_rank(a.search_vector, q) AS score "
                + "FROM articles a, websearch_to_tsquery('simple', ?) q "
                + "WHERE a.search_vector @@ q AND a.status = 'usable' "
                + "AND (a.embargoed_until IS NULL OR a.embargoed_until <= ?) "
                + (subscriberId == null ? "" : GRANTED)
                + "ORDER BY score DESC, a.uri LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, query);
            setInstant(ps, 2, now);
            int next = 3;
            if (subscriberId != null) {
                ps.setString(next++, subscriberId);
            }
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new SearchHit(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4)));
                }
            }
        }
        return hits;
    }
}

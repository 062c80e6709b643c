package io.wirestream.publish.store.jdbc;

import io.wirestream.publish.store.SearchHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SQLite: epoch-millisecond instants, a counter row as sequence, an FTS5 table sharing the articles rowid. */
final class SqliteDialect implements SqlDialect {

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public String migrationLocation() {
        return "classpath:db/sqlite";
    }

    @Override
    public String documentPlaceholder() {
        return "?";
    }

    @Override
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public long[] nextChangeSeqs(Connection c, int count) throws SQLException {
        long[] seqs = new long[count];
        if (count == 0) {
            return seqs;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE counters SET value = value + ? WHERE name = 'change_seq' RETURNING value")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                for (int i = 0; i < count; i++) {
                    seqs[i] = last - count + 1 + i;
                }
            }
        }
        return seqs;
    }

    @Override
    public void lockWriters(Connection c) {
        // a SQLite file has one writer at a time by construction
    }

    @Override
    public void indexForSearch(Connection c, List<SearchText> rows) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE uri = ?)");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO articles_fts (rowid, headline, body) SELECT rowid, ?, ? FROM articles WHERE uri = ?")) {
            for (SearchText row : rows) {
                delete.setString(1, row.uri());
                delete.addBatch();
                if (!row.removeOnly()) {
                    insert.setString(1, row.headline() == null ? "" : row.headline());
                    insert.setString(2, row.body() == null ? "" : row.body());
                    insert.setString(3, row.uri());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    @Override
    public List<SearchHit> search(Connection c, String query, int limit, Instant now, String subscriberId) throws SQLException {
        String match = toMatchExpression(query);
        List<SearchHit> hits = new ArrayList<>();
        if (match.isEmpty()) {
            return hits;
        }
        // headline hits weigh more than body hits; bm25 is lower-is-better, so it is negated for the score
        String sql = "SELECT a.uri, a.version, a.headline, -bm25(articles_fts, 5.0, 1.0) AS score "
                + "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                + "WHERE articles_fts MATCH ? AND a.status = 'usable' "
                + "AND (a.embargoed_until IS NULL OR a.embargoed_until <= ?) "
                + (subscriberId == null ? "" : GRANTED)
                + "ORDER BY score DESC, a.uri LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, match);
            ps.setLong(2, now.toEpochMilli());
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

    /**
     * Reader input is never passed to FTS5 as syntax (quotes, NEAR, column filters would be errors or injections):
     * every word becomes a quoted phrase and all must match, like web search.
     */
    static String toMatchExpression(String query) {
        if (query == null) {
            return "";
        }
        return NOT_A_WORD_CHARACTER.splitAsStream(query)
                .filter(word -> !word.isEmpty())
                .map(word -> '"' + word + '"')
                .collect(Collectors.joining(" "));
    }
}

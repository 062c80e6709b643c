package io.wirestream.publish.store.jdbc;

import io.wirestream.publish.store.SearchHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between the SQL databases behind {@link JdbcArticleStore}: how instants, documents, the change
 * sequence and full-text search are written. Everything else is the same SQL.
 */
interface SqlDialect {

    /** Flyway location of this database's migrations. */
    String migrationLocation();

    /** Placeholder for the JSON document column ({@code ?} or a cast). */
    String documentPlaceholder();

    void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException;

    /** Text as the database can store it; agency text is not trusted to be storable everywhere. */
    default String text(String value) {
        return value;
    }

    /** A JSON document as the database can store it. */
    default String json(String document) {
        return document;
    }

    Instant getInstant(ResultSet rs, String column) throws SQLException;

    /** The next {@code count} change cursors, ascending, inside the caller's transaction. */
    long[] nextChangeSeqs(Connection c, int count) throws SQLException;

    /** Serialises writers across processes so change cursors commit in the order they were drawn. */
    void lockWriters(Connection c) throws SQLException;

    /** Keeps the full-text index in step with rows just written ({@code null} texts: remove from the index). */
    void indexForSearch(Connection c, List<SearchText> rows) throws SQLException;

    /** @param subscriberId only stories granted to this subscriber ({@code read_grants}); null: every story */
    List<SearchHit> search(Connection c, String query, int limit, Instant now, String subscriberId) throws SQLException;

    /** The condition a search adds for one subscriber: one parameter, its id. */
    String GRANTED = "AND EXISTS (SELECT 1 FROM read_grants g WHERE g.story_uri = a.uri AND g.subscriber_id = ?) ";
}

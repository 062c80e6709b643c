package io.wirestream.publish.testing;

import io.wirestream.publish.store.jdbc.PostgresArticleStore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A schema of its own on the machine's PostgreSQL (127.0.0.1:5432, trust auth, database {@code test}), so test runs
 * never see each other's rows; dropped with everything in it afterwards. Override the server with
 * {@code -Dwirestream.postgres.url=...} and {@code -Dwirestream.postgres.user=...}.
 */
public final class PostgresTestSchema {

    public static final String URL = System.getProperty("wirestream.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("wirestream.postgres.user", "postgres");

    private final String name;

    private PostgresTestSchema(String name) {
        this.name = name;
    }

    public static PostgresTestSchema create() {
        return new PostgresTestSchema("publish_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    public String name() {
        return name;
    }

    public PostgresArticleStore.Settings settings() {
        return settings(URL);
    }

    /** Settings for this schema through another URL (a proxy the test controls). */
    public PostgresArticleStore.Settings settings(String jdbcUrl) {
        return new PostgresArticleStore.Settings(jdbcUrl, USER, "", name, 2, Duration.ofSeconds(2));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, "");
    }

    public void drop() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}

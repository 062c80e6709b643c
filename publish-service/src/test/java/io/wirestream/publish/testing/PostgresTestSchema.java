package io.wirestream.publish.testing;

import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.testsupport.PostgresEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of its own on a PostgreSQL server, so test runs never see each other's rows; dropped with everything in it
 * afterwards. The server is the machine's ({@link PostgresEndpoint#ofThisMachine()}: 127.0.0.1:5432, trust auth,
 * database {@code test}, overridable with {@code -Dwirestream.postgres.url=...}, {@code .user}, {@code .password})
 * unless a suite's infrastructure names another (a PostgreSQL container).
 */
public final class PostgresTestSchema {

    private final PostgresEndpoint endpoint;
    private final String name;

    private PostgresTestSchema(PostgresEndpoint endpoint, String name) {
        this.endpoint = endpoint;
        this.name = name;
    }

    /** On the machine's PostgreSQL. */
    public static PostgresTestSchema create() {
        return create(PostgresEndpoint.ofThisMachine());
    }

    public static PostgresTestSchema create(PostgresEndpoint endpoint) {
        return new PostgresTestSchema(endpoint, "publish_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    public String name() {
        return name;
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public PostgresArticleStore.Settings settings() {
        return settings(endpoint.jdbcUrl());
    }

    /** Settings for this schema through another URL (a proxy the test controls). */
    public PostgresArticleStore.Settings settings(String jdbcUrl) {
        return new PostgresArticleStore.Settings(jdbcUrl, endpoint.user(), endpoint.password(), name, 2, Duration.ofSeconds(2));
    }

    /** publish-service's settings for this schema. */
    public Map<String, String> publishSettings() {
        return publishSettings(endpoint.jdbcUrl());
    }

    /** publish-service's settings for this schema through another URL (a proxy the test controls). */
    public Map<String, String> publishSettings(String jdbcUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("publish.postgres.url", jdbcUrl);
        settings.put("publish.postgres.user", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            settings.put("publish.postgres.password", endpoint.password());
        }
        settings.put("publish.postgres.schema", name);
        return settings;
    }

    public Connection connect() throws SQLException {
        return endpoint.connect();
    }

    public void drop() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}

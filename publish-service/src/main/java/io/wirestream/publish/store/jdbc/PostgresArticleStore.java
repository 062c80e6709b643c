package io.wirestream.publish.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wirestream.publish.store.KillMode;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.time.Duration;
import java.util.Objects;

/**
 * The production store: a row per story with its current version and status, the article as JSONB, tsvector
 * search; schema by Flyway migrations under {@code db/postgresql}, connections from HikariCP.
 */
public final class PostgresArticleStore extends JdbcArticleStore {

    /**
     * How to reach the database.
     *
     * @param schema         schema holding the tables; created by the migrations if missing
     * @param connectTimeout how long a write waits for a connection before the store counts as down
     */
    public record Settings(String jdbcUrl, String user, String password, String schema, int poolSize,
                           Duration connectTimeout) {
        public Settings {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            schema = schema == null || schema.isBlank() ? "public" : schema;
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size must be at least 1");
            }
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        }
    }

    private final Settings settings;

    public PostgresArticleStore(Settings settings, KillMode killMode) {
        super(new PostgresDialect(settings.schema()), killMode);
        this.settings = settings;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    protected HikariDataSource createDataSource() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("publish-postgres");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setSchema(settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        // Hikari's minimum; an outage must surface as a failed batch quickly so the consumer pauses and backs off
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), 5000)));
        // start even while the database is down: the consumer retries, it does not crash
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", 60);
        config.addDataSourceProperty("tcpKeepAlive", true);
        // a batch of upserts goes to the server as multi-row statements rather than one round trip per row
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        return new HikariDataSource(config);
    }

    @Override
    protected void configureMigrations(FluentConfiguration flyway) {
        flyway.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
    }
}

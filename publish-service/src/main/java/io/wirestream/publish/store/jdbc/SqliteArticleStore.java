package io.wirestream.publish.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.StoreUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default store: one SQLite file under the data directory, FTS5 search over headline and body.
 *
 * <p>WAL journal so the read API reads while the consumer writes; {@code synchronous=NORMAL} is durable against a
 * killed process (the case exactly-once must survive), not against power loss mid-checkpoint.
 */
public final class SqliteArticleStore extends JdbcArticleStore {

    private final Path file;

    public SqliteArticleStore(Path file, KillMode killMode) {
        super(new SqliteDialect(), killMode);
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    protected HikariDataSource createDataSource() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create " + file.getParent(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("publish-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}

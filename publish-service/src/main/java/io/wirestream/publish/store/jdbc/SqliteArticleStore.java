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
 *
 * <p>Checkpoints (copying the WAL into the database file, with its fsyncs) run on a background thread every
 * {@link #CHECKPOINT_INTERVAL}, not in the writer's commit: SQLite's default lets the commit that crosses 1,000 WAL
 * pages do the checkpoint, which put an fsync of the database file into every second batch of 500. The writer keeps
 * a backstop ({@link #WRITER_CHECKPOINT_PAGES}) so the WAL stays bounded if the background thread falls behind.
 * Durability is unchanged: commits never fsynced under {@code synchronous=NORMAL}, checkpoints still do.
 */
public final class SqliteArticleStore extends JdbcArticleStore {

    /** How often the background thread moves the WAL into the database file. */
    static final java.time.Duration CHECKPOINT_INTERVAL = java.time.Duration.ofMillis(500);
    /** WAL pages (4 KiB each: 64 MiB) after which the writer's own commit checkpoints after all. */
    static final int WRITER_CHECKPOINT_PAGES = 16_384;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SqliteArticleStore.class);

    private final Path file;
    private java.util.concurrent.ScheduledExecutorService checkpointer;

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
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WRITER_CHECKPOINT_PAGES);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    @Override
    protected void opened(HikariDataSource ds) {
        checkpointer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = CHECKPOINT_INTERVAL.toMillis();
        checkpointer.scheduleWithFixedDelay(() -> checkpoint(ds), every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** PASSIVE: copies what no reader still needs and never blocks the writer or a reader. */
    private void checkpoint(HikariDataSource ds) {
        try (java.sql.Connection c = ds.getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (java.sql.SQLException | RuntimeException e) {
            // a busy or missing database shows in the next batch; the writer's backstop bounds the WAL meanwhile
            log.debug("sqlite background checkpoint skipped: {}", e.getMessage());
        }
    }

    @Override
    protected void closing() {
        if (checkpointer != null) {
            checkpointer.shutdown(); // a checkpoint under way finishes; none starts after
            try {
                checkpointer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpointer = null;
        }
    }
}

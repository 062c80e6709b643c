package io.wirestream.publish.store;

import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteArticleStoreTest extends ArticleStoreContractTest {

    @TempDir
    Path dir;
    private int files;

    @Override
    ArticleStore newStore(KillMode killMode) {
        SqliteArticleStore store = new SqliteArticleStore(dir.resolve("data-" + (files++)).resolve("articles.sqlite"), killMode);
        store.open();
        return store;
    }

    @Test
    void usesWriteAheadLoggingSoReadsDoNotBlockTheWriter() throws Exception {
        Path file = dir.resolve("wal/articles.sqlite");
        SqliteArticleStore store = new SqliteArticleStore(file, KillMode.WITHDRAW);
        store.open();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        } finally {
            store.close();
        }
    }

    /**
     * The writer's commit no longer checkpoints (that fsync sat in every second batch): a background thread moves the
     * WAL into the database file while the store stays open, so the file grows without the writer doing it.
     */
    @Test
    void theWalReachesTheDatabaseFileWithoutTheWriterCheckpointing() throws Exception {
        Path file = dir.resolve("checkpoint/articles.sqlite");
        SqliteArticleStore store = new SqliteArticleStore(file, KillMode.WITHDRAW);
        store.open();
        try {
            long before = java.nio.file.Files.size(file);
            List<IncomingRecord> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(IncomingRecord.article(usable("testwire:checkpoint:" + i, 1), TOPIC, 0, i));
            }
            store.apply(batch, now);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> java.nio.file.Files.size(file) > before + 500 * 1024);
            assertThat(store.get("testwire:checkpoint:499", now)).isPresent();
        } finally {
            store.close();
        }
    }

    @Test
    void dataAndOffsetsSurviveReopening() {
        Path file = dir.resolve("reopen/articles.sqlite");
        SqliteArticleStore first = new SqliteArticleStore(file, KillMode.WITHDRAW);
        first.open();
        first.apply(List.of(IncomingRecord.article(usable("testwire:keep", 2), TOPIC, 1, 99)), now);
        first.close();

        SqliteArticleStore second = new SqliteArticleStore(file, KillMode.WITHDRAW);
        second.open();
        try {
            assertThat(second.get("testwire:keep", now).orElseThrow().version()).isEqualTo(2);
            assertThat(second.storedOffsets()).containsEntry(new org.apache.kafka.common.TopicPartition(TOPIC, 1), 100L);
        } finally {
            second.close();
        }
    }
}

package io.wirestream.publish.measure;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of speed (nothing asserts a time): prints records per second each store applies in batches of 500,
 * for the report. Runs only with {@code -Dwirestream.measure=true}.
 *
 * <p>Each store first takes {@link #WARM_UP} records of other stories, untimed, so the figure is the store's steady
 * rate and not the JVM's first use of the ninjs writer, Avro and the driver (before this, the first store measured
 * paid ~0.3 s of class loading and JIT in its first batch).
 */
class StoreThroughputMeasurement {

    static final int RECORDS = 5000;
    static final int BATCH = 500;
    static final int WARM_UP = 1000;
    @TempDir
    Path dir;

    @Test
    void measure() {
        Assumptions.assumeTrue(Boolean.getBoolean("wirestream.measure"), "measurement only with -Dwirestream.measure=true");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            articles.add(TestArticles.usable("testwire:measure:" + (i % (RECORDS / 2)), 1 + i / (RECORDS / 2)));
        }
        run("sqlite", () -> new SqliteArticleStore(dir.resolve("m.sqlite"), KillMode.WITHDRAW), articles);
        PostgresTestSchema schema = PostgresTestSchema.create();
        try {
            run("postgres", () -> new PostgresArticleStore(schema.settings(), KillMode.WITHDRAW), articles);
        } finally {
            schema.drop();
        }
        run("files", () -> new NinjsFileStore(new NinjsFileStore.Settings(dir.resolve("ninjs"), null, KillMode.WITHDRAW,
                NinjsProfile.OFFICIAL, true)), articles);
        run("files-without-fsync", () -> new NinjsFileStore(new NinjsFileStore.Settings(dir.resolve("ninjs2"), null,
                KillMode.WITHDRAW, NinjsProfile.OFFICIAL, false)), articles);
    }

    private static void run(String name, Supplier<ArticleStore> factory, List<Article> articles) {
        try (ArticleStore store = factory.get()) {
            store.open();
            long offset = 0;
            for (int from = 0; from < WARM_UP; from += BATCH) {
                List<IncomingRecord> batch = new ArrayList<>();
                for (int i = from; i < from + BATCH; i++) {
                    batch.add(IncomingRecord.article(TestArticles.usable("testwire:warm-up:" + i, 1), "wire.articles", 0, offset++));
                }
                store.apply(batch, Instant.now());
            }
            long start = System.nanoTime();
            int written = 0;
            for (int from = 0; from < articles.size(); from += BATCH) {
                List<IncomingRecord> batch = new ArrayList<>();
                for (Article a : articles.subList(from, Math.min(from + BATCH, articles.size()))) {
                    batch.add(IncomingRecord.article(a, "wire.articles", 0, offset++));
                }
                written += store.apply(batch, Instant.now()).written();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MEASURE %s: %d records in batches of %d: %.2f s, %.0f records/s%n", name, articles.size(),
                    BATCH, seconds, articles.size() / seconds);
            assertThat(written).isEqualTo(articles.size());
        }
    }
}

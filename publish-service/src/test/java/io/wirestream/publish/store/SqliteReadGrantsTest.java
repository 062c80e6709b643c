package io.wirestream.publish.store;

import io.wirestream.publish.store.jdbc.JdbcArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.subscriptions.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteReadGrantsTest extends ReadGrantsContractTest {

    @TempDir
    Path dir;
    private int files;

    @Override
    JdbcArticleStore newStore() {
        SqliteArticleStore store = new SqliteArticleStore(dir.resolve("data-" + (files++)).resolve("articles.sqlite"), KillMode.WITHDRAW);
        store.open();
        return store;
    }

    @Test
    void grantsSurviveARestartAndAnUnchangedFileIsNotLookedAtAgain() {
        Path file = dir.resolve("restart/articles.sqlite");
        configure(subscriber("a", sportOf("alpha")));
        SqliteArticleStore first = new SqliteArticleStore(file, KillMode.WITHDRAW);
        first.grantReadsTo(subscribers::get);
        first.open();
        apply(first, Stories.usable("s:1", 1, "alpha", Stories.SPORT));
        first.close();

        SqliteArticleStore again = new SqliteArticleStore(file, KillMode.WITHDRAW);
        again.grantReadsTo(subscribers::get);
        again.open();
        try {
            assertThat(again.readableBy("s:1", "a")).isTrue();
            assertThat(again.refreshReadGrants(now)).as("the rules applied are kept with the grants").isZero();
        } finally {
            again.close();
        }
    }
}

package io.wirestream.publish;

import io.wirestream.publish.config.PublishConfig;
import io.wirestream.publish.config.PublishConfig.StoreKind;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;

/** Builds the configured stores (unopened: each consumer opens its own, with retries). */
public final class ArticleStores {

    private ArticleStores() {}

    public static ArticleStore create(PublishConfig config, StoreKind kind) {
        return switch (kind) {
            case SQLITE -> new SqliteArticleStore(config.sqlitePath(), config.killMode());
            case POSTGRES -> new PostgresArticleStore(new PostgresArticleStore.Settings(config.postgresUrl(),
                    config.postgresUser(), config.postgresPassword(), config.postgresSchema(), config.postgresPoolSize(),
                    config.postgresConnectTimeout()), config.killMode());
            case FILES -> new NinjsFileStore(new NinjsFileStore.Settings(config.filesDir(), config.filesStateDir(),
                    config.killMode(), config.filesProfile(), config.filesFsync()));
        };
    }
}

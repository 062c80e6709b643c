package io.wirestream.publish;

import io.wirestream.publish.config.PublishSettings;
import io.wirestream.publish.config.StoreKind;
import io.wirestream.publish.config.StoreLocations;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.runtime.config.Settings;

import java.util.Objects;

/** Builds the configured stores (unopened: each consumer opens its own, with retries). */
public final class ArticleStores {

    private ArticleStores() {}

    public static ArticleStore create(Settings settings, StoreKind kind) {
        KillMode killMode = settings.get(PublishSettings.KILL_MODE);
        StoreLocations locations = StoreLocations.of(settings);
        return switch (kind) {
            case SQLITE -> new SqliteArticleStore(locations.sqlite(), killMode);
            case POSTGRES -> new PostgresArticleStore(new PostgresArticleStore.Settings(
                    settings.get(PublishSettings.POSTGRES_URL), settings.get(PublishSettings.POSTGRES_USER),
                    Objects.requireNonNullElse(settings.get(PublishSettings.POSTGRES_PASSWORD), ""),
                    settings.get(PublishSettings.POSTGRES_SCHEMA), settings.get(PublishSettings.POSTGRES_POOL_SIZE),
                    settings.get(PublishSettings.POSTGRES_CONNECT_TIMEOUT)), killMode);
            case FILES -> new NinjsFileStore(new NinjsFileStore.Settings(locations.filesDir(), locations.filesStateDir(),
                    killMode, settings.get(PublishSettings.FILES_PROFILE), settings.get(PublishSettings.FILES_FSYNC)));
        };
    }
}

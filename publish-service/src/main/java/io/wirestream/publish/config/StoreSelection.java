package io.wirestream.publish.config;

import io.wirestream.runtime.config.Settings;

import java.util.Set;

/**
 * The stores to write and the one the read API serves from, which must be one of them.
 *
 * @param apiStore the store behind the read API, or null when only the file store is configured
 */
public record StoreSelection(Set<StoreKind> stores, StoreKind apiStore) {

    public static StoreSelection of(Settings settings) {
        Set<StoreKind> stores = settings.get(PublishSettings.STORES);
        return new StoreSelection(stores, apiStore(settings.get(PublishSettings.API_STORE), stores));
    }

    private static StoreKind apiStore(String configured, Set<StoreKind> stores) {
        if (configured == null || configured.isBlank()) {
            return stores.stream().filter(kind -> kind != StoreKind.FILES).findFirst().orElse(null);
        }
        String key = PublishSettings.API_STORE.key();
        StoreKind kind;
        try {
            kind = StoreKind.parse(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
        if (kind == StoreKind.FILES || !stores.contains(kind)) {
            throw new IllegalArgumentException(key + " must be one of the configured SQL stores, not " + configured);
        }
        return kind;
    }
}

package io.wirestream.publish.config;

import io.wirestream.runtime.config.Settings;

import java.nio.file.Path;

/**
 * Where the embedded stores keep their files; an empty setting falls back to its place under {@code publish.data.dir}.
 *
 * @param filesStateDir null for the file store's own default beside its public directory
 */
public record StoreLocations(Path sqlite, Path filesDir, Path filesStateDir) {

    public static StoreLocations of(Settings settings) {
        Path dataDir = Path.of(settings.get(PublishSettings.DATA_DIR));
        String sqlite = settings.get(PublishSettings.SQLITE_PATH);
        String files = settings.get(PublishSettings.FILES_DIR);
        String filesState = settings.get(PublishSettings.FILES_STATE_DIR);
        return new StoreLocations(
                blank(sqlite) ? dataDir.resolve("publish").resolve("articles.sqlite") : Path.of(sqlite),
                blank(files) ? dataDir.resolve("ninjs") : Path.of(files),
                blank(filesState) ? null : Path.of(filesState));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

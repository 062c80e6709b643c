package io.wirestream.enrich.service;

import io.wirestream.avro.DedupeAudit;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.enrich.service.dedupe.DedupeSettings;
import io.wirestream.enrich.service.dedupe.StoryDedupeStage;
import io.wirestream.enrich.service.links.RelatedLinkStage;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs enrich-stream on its own: {@code EnrichServiceMain [config.properties]}, settings also from WIRE_* environment
 * variables. Stops cleanly on SIGTERM; exits non-zero when it cannot start.
 */
public final class EnrichServiceMain {

    private static final Logger log = LoggerFactory.getLogger(EnrichServiceMain.class);

    private EnrichServiceMain() {}

    /** The production composition: normaliser, then story versions and dedupe, then tags and related links. */
    public static EnrichService service(Settings settings) {
        return new EnrichService(settings, new WireItemNormaliser(), serdes -> stages(settings, serdes));
    }

    /** The stages between normalisation and release, as production runs them (topology tests call this too). */
    public static List<ArticleStage> stages(Settings settings, EnrichSerdes serdes) {
        LinkSettings links = LinkSettings.defaults().withWindow(settings.get(EnrichSettings.LINKS_WINDOW))
                .withMaxLinks(settings.get(EnrichSettings.LINKS_MAX));
        ArticleTagger tagger = ArticleTagger.withBundledKnowledge();
        Serde<DedupeAudit> audit = Topics.DEDUPE_AUDIT.valueSerde(serdes.config());
        return List.of(
                StoryDedupeStage.stage(DedupeSettings.from(settings), serdes.article(), audit, serdes.key()),
                new RelatedLinkStage(tagger, links, EnrichSettings.indexPartitions(settings),
                        settings.get(EnrichSettings.LINKS_CACHE_POSTINGS)));
    }

    public static void main(String[] args) {
        Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null);
        EnrichService service = service(settings);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            done.countDown();
        }, "enrich-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            log.error("enrich-stream could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.wirestream.enrich.service;

import io.wirestream.avro.DedupeAudit;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.enrich.service.dedupe.DedupeSettings;
import io.wirestream.enrich.service.dedupe.StoryDedupeStage;
import io.wirestream.enrich.service.links.RelatedLinkStage;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.lifecycle.ServiceMain;
import io.wirestream.contracts.topics.Topics;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs enrich-stream on its own: {@code EnrichServiceMain [config.properties]}, settings also from WIRE_* environment
 * variables (see {@link EnrichSettings}); loading, validation, shutdown and exit codes are {@link ServiceMain}'s.
 */
public final class EnrichServiceMain {

    /**
     * What enrich-stream may be configured with: its settings and {@code enrich.streams.*} (any Kafka Streams property
     * Wirestream does not own); {@code ServiceMain} adds the shared Kafka settings and {@code kafka.client.*}.
     */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(EnrichSettings.ALL)
            .withPassthrough(EnrichStreamsPassthrough.STREAMS);

    private static final Logger LOG = LoggerFactory.getLogger(EnrichServiceMain.class);

    private EnrichServiceMain() {}

    /** The production composition: normaliser, then story versions and dedupe, then tags and related links. */
    public static EnrichService service(Settings settings) {
        return new EnrichService(settings,
                new WireItemNormaliser(Clock.systemUTC(), EnrichSettings.normaliserLimits(settings)),
                serdes -> stages(settings, serdes));
    }

    /** The stages between normalisation and release, as production runs them (topology tests call this too). */
    public static List<ArticleStage> stages(Settings settings, EnrichSerdes serdes) {
        LinkSettings links = LinkSettings.defaults().withWindow(settings.get(EnrichSettings.LINKS_WINDOW))
                .withMaxLinks(settings.get(EnrichSettings.LINKS_MAX));
        ArticleTagger tagger = new ArticleTagger(KnowledgeBase.bundled(),
                TaggerSettings.defaults().withNerModel(settings.get(EnrichSettings.TAGGING_NER_MODEL)));
        LOG.info("English entities: {}", tagger.nerModel().map(m -> "trained model " + m.describe())
                .orElse("rules (no enrich.tagging.ner.model)"));
        Serde<DedupeAudit> audit = Topics.DEDUPE_AUDIT.valueSerde(serdes.config());
        return List.of(
                StoryDedupeStage.stage(DedupeSettings.from(settings), serdes.article(), audit, serdes.key()),
                new RelatedLinkStage(tagger, links, EnrichSettings.indexPartitions(settings),
                        settings.get(EnrichSettings.LINKS_CACHE_POSTINGS)));
    }

    public static void main(String[] args) {
        ServiceMain.run("enrich-stream", DECLARED, EnrichServiceMain::service, args);
    }
}

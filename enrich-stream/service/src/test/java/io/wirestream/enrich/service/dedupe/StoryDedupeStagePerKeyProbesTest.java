package io.wirestream.enrich.service.dedupe;

/** Every case of {@link StoryDedupeStageTest} with one probe per index key (index partitions 0), as before grouping. */
class StoryDedupeStagePerKeyProbesTest extends StoryDedupeStageTest {

    @Override
    DedupeSettings settings() {
        DedupeSettings grouped = super.settings();
        return new DedupeSettings(grouped.window(), grouped.holdBack(), grouped.answerTimeout(), grouped.purgeInterval(),
                grouped.auditTopic(), grouped.repliesTopic(), grouped.articlesTopic(), grouped.fingerprint(), 0);
    }
}

package io.wirestream.enrich.service.dedupe;

/** Every case of {@link StoryDedupeStageTest} with one probe per index key (index partitions 0), as before grouping. */
class StoryDedupeStagePerKeyProbesTest extends StoryDedupeStageTest {

    @Override
    DedupeSettings settings() {
        return DedupeSettings.defaults().withHoldBack(HOLD_BACK);
    }
}

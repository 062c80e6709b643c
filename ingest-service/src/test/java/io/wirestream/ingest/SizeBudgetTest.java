package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeBudgetTest {

    @Test
    void theDefaultsFitTheDefaultRecordBudgetWithRoomForTheArticle() {
        Settings defaults = Settings.ofValues(Map.of());
        assertThatCode(() -> SizeBudget.check(defaults)).doesNotThrowAnyException();
        long budget = (long) defaults.get(io.wirestream.runtime.config.KafkaSettings.MAX_RECORD_BYTES);
        long item = defaults.get(IngestSettings.MAX_BODY_BYTES);
        assertThat(item * 4).as("an article may carry the text three times, plus its other fields").isLessThanOrEqualTo(budget);
        assertThat(SizeBudget.maxRawRecordBytes(defaults)).as("the producer's max.request.size and wire.raw's max.message.bytes")
                .isGreaterThan(item + defaults.get(IngestSettings.HTTP_MAX_HEADER_BYTES) + 2L * defaults.get(IngestSettings.MAX_ID_BYTES))
                .isLessThanOrEqualTo(budget);
    }

    @Test
    void aPushLimitOverAQuarterOfTheRecordBudgetRefusesToStartWithBothSettingsNamed() {
        Settings tooBig = Settings.ofValues(Map.of("ingest.max.body.bytes", String.valueOf(5L * 1024 * 1024)));
        assertThatThrownBy(() -> SizeBudget.check(tooBig)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingest.max.body.bytes=5242880").hasMessageContaining("kafka.max.record.bytes=16777216")
                .hasMessageContaining("4194304");
        Settings raised = Settings.ofValues(Map.of("ingest.max.body.bytes", String.valueOf(5L * 1024 * 1024),
                "kafka.max.record.bytes", String.valueOf(32L * 1024 * 1024)));
        assertThatCode(() -> SizeBudget.check(raised)).doesNotThrowAnyException();
    }

    @Test
    void headersAndIdsCountInTheRawRecord() {
        assertThatThrownBy(() -> SizeBudget.check(1024, 4096, SizeBudget.maxRawRecordBytes(1024, 1024, 8192)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("largest raw record");
    }

    @Test
    void ingestDeclaresTheRawTopicExactlyAsEnrichStreamDoesWithTheRecordBudget() {
        Settings defaults = Settings.ofValues(Map.of());
        int budget = defaults.get(io.wirestream.runtime.config.KafkaSettings.MAX_RECORD_BYTES);
        assertThat(IngestService.rawTopicSpec(defaults)).isEqualTo(io.wirestream.runtime.kafka.TopicSpec.of(
                io.wirestream.contracts.topics.Topics.RAW, 0, 1, 1, budget));
        assertThat(IngestService.rawTopicSpec(defaults).maxMessageBytes()).isGreaterThanOrEqualTo((int) SizeBudget.maxRawRecordBytes(defaults));
    }
}

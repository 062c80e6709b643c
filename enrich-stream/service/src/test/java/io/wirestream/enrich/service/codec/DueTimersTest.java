package io.wirestream.enrich.service.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DueTimersTest {

    KeyValueStore<String, Long> store;
    DueTimers<Long> timers;

    @BeforeEach
    void setUp() {
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("timers"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        timers = new DueTimers<>(store);
    }

    static List<String> subjects(List<KeyValue<String, Long>> taken) {
        return taken.stream().map(kv -> DueTimeKey.subject(kv.key)).toList();
    }

    List<String> keysInStore() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void aTickTakesWhatIsDueEarliestFirstAndLeavesTheRest() {
        timers.file(3_000, "urn:c", 3_000L);
        timers.file(1_000, "urn:a", 1_000L);
        timers.file(9_000, "urn:later", 9_000L);
        timers.file(2_000, "urn:b", 2_000L);

        List<KeyValue<String, Long>> taken = timers.takeDueBy(3_000);
        assertThat(subjects(taken)).containsExactly("urn:a", "urn:b", "urn:c");
        assertThat(taken).extracting(kv -> kv.value).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(keysInStore()).as("what was taken is gone").containsExactly(DueTimeKey.of(9_000, "urn:later"));
        assertThat(timers.takeDueBy(3_000)).isEmpty();
        assertThat(subjects(timers.takeDueBy(9_000))).containsExactly("urn:later");
    }

    /** The case the floor exists for: a timer filed after a tick, due before where that tick read up to. */
    @Test
    void aTimerFiledAfterATickAndDueBeforeItIsStillTaken() {
        timers.file(5_000, "urn:first", 5_000L);
        assertThat(subjects(timers.takeDueBy(10_000))).containsExactly("urn:first");
        timers.file(7_000, "urn:late-filed", 7_000L);
        timers.file(12_000, "urn:next", 12_000L);
        assertThat(subjects(timers.takeDueBy(12_000))).containsExactly("urn:late-filed", "urn:next");
    }

    @Test
    void dueBeforeLeavesWhatIsDueAtTheBound() {
        timers.file(999, "urn:before", 999L);
        timers.file(1_000, "urn:at", 1_000L);
        assertThat(subjects(timers.takeDueBefore(1_000))).containsExactly("urn:before");
        assertThat(subjects(timers.takeDueBefore(1_001))).containsExactly("urn:at");
    }

    @Test
    void aCancelledTimerIsNeverTakenAndCancellingAnAbsentOneWritesNothing() {
        timers.file(1_000, "urn:a", 1_000L);
        timers.file(1_000, "urn:b", 1_000L);
        timers.cancel(1_000, "urn:a");
        timers.cancelIfFiled(1_000, "urn:b");
        timers.cancelIfFiled(2_000, "urn:never-filed");
        assertThat(keysInStore()).isEmpty();
        assertThat(timers.takeDueBy(5_000)).isEmpty();
    }

    @Test
    void markersAreNeverTakenAsDueAndMustSortAfterEveryDueKey() {
        timers.mark(DueTimeKey.LEGACY_INDEXED_MARKER, 1L);
        assertThat(timers.marked(DueTimeKey.LEGACY_INDEXED_MARKER)).isTrue();
        assertThat(timers.marked("~other")).isFalse();
        assertThat(timers.takeDueBy(Long.MAX_VALUE / 2)).isEmpty();
        assertThat(timers.marked(DueTimeKey.LEGACY_INDEXED_MARKER)).as("still there").isTrue();
        assertThatThrownBy(() -> timers.mark("legacy", 1L)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'~'");
    }

    @Test
    void aNewInstanceOverARestoredStoreFindsWhatAnEarlierOneFiled() {
        timers.file(1_000, "urn:a", 1_000L);
        timers.takeDueBy(500); // the old instance's floor is past nothing yet; a new one knows nothing of it
        DueTimers<Long> afterRestart = new DueTimers<>(store);
        assertThat(subjects(afterRestart.takeDueBy(1_000))).containsExactly("urn:a");
    }
}

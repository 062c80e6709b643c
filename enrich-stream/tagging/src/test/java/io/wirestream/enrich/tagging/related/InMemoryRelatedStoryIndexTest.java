package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class InMemoryRelatedStoryIndexTest {

    @Property(tries = 100)
    void readsAreBoundedNewestFirstAndWithinTheWindow(@ForAll @Size(max = 300) List<@IntRange(max = 1000) Integer> times,
                                                     @ForAll @IntRange(min = 1, max = 20) int capacity,
                                                     @ForAll @IntRange(max = 1000) int since) {
        InMemoryRelatedStoryIndex index = new InMemoryRelatedStoryIndex(capacity);
        List<Integer> sorted = times.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            index.add("k", new Posting("s" + i, 1, sorted.get(i), "h", null, 1, 1));
        }
        List<Posting> read = index.newest("k", since, 10);
        assertThat(read.size()).isLessThanOrEqualTo(Math.min(10, capacity));
        assertThat(read).allSatisfy(p -> assertThat(p.timeMillis()).isGreaterThanOrEqualTo(since));
        assertThat(read).isSortedAccordingTo((a, b) -> Long.compare(b.timeMillis(), a.timeMillis()));
        long expected = sorted.subList(Math.max(0, sorted.size() - capacity), sorted.size()).stream()
                .filter(t -> t >= since).count();
        assertThat(read).hasSize((int) Math.min(10, expected));
    }
}

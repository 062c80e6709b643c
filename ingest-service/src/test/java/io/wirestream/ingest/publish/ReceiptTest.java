package io.wirestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ReceiptTest {

    @Property
    void aTokenLeadsBackToTheSamePosition(@ForAll @IntRange(min = 0, max = 10_000) int partition,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long offset) {
        String itemId = UUID.randomUUID().toString();
        Receipt receipt = new Receipt(itemId, "wire.raw", partition, offset, Instant.EPOCH);
        assertThat(Receipt.parse(receipt.token())).isEqualTo(new Receipt.Position(partition, offset, itemId));
    }

    @Property
    void keysSeparateAgenciesAndFallBackToTheContent(@ForAll("agency") String agency) {
        assertThat(RecordKeys.keyFor(agency, "story-1", new byte[] {1})).isEqualTo(agency + "/story-1");
        assertThat(RecordKeys.keyFor(agency, null, new byte[] {1})).isEqualTo(RecordKeys.keyFor(agency, " ", new byte[] {1}))
                .startsWith(agency + "/sha256:")
                .isNotEqualTo(RecordKeys.keyFor(agency, null, new byte[] {2}));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> agency() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @net.jqwik.api.Example
    void refusesWhatIsNotAToken() {
        for (String bad : new String[] {"", "abc", "1-2", "x-2-id", "1-y-id", "-1-2-id", "1-2-"}) {
            assertThatThrownBy(() -> Receipt.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

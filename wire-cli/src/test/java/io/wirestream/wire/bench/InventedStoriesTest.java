package io.wirestream.wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invented items: what dedupe should merge, it can; what it should keep apart, it does. */
class InventedStoriesTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);

    @Test
    void copiesAreNearDuplicatesOfTheirOriginalAndNothingElseIs() throws Exception {
        List<BenchItem> items = new InventedStories(3, 3, "T").items(200, 0.2);
        assertThat(items).hasSize(200);
        assertThat(items.stream().map(BenchItem::uri).distinct()).hasSize(200);
        assertThat(items.stream().filter(BenchItem::isCopy)).hasSize(40);

        Map<String, StorySignature> signatures = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        try (WireItemNormaliser normaliser = new WireItemNormaliser()) {
            for (int i = 0; i < items.size(); i++) {
                BenchItem item = items.get(i);
                RawItem raw = RawItem.newBuilder().setItemId("t").setAgency(item.agency()).setReceivedAt(Instant.now())
                        .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(item.bytes())).build();
                Article a = normaliser.normalise(raw).get(0);
                signatures.put(item.uri(), fingerprinter.fingerprint(a));
                position.put(item.uri(), i);
            }
        }
        for (BenchItem item : items) {
            if (item.isCopy()) {
                assertThat(position.get(item.copyOf())).as("a copy follows its original").isLessThan(position.get(item.uri()));
                assertThat(items.get(position.get(item.copyOf())).agency()).isNotEqualTo(item.agency());
                assertThat(verifier.compare(signatures.get(item.uri()), signatures.get(item.copyOf()))).as(item.uri()).isPresent();
            }
        }
        List<BenchItem> originals = items.stream().filter(i -> !i.isCopy()).toList();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                assertThat(verifier.compare(signatures.get(originals.get(i).uri()), signatures.get(originals.get(j).uri())))
                        .as("%s vs %s", originals.get(i).uri(), originals.get(j).uri()).isEmpty();
            }
        }
    }

    @Test
    void itemsGrowWithThePayloadSize() {
        int small = new InventedStories(1, 1, "S").items(20, 0).stream().mapToInt(i -> i.bytes().length).min().orElseThrow();
        List<BenchItem> large = new InventedStories(1, 16, "L").items(20, 0);
        assertThat(large.stream().mapToInt(i -> i.bytes().length).min().orElseThrow()).isGreaterThanOrEqualTo(16 * 1024);
        assertThat(small).isLessThan(16 * 1024);
    }
}

package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class KillsToEveryPartitionTest {

    final KillsToEveryPartition partitioner = new KillsToEveryPartition();

    @Test
    void aKillGoesToEveryPartitionAndAnythingElseToItsUrisPartitionOnly() {
        assertThat(partitioner.partitions("t", "a:1", LinkMessage.killed("a:1", 2), 6)).hasValueSatisfying(
                set -> assertThat(set).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5));
        for (String uri : new String[] {"a:1", "b:story", "urn:acme:x"}) {
            int expected = Utils.toPositive(Utils.murmur2(uri.getBytes(StandardCharsets.UTF_8))) % 6;
            assertThat(partitioner.partitions("t", uri, LinkMessage.tombstone(uri), 6)).hasValueSatisfying(
                    set -> assertThat(set).containsExactly(expected));
        }
    }
}

package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.KeyPartitions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the by-uri topic by story uri, as the default partitioner would (murmur2 of the key's UTF-8 bytes), except
 * that a {@link LinkMessage.Kind#KILLED} message goes to every partition: the stories that link to a killed story
 * may live on any of them.
 */
final class KillsToEveryPartition implements StreamPartitioner<String, LinkMessage> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, LinkMessage value, int numPartitions) {
        if (value != null && value.kind() == LinkMessage.Kind.KILLED) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(Set.of(KeyPartitions.of(key, numPartitions)));
    }
}

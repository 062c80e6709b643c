package io.wirestream.ingest;

import io.wirestream.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brokers take about 1 MiB per record batch by default, less than the push API's body limit: without raising
 * {@code max.message.bytes} on the raw topic, a large item would pass every check here and then fail in Kafka.
 */
final class RawTopicLimits {

    private static final Logger log = LoggerFactory.getLogger(RawTopicLimits.class);

    private RawTopicLimits() {}

    static void ensureRecordsFit(Admin admin, long neededBytes, Duration timeout) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
        try {
            Config config = admin.describeConfigs(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            ConfigEntry entry = config.get("max.message.bytes");
            long current = entry == null ? 0 : Long.parseLong(entry.value());
            if (current >= neededBytes) {
                return;
            }
            AlterConfigOp raise = new AlterConfigOp(new ConfigEntry("max.message.bytes", String.valueOf(neededBytes)), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(raise))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("raised max.message.bytes of {} from {} to {} to fit the configured body limit", Topics.RAW.name(), current, neededBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + Topics.RAW.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make " + Topics.RAW.name() + " take records of " + neededBytes
                    + " bytes (set its max.message.bytes, or lower ingest.max.body.bytes): " + e.getMessage(), e);
        }
    }
}

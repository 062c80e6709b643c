package io.wirestream.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics a service owns exist with the declared settings: creates missing ones, and reports existing
 * ones whose partitions, replication, min ISR, cleanup policy or retention differ instead of silently running on them.
 * After creating, it waits until every partition answers a list-offsets request: producing right after createTopics
 * can otherwise lose the first batch (KAFKA-15591).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates what is missing and returns the mismatches found on existing topics (empty when all is as declared).
     */
    public List<String> ensure(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            List<TopicSpec> toCheck = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    toCheck.add(spec);
                } else {
                    toCreate.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
                }
            }
            create(toCreate);
            raiseSizeLimits(toCheck);
            List<String> mismatches = toCheck.isEmpty() ? List.of() : compare(toCheck);
            awaitWritable(specs.stream().map(TopicSpec::name).collect(Collectors.toSet()));
            mismatches.forEach(m -> log.warn("topic mismatch: {}", m));
            return mismatches;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not provision topics: " + e.getMessage(), e);
        }
    }

    /**
     * Creates what is missing and leaves existing topics as they are, neither compared nor altered: for topics made
     * by someone else's rules (a repartition topic Kafka Streams created) that must merely exist.
     */
    public void createMissing(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            create(specs.stream().filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                    .toList());
            awaitWritable(specs.stream().map(TopicSpec::name).collect(Collectors.toSet()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not provision topics: " + e.getMessage(), e);
        }
    }

    /** Like {@link #ensure} but refuses to go on when an existing topic differs from its declaration. */
    public void ensureOrFail(Collection<TopicSpec> specs) {
        List<String> mismatches = ensure(specs);
        if (!mismatches.isEmpty()) {
            throw new TopicMismatchException(mismatches);
        }
    }

    private void create(List<NewTopic> toCreate) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (toCreate.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(toCreate).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("created topics {}", toCreate.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance creating the same topic at the same time is fine
            }
        }
    }

    /**
     * Sets max.message.bytes on existing topics whose limit differs from the size budget: the one setting that is
     * safe to change in place (it only decides which new records are accepted), and without it a pipeline upgraded
     * on old data keeps the broker's ~1 MiB limit on its own topics.
     */
    private void raiseSizeLimits(List<TopicSpec> existing) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        List<ConfigResource> resources = existing.stream().filter(s -> s.maxMessageBytes() > 0)
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        if (resources.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (TopicSpec spec : existing) {
            if (spec.maxMessageBytes() <= 0) {
                continue;
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            var entry = configs.get(resource).get("max.message.bytes");
            String wanted = String.valueOf(spec.maxMessageBytes());
            if (entry == null || !wanted.equals(entry.value())) {
                changes.put(resource, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", wanted), AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("set max.message.bytes on existing topics {}", changes.keySet().stream().map(ConfigResource::name).toList());
        }
    }

    private List<String> compare(List<TopicSpec> specs) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<String, TopicSpec> byName = new HashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Map<String, TopicDescription> descriptions = admin.describeTopics(byName.keySet()).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<ConfigResource> resources = byName.keySet().stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> mismatches = new ArrayList<>();
        for (TopicSpec spec : specs) {
            TopicDescription d = descriptions.get(spec.name());
            int partitions = d.partitions().size();
            int replicas = d.partitions().get(0).replicas().size();
            if (partitions != spec.partitions()) {
                mismatches.add(spec.name() + " has " + partitions + " partitions, declared " + spec.partitions());
            }
            if (replicas != spec.replicationFactor()) {
                mismatches.add(spec.name() + " has replication factor " + replicas + ", declared " + spec.replicationFactor());
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, wanted) -> {
                var entry = config.get(key);
                String actual = entry == null ? null : entry.value();
                if (!wanted.equals(actual)) {
                    mismatches.add(spec.name() + " has " + key + "=" + actual + ", declared " + wanted);
                }
            });
        }
        return mismatches;
    }

    /** Retries list-offsets on every partition until all answer: only then is a new topic safe to produce to. */
    public void awaitWritable(Set<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                d.values().forEach(td -> td.partitions().forEach(p -> request.put(new TopicPartition(td.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topics", e);
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(100); // metadata propagation has no event to wait on
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for topics", ie);
                }
            }
        }
        throw new IllegalStateException("topics " + topics + " not writable after " + timeout, last);
    }
}

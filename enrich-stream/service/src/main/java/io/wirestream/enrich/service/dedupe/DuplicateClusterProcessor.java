package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs in the task that owns a cluster head's uri. Publishes the head's versions carrying their
 * {@link DuplicateCluster}, and republishes the head's newest version (same version number) when a copy joins, so the
 * published story says which agencies also carried it and who was first to wire. A killed head is not republished.
 */
final class DuplicateClusterProcessor implements Processor<String, DedupeMessage, String, Article> {

    static final String STORE = "dedupe-clusters";

    private final DedupeSettings settings;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, ClusterState> clusters;

    DuplicateClusterProcessor(DedupeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.clusters = context.getStateStore(STORE);
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, DedupeMessage> record) {
        if (!(record.value() instanceof ClusterEvent event)) {
            return;
        }
        long now = context.currentSystemTimeMs();
        String headUri = event.headUri();
        ClusterState state = clusters.get(headUri);
        if (state == null) {
            state = new ClusterState(null, List.of(), now);
        }
        if (event.head() != null) {
            if (state.head() != null && event.head().getVersion() < state.head().getVersion()) {
                // an older version after a newer one: only the upgrade that moved this processor into the judge's
                // task can do that (events left on the former dedupe-by-cluster topic); a story never goes back
                return;
            }
            state = state.withHead(event.head(), now);
            clusters.put(headUri, state);
            context.forward(record.withKey(headUri).withValue(withCluster(headUri, state)));
            return;
        }
        ClusterState grown = state.withMember(event.member(), now);
        if (grown == null) {
            return;
        }
        clusters.put(headUri, grown);
        if (grown.head() != null && grown.head().getPubstatus() != PubStatus.canceled) {
            context.forward(record.withKey(headUri).withValue(withCluster(headUri, grown)));
        }
    }

    static Article withCluster(String headUri, ClusterState state) {
        Article head = state.head();
        CopySeen headCopy = new CopySeen(headUri, head.getAgency(), head.getReceivedAt().toEpochMilli(), null);
        List<CopySeen> all = new ArrayList<>(state.members());
        all.add(headCopy);
        CopySeen first = all.stream()
                .min(Comparator.comparingLong(CopySeen::receivedAtMillis).thenComparing(CopySeen::uri))
                .orElse(headCopy);
        Set<String> alsoCarriedBy = new LinkedHashSet<>();
        List<String> memberUris = new ArrayList<>();
        for (CopySeen member : state.members()) {
            memberUris.add(member.uri());
            if (member.agency() != null && !member.agency().equals(head.getAgency())) {
                alsoCarriedBy.add(member.agency());
            }
        }
        DuplicateCluster cluster = DuplicateCluster.newBuilder()
                .setClusterId(ClusterIds.of(headUri))
                .setFirstUri(first.uri())
                .setFirstAgency(first.agency() == null ? "" : first.agency())
                .setFirstWiredAt(Instant.ofEpochMilli(first.receivedAtMillis()))
                .setAlsoCarriedBy(new ArrayList<>(alsoCarriedBy))
                .setMemberUris(memberUris)
                .build();
        return Article.newBuilder(head).setDuplicates(cluster).build();
    }

    private void purge(long now) {
        long cutoff = now - settings.window().toMillis();
        List<String> expired = new ArrayList<>();
        try (var all = clusters.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.updatedAtMillis() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(clusters::delete);
    }
}

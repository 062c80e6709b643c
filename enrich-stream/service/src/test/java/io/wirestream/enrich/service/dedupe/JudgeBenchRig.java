package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.service.EnrichSerdes;
import io.wirestream.enrich.service.bench.BenchStores;
import io.wirestream.enrich.service.bench.BenchStories;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import io.wirestream.runtime.config.Settings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The dedupe judge ({@link DuplicateGatherProcessor}) and the cluster processor after it
 * ({@link DuplicateClusterProcessor}), as the stage builds them (production settings, RocksDB stores, the article
 * serde in the registry's wire format), for {@code DedupeJudgeBenchmark}. A story arrives as the judge sees it: its
 * candidate, then one counted index answer per probe (one probe per index partition its keys land on), each answer
 * listing the copies found under that probe's keys. What the judge sends to another story's task (a join request)
 * is fed back to the judge, and what it sends to clusters goes to the cluster processor, as the repartition and
 * replies topics would carry them. Invented stories ({@link BenchStories}); each call uses new uris.
 */
public final class JudgeBenchRig implements AutoCloseable {

    /** What one story (or a story and its copy) came to: articles published and drops audited. */
    public record Outcome(List<Article> published, List<DedupeAudit> audits) {
    }

    /** A story and its near copy, fingerprinted once; each call files them under new uris. */
    private record Pair(Article original, StorySignature originalSignature, int originalProbes, Article copy,
            StorySignature copySignature, boolean[] copyProbeFindsOriginal, MatchKind kind) {
    }

    private static final int TEMPLATES = 32;

    private final DedupeSettings settings = DedupeSettings.from(Settings.ofValues(Map.of()));
    private final BenchStores stores = new BenchStores("judge");
    private final MockProcessorContext<String, DedupeMessage> judgeContext = stores.context();
    private final MockProcessorContext<String, Article> clusterContext = stores.context();
    private final DuplicateGatherProcessor judge = new DuplicateGatherProcessor(settings);
    private final DuplicateClusterProcessor clusters = new DuplicateClusterProcessor(settings);
    private final Pair[] pairs = new Pair[TEMPLATES];
    private long next;
    private long now = BenchStories.T0.toEpochMilli();

    public JudgeBenchRig() {
        Serde<Article> articles = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE,
                new InMemorySchemaRegistryClient())).article();
        DedupeBinary binary = new DedupeBinary(articles, settings.articlesTopic());
        DedupeMessageSerde messages = new DedupeMessageSerde(articles, settings.articlesTopic());
        stores.keyValue(judgeContext, DuplicateGatherProcessor.PENDING_STORE, Serdes.String(), PendingStory.serde(binary));
        stores.keyValue(judgeContext, DuplicateGatherProcessor.PENDING_ARTICLE_STORE, Serdes.String(), binary.articles());
        stores.keyValue(judgeContext, DuplicateGatherProcessor.FATE_STORE, Serdes.String(), StoryFate.serde());
        stores.keyValue(judgeContext, DuplicateGatherProcessor.DUE_STORE, Serdes.String(), Serdes.String());
        stores.keyValue(judgeContext, DuplicateGatherProcessor.FOLLOWER_STORE, Serdes.String(), messages);
        stores.keyValue(clusterContext, DuplicateClusterProcessor.STORE, Serdes.String(), ClusterState.serde(binary));
        judgeContext.setCurrentSystemTimeMs(now);
        clusterContext.setCurrentSystemTimeMs(now);
        judge.init(judgeContext);
        clusters.init(clusterContext);

        Fingerprinter fingerprinter = new Fingerprinter(settings.fingerprint());
        DuplicateVerifier verifier = new DuplicateVerifier(settings.fingerprint());
        for (int t = 0; t < TEMPLATES; t++) {
            Article original = BenchStories.story(t, BenchStories.T0);
            Article copy = BenchStories.nearCopy(original, t, BenchStories.T0.plusSeconds(90));
            StorySignature originalSignature = fingerprinter.fingerprint(original);
            StorySignature copySignature = fingerprinter.fingerprint(copy);
            Set<String> originalKeys = new HashSet<>(IndexKeys.of(originalSignature, settings.fingerprint()));
            List<List<String>> copyProbes = probes(copySignature);
            boolean[] finds = new boolean[copyProbes.size()];
            for (int p = 0; p < finds.length; p++) {
                finds[p] = copyProbes.get(p).stream().anyMatch(originalKeys::contains);
            }
            MatchKind kind = verifier.judge(copySignature, originalSignature).kind().orElse(null);
            pairs[t] = new Pair(original, originalSignature, probes(originalSignature).size(), copy, copySignature,
                    finds, kind);
        }
    }

    private List<List<String>> probes(StorySignature signature) {
        return StoryVersionProcessor.probeGroups(IndexKeys.of(signature, settings.fingerprint()),
                settings.indexPartitions());
    }

    /**
     * Fills the window: {@code stories} stories judged and published (their fates and clusters stay stored, their
     * due-store entries are written and deleted), then one timer tick, which does its once-per-store upgrade checks.
     */
    public void fill(int stories) {
        for (int i = 0; i < stories; i++) {
            storyWithNoCopies();
        }
        timerTick();
    }

    /**
     * One tick of the judge's timer (every 100 ms at the default hold-back of 0, per task), at the current clock: it
     * range-scans the due store up to now for stories whose hold-back or answer timeout has come.
     *
     * @return the messages it sent (none when nothing is pending)
     */
    public int timerTick() {
        judgeContext.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().compareTo(java.time.Duration.ofSeconds(1)) <= 0)
                .forEach(p -> p.getPunctuator().punctuate(now));
        int sent = judgeContext.forwarded().size();
        judgeContext.resetForwards();
        return sent;
    }

    /** A first version that the index found no copy of: judged the head of its own cluster and published. */
    public Outcome storyWithNoCopies() {
        long n = next++;
        Pair pair = pairs[(int) (n % TEMPLATES)];
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        offer(pair.original(), "urn:bench:story-" + n, pair.originalSignature(), new boolean[pair.originalProbes()],
                null, outcome);
        return outcome;
    }

    /**
     * A story with no copies, then its near copy from another agency 90 s later, which the index answers with the
     * story under the probes that share a key with it: the copy is dropped into the story's cluster, and the story is
     * republished listing it.
     */
    public Outcome storyAndItsNearCopy() {
        long n = next++;
        Pair pair = pairs[(int) (n % TEMPLATES)];
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        String originalUri = "urn:bench:story-" + n;
        offer(pair.original(), originalUri, pair.originalSignature(), new boolean[pair.originalProbes()], null, outcome);
        CopySeen original = new CopySeen(originalUri, pair.original().getAgency(),
                pair.original().getReceivedAt().toEpochMilli(), pair.kind());
        offer(pair.copy(), "urn:bench:copy-" + n, pair.copySignature(), pair.copyProbeFindsOriginal(), original,
                outcome);
        return outcome;
    }

    /** The match kind the verifier gives the copy of template {@code t} against its original (null: none). */
    public MatchKind copyKind(int t) {
        return pairs[t].kind();
    }

    private void offer(Article template, String uri, StorySignature signature, boolean[] probeFinds, CopySeen found,
            Outcome outcome) {
        // the templates are reused with new uris; what the processors keep they keep serialised
        template.setUri(uri);
        IndexedStory indexed = new IndexedStory(uri, template.getAgency(), template.getReceivedAt(), signature);
        route(uri, new StoryCandidate(template, indexed, probeFinds.length), outcome);
        for (boolean finds : probeFinds) {
            route(uri, new IndexAnswer(uri, true, finds ? List.of(found) : List.of()), outcome);
        }
    }

    private void route(String key, DedupeMessage message, Outcome outcome) {
        ArrayDeque<Record<String, DedupeMessage>> toJudge = new ArrayDeque<>();
        toJudge.add(new Record<>(key, message, now));
        while (!toJudge.isEmpty()) {
            judge.process(toJudge.poll());
            var forwarded = judgeContext.forwarded();
            judgeContext.resetForwards();
            for (var f : forwarded) {
                DedupeMessage out = f.record().value();
                if (out instanceof ClusterEvent) {
                    clusters.process(new Record<>(f.record().key(), out, now));
                    for (var c : clusterContext.forwarded()) {
                        outcome.published().add(c.record().value());
                    }
                    clusterContext.resetForwards();
                } else if (out instanceof AuditEvent audit) {
                    outcome.audits().add(audit.audit());
                } else {
                    // join requests and copy replies travel back to the judge through the replies topic
                    toJudge.add(new Record<>(f.record().key(), out, now));
                }
            }
        }
    }

    /** Stories pending judgement: none once every call has returned. */
    public long pendingStories() {
        long count = 0;
        try (var all = judgeContext.<org.apache.kafka.streams.state.KeyValueStore<String, PendingStory>>getStateStore(
                DuplicateGatherProcessor.PENDING_STORE).all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        judge.close();
        clusters.close();
        stores.close();
    }
}

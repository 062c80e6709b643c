package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.dedupe.fingerprint.Judgement;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.index.DedupeDecision;
import io.wirestream.enrich.dedupe.index.DuplicateMatch;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.service.codec.DueTimeKey;
import io.wirestream.enrich.service.codec.DueTimers;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.CopyReply;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.JoinRequest;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs in the task that owns a story uri and judges the story once every index key it was filed under has answered,
 * every later-wired copy the index found has replied, and the hold-back has passed.
 *
 * <p>The rule: a story whose later-wired copy was already published joins that copy's cluster (a publication is never
 * doubled, and never taken back); otherwise it is a duplicate when a copy precedes it in wire order (earliest
 * receipt, then uri), else the head of its own cluster. The two cannot contradict each other: a story's task is the
 * only place its fate is decided, and it answers every notice from an earlier-wired copy with where it stands at
 * that moment. Undecided, it will yield to the earlier copy (which is now among its copies); published, it stays the
 * head and the earlier copy joins it. So two copies are never both dropped and, however far partitions lag apart,
 * never both published: the hold-back only decides which copy heads the cluster when they arrive out of order.
 *
 * <p>Later versions of a judged story follow its fate: a head's versions are published, a duplicate's are dropped.
 */
final class DuplicateGatherProcessor implements Processor<String, DedupeMessage, String, DedupeMessage> {

    static final String PENDING_STORE = "dedupe-pending";
    static final String FATE_STORE = "dedupe-fate";
    /**
     * The newest version of each pending story, apart from its bookkeeping: a story gets one answer per index key
     * (33), and each answer rewrites the bookkeeping, which must not mean re-encoding the article every time.
     */
    static final String PENDING_ARTICLE_STORE = "dedupe-pending-articles";
    /**
     * Copies dropped into a story that was still being judged, keyed {@code story + "\n" + copy}: they wait for the
     * story's fate to learn which published head they end up in.
     */
    static final String FOLLOWER_STORE = "dedupe-followers";
    /**
     * When each pending story is next due for the timer, keyed by {@link DueTimeKey} (due time, uri): the timer reads
     * only the keys already due (a range scan), never the whole pending store (issue 13).
     */
    static final String DUE_STORE = "dedupe-pending-due";
    private static final String FOLLOWER_SEPARATOR = "\n";

    private final DedupeSettings settings;
    private ProcessorContext<String, DedupeMessage> context;
    private KeyValueStore<String, PendingStory> pending;
    private KeyValueStore<String, StoryFate> fates;
    private KeyValueStore<String, Article> pendingArticles;
    private KeyValueStore<String, DedupeMessage> followers;
    private DueTimers<String> due;
    private boolean dueStoreChecked;

    DuplicateGatherProcessor(DedupeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, DedupeMessage> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        this.fates = context.getStateStore(FATE_STORE);
        this.pendingArticles = context.getStateStore(PENDING_ARTICLE_STORE);
        this.followers = context.getStateStore(FOLLOWER_STORE);
        this.due = new DueTimers<>(context.getStateStore(DUE_STORE));
        long tick = Math.max(100, Math.min(1000, settings.holdBack().toMillis() / 2));
        context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, this::releaseReady);
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::purgeFates);
    }

    @Override
    public void process(Record<String, DedupeMessage> record) {
        long now = context.currentSystemTimeMs();
        String uri = record.key();
        DedupeMessage message = record.value();
        if (message instanceof StoryCandidate candidate) {
            if (candidate.firstVersion()) {
                onFirstVersion(uri, candidate, now);
            } else {
                onLaterVersion(uri, candidate.article(), now);
            }
        } else if (message instanceof IndexAnswer answer) {
            onAnswer(uri, answer, now);
        } else if (message instanceof CopyReply reply) {
            onReply(uri, reply, now);
        } else if (message instanceof JoinRequest join) {
            resolve(uri, join, now);
            return;
        } else {
            return;
        }
        PendingStory story = pending.get(uri);
        if (story != null && story.ready(now, settings.holdBack().toMillis(), settings.answerTimeout().toMillis())) {
            judge(uri, story, now);
        }
    }

    private void onFirstVersion(String uri, StoryCandidate candidate, long now) {
        if (fates.get(uri) != null) {
            // the version state expired before the fate did: treat it as a later version
            onLaterVersion(uri, candidate.article(), now);
            return;
        }
        PendingStory existing = pending.get(uri);
        PendingStory base = existing != null ? existing : PendingStory.answersOnly(now);
        PendingStory waiting = base.withCandidate(candidate.indexed(), candidate.expectedAnswers(), now);
        pending.put(uri, waiting);
        if (existing != null && existing.hasCandidate()) {
            due.cancel(existing.createdAtMillis() + settings.holdBack().toMillis(), uri);
        }
        // first due when the hold-back has passed; answers arriving after that are judged as they come in
        fileDue(waiting.createdAtMillis() + settings.holdBack().toMillis(), uri);
        pendingArticles.put(uri, candidate.article());
    }

    private void onLaterVersion(String uri, Article article, long now) {
        StoryFate fate = fates.get(uri);
        if (fate == null) {
            PendingStory waiting = pending.get(uri);
            if (waiting != null && waiting.hasCandidate()) {
                // the first version is still being judged: the newer version will be published in its place, and the
                // replaced one is audited so that its item still has a fate anyone can look up
                Article replaced = pendingArticles.get(uri);
                if (replaced != null && replaced.getVersion() <= article.getVersion()) {
                    forward(uri, new AuditEvent(AuditRecords.of(replaced, "superseded", uri, article.getVersion(),
                            null, now)), now);
                }
                pendingArticles.put(uri, article);
                return;
            }
            // no first version in the window (a kill for an unknown story, or state expired): publish as its own head
            fates.put(uri, headFate(article, now));
            forward(uri, new ClusterEvent(uri, article, null), now);
            return;
        }
        if (fate.head()) {
            if (article.getPubstatus() == PubStatus.canceled && !fate.killed()) {
                // a killed story is no cluster to join: an earlier copy arriving from now on is judged on its own
                fates.put(uri, fate.withKilled());
            }
            forward(uri, new ClusterEvent(uri, article, null), now);
        } else {
            forward(uri, new AuditEvent(AuditRecords.of(article, "duplicate-story-update", fate.survivorUri(), null,
                    ClusterIds.of(fate.survivorUri()), now)), now);
        }
    }

    private void onAnswer(String uri, IndexAnswer answer, long now) {
        PendingStory waiting = pending.get(uri);
        StoryFate fate = waiting == null ? fates.get(uri) : null;
        if (!answer.counted()) {
            // a notice: copies wired before this story reached the index after it, and each waits to hear where this
            // story stands. Undecided, it will now yield to them; published, it stays the head and they join it.
            boolean publishedHead = fate != null && fate.publishedHead();
            for (CopySeen earlier : answer.copies()) {
                forward(earlier.uri(), new CopyReply(earlier, uri, publishedHead), now);
            }
        }
        if (waiting != null) {
            pending.put(uri, waiting.withAnswer(answer.counted(), answer.copies()));
        } else if (fate == null) {
            // an answer ahead of its candidate: keep it until the candidate arrives
            pending.put(uri, PendingStory.answersOnly(now).withAnswer(answer.counted(), answer.copies()));
        }
    }

    private void onReply(String uri, CopyReply reply, long now) {
        PendingStory waiting = pending.get(uri);
        if (waiting != null) {
            pending.put(uri, waiting.withReply(reply.copyUri(), reply.publishedHead()));
            return;
        }
        StoryFate fate = fates.get(uri);
        if (fate == null) {
            pending.put(uri, PendingStory.answersOnly(now).withReply(reply.copyUri(), reply.publishedHead()));
            return;
        }
        if (fate.head() && reply.publishedHead() && !fate.lateCopyAudited()) {
            // only after the answer timeout decided this story without the reply: both copies are published.
            // Said once, so an operator can see it happened.
            fates.put(uri, fate.withLateCopyAudited());
            forward(uri, new AuditEvent(DedupeAudit.newBuilder()
                    .setUri(uri).setVersion(-1).setAgency(reply.story().agency()).setReason("late-duplicate")
                    .setSurvivorUri(reply.copyUri()).setClusterId(ClusterIds.of(reply.copyUri()))
                    .setReceivedAt(Instant.ofEpochMilli(reply.story().receivedAtMillis()))
                    .setDecidedAt(Instant.ofEpochMilli(now)).build()), now);
        }
    }

    private void judge(String uri, PendingStory story, long now) {
        List<DuplicateMatch> matches = new ArrayList<>();
        for (CopySeen copy : story.copies().values()) {
            matches.add(new DuplicateMatch(copy.asIndexedStory(), copy.kind()));
        }
        IndexedStory self = story.indexed();
        pending.put(uri, null);
        // a story has at most one of its two due keys at a time: cancel only the one filed
        due.cancelIfFiled(story.createdAtMillis() + settings.holdBack().toMillis(), uri);
        due.cancelIfFiled(story.createdAtMillis() + settings.answerTimeout().toMillis(), uri);
        Article kept = pendingArticles.get(uri);
        // bookkeeping written before articles were kept apart still carries its article
        Article article = kept != null ? kept : story.article();
        pendingArticles.put(uri, null);
        Optional<CopySeen> published = story.publishedLaterCopy();
        if (published.isPresent()) {
            // a copy wired after this one was published before this one got here (partitions far apart): this one
            // joins that copy's cluster, which then names this one as first to wire
            joinCluster(uri, self, article, published.get().uri(), published.get().kind(), now);
            return;
        }
        DedupeDecision decision = DedupeDecision.of(self, matches);
        if (decision.duplicate()) {
            // the earlier copy may itself have been dropped into another story: ask it where it ended up
            String survivorUri = decision.survivor().get().uri();
            MatchKind kind = decision.kind().get();
            fates.put(uri, new StoryFate(survivorUri, now));
            String reason = kind == MatchKind.EXACT ? "exact-duplicate" : "near-duplicate";
            DedupeAudit draft = DedupeAudit.newBuilder(
                            AuditRecords.of(article, reason, survivorUri, null, ClusterIds.of(survivorUri), now))
                    .setMatchedBy(matchedBy(kind)).build();
            forward(survivorUri, new JoinRequest(survivorUri,
                    new CopySeen(uri, self.agency(), self.receivedAt().toEpochMilli(), kind), draft,
                    !hiddenFromReaders(article, now)), now);
        } else {
            fates.put(uri, headFate(article, now));
            forward(uri, new ClusterEvent(uri, article, null), now);
        }
        releaseFollowers(uri, now);
    }

    /**
     * A copy dropped into the story {@code at}: if that story heads a cluster, the copy joins it and its audit names
     * it; if it was dropped into another story, the request follows it there; if it is still being judged, the request
     * waits for its fate.
     */
    private void resolve(String at, JoinRequest join, long now) {
        StoryFate fate = fates.get(at);
        if (fate != null && !fate.head()) {
            forward(fate.survivorUri(), new JoinRequest(fate.survivorUri(), join.member(), join.audit(), join.listed()), now);
            return;
        }
        if (fate == null && pending.get(at) != null) {
            followers.put(at + FOLLOWER_SEPARATOR + join.member().uri(), join);
            return;
        }
        // a head (or a story no longer known after the window: named as before, as the head of its own cluster)
        DedupeAudit audit = DedupeAudit.newBuilder(join.audit()).setSurvivorUri(at).setClusterId(ClusterIds.of(at))
                .build();
        forward(join.member().uri(), new AuditEvent(audit), now);
        if (join.listed()) {
            forward(at, new ClusterEvent(at, null, join.member()), now);
        }
    }

    /** Why the judge took the pair for one story, as far as the match kind carried to this task tells. */
    static String matchedBy(MatchKind kind) {
        return kind == MatchKind.EXACT ? Judgement.Reason.SAME_TEXT.explanation()
                : Judgement.Reason.SAME_STORY.explanation() + ", or " + Judgement.Reason.SAME_OPENING.explanation()
                        + ", or " + Judgement.Reason.CORRECTION.explanation();
    }

    private void releaseFollowers(String uri, long now) {
        List<String> keys = new ArrayList<>();
        List<JoinRequest> waiting = new ArrayList<>();
        try (var range = followers.prefixScan(uri + FOLLOWER_SEPARATOR, new StringSerializer())) {
            while (range.hasNext()) {
                var entry = range.next();
                keys.add(entry.key);
                waiting.add((JoinRequest) entry.value);
            }
        }
        keys.forEach(followers::delete);
        waiting.forEach(join -> resolve(uri, join, now));
    }

    /**
     * The story is dropped as a copy of the survivor, a published story that this task may not own: its fate here,
     * and a join request to the survivor's task (through the feedback topic), which audits it and adds it to the
     * cluster there. Every cluster event this processor forwards is so keyed by a story of its own task, which lets
     * the cluster processor run in the same task.
     */
    private void joinCluster(String uri, IndexedStory self, Article article, String survivorUri, MatchKind kind, long now) {
        fates.put(uri, new StoryFate(survivorUri, now));
        String reason = kind == MatchKind.EXACT ? "exact-duplicate" : "near-duplicate";
        forward(survivorUri, new JoinRequest(survivorUri,
                new CopySeen(uri, self.agency(), self.receivedAt().toEpochMilli(), kind),
                AuditRecords.of(article, reason, survivorUri, null, ClusterIds.of(survivorUri), now),
                !hiddenFromReaders(article, now)), now);
    }

    /**
     * A copy under embargo or withheld is dropped like any copy, but the published cluster does not name it: the
     * cluster goes out to every reader with the head, and the copy's existence is not theirs to see yet (issue 15).
     * It is not listed later either; its audit record names the head it joined.
     */
    static boolean hiddenFromReaders(Article article, long nowMillis) {
        return article.getPubstatus() == PubStatus.withheld
                || (article.getEmbargoed() != null && article.getEmbargoed().toEpochMilli() > nowMillis);
    }

    private static StoryFate headFate(Article published, long now) {
        StoryFate fate = new StoryFate(null, now);
        return published.getPubstatus() == PubStatus.canceled ? fate.withKilled() : fate;
    }

    private void forward(String key, DedupeMessage message, long now) {
        context.forward(new Record<>(key, message, now));
    }

    /**
     * Judges the stories whose time has come: those whose hold-back has passed (and whose answers are in) and those at
     * their answer timeout. Reads only the due keys up to now, so a tick costs what is due, not what is pending.
     */
    private void releaseReady(long now) {
        if (!dueStoreChecked) {
            fileDueTimesWrittenBeforeTheDueStore();
            refileDecimalDueKeys();
            dueStoreChecked = true;
        }
        // every key taken is deleted; one filed again moves the floor back down itself
        for (KeyValue<String, String> entry : due.takeDueBy(now)) {
            String uri = entry.value;
            PendingStory story = pending.get(uri);
            if (story == null || !story.hasCandidate()) {
                continue;
            }
            if (story.ready(now, settings.holdBack().toMillis(), settings.answerTimeout().toMillis())) {
                judge(uri, story, now);
            } else {
                // still waiting for answers or replies: judged when the last one arrives, or at the timeout
                fileDue(story.createdAtMillis() + settings.answerTimeout().toMillis(), uri);
            }
        }
    }

    /**
     * Pending stories written by a release without the due store have no due key and would wait for a message that
     * may never come. At the first tick, once per store (a marker key, outside every due range, says it was done),
     * they are filed.
     */
    private void fileDueTimesWrittenBeforeTheDueStore() {
        if (due.marked(DUE_STORE_FILLED)) {
            return;
        }
        List<KeyValue<String, Long>> waiting = new ArrayList<>();
        try (var all = pending.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.hasCandidate()) {
                    waiting.add(KeyValue.pair(entry.key, entry.value.createdAtMillis()));
                }
            }
        }
        waiting.forEach(w -> fileDue(w.value + settings.holdBack().toMillis(), w.key));
        due.mark(DUE_STORE_FILLED, "");
    }

    /**
     * Due keys written before the timer stores shared one layout ({@code %015d} due millis, a newline, the uri) sort
     * after every {@link DueTimeKey} a scan reaches, so they would never fire. At the first tick, once per store, they
     * are filed again under their {@link DueTimeKey}.
     */
    private void refileDecimalDueKeys() {
        if (due.marked(DECIMAL_KEYS_REFILED)) {
            return;
        }
        List<KeyValue<String, String>> decimal = new ArrayList<>();
        try (var all = due.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.key.length() > DECIMAL_DIGITS && entry.key.charAt(DECIMAL_DIGITS) == '\n') {
                    decimal.add(KeyValue.pair(entry.key, entry.value));
                }
            }
        }
        for (KeyValue<String, String> entry : decimal) {
            due.removeLegacy(entry.key);
            fileDue(Long.parseLong(entry.key.substring(0, DECIMAL_DIGITS)), entry.value);
        }
        due.mark(DECIMAL_KEYS_REFILED, "");
    }

    /** Markers sort after every due key, so no range scan of due times reads them. */
    static final String DUE_STORE_FILLED = "~filled";
    static final String DECIMAL_KEYS_REFILED = "~decimal-keys-refiled";
    private static final int DECIMAL_DIGITS = 15;

    private void fileDue(long dueMillis, String uri) {
        due.file(dueMillis, uri, uri);
    }

    private void purgeFates(long now) {
        long cutoff = now - settings.window().toMillis();
        List<String> expired = new ArrayList<>();
        try (var all = fates.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.decidedAtMillis() < cutoff) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(fates::delete);
        List<String> orphans = new ArrayList<>();
        try (var all = pending.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                // answers whose candidate never came (it cannot under exactly-once; this keeps the store bounded)
                if (!entry.value.hasCandidate() && entry.value.createdAtMillis() < cutoff) {
                    orphans.add(entry.key);
                }
            }
        }
        orphans.forEach(pending::delete);
    }
}

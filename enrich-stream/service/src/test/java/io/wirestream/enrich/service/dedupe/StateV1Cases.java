package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.fingerprint.StoryTraits;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.version.StoryState;
import io.wirestream.enrich.service.GoldenBytes.Case;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.CopyReply;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.JoinRequest;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dedupe stage's state values and internal messages whose encodings are kept in {@code state-v1/dedupe/}: a few
 * of each, with the empty and absent fields a running deployment holds. A {@link Case#lossy} case is one the codec
 * does not give back whole (an absent agency reads as empty; an audit's survivor version is not carried).
 */
final class StateV1Cases {

    private static final Instant T0 = Instant.parse("2026-03-03T06:07:00.123Z");

    private StateV1Cases() {
    }

    static Article fullArticle() {
        return Article.newBuilder(Stories.ferry("reu:ferry-ü", "Reuters", 3, T0))
                .setSignals(List.of("correction"))
                .setEmbargoed(Instant.parse("2026-03-04T00:00:00Z"))
                .setUrgency(2)
                .setRaw(RawRef.newBuilder().setItemId("rcpt-1").setAgency("Reuters").setTopic("wire.raw")
                        .setPartition(2).setOffset(41L).build())
                .build();
    }

    static Article minimalArticle() {
        return Article.newBuilder().setUri("afp:x").setVersion(1).setVersioncreated(T0).setPubstatus(PubStatus.canceled)
                .setHeadline("").setAgency("AFP").setReceivedAt(T0).build();
    }

    static IndexedStory withTraits() {
        StoryTraits traits = new StoryTraits(new short[] {10, 20}, new short[0], new short[] {30, 999}, 2,
                new short[] {10, 20, 30}, true, 5, false, true, false);
        return new IndexedStory("reu:ferry-ü", "Reuters", T0,
                new StorySignature("e3b0c44298fc1c14", 57, new int[] {1, 65535, 300}, traits));
    }

    static IndexedStory withoutTraits() {
        return new IndexedStory("dpa:ferry", "DPA", T0.plusSeconds(60), new StorySignature("", 0, new int[0]));
    }

    static CopySeen copy() {
        return new CopySeen("dpa:ferry", "DPA", T0.toEpochMilli() + 60_000, MatchKind.NEAR);
    }

    static CopySeen exactCopy() {
        return new CopySeen("afp:ferry", "AFP", T0.toEpochMilli() - 1, MatchKind.EXACT);
    }

    static List<Case<StoryState>> storyStates() {
        return List.of(
                Case.of("live", new StoryState("reu:ferry-ü", 3, false, T0)),
                Case.of("killed", new StoryState("dpa:kill", Long.MAX_VALUE, true, Instant.EPOCH)));
    }

    static List<Case<StoryFate>> storyFates() {
        return List.of(
                Case.of("head", new StoryFate(null, T0.toEpochMilli())),
                Case.of("copy", new StoryFate("reu:ferry-ü", T0.toEpochMilli())),
                Case.of("killed-head-late-copy-audited", new StoryFate(null, 0, true, true)));
    }

    static List<Case<PendingStory>> pendingStories() {
        Map<String, CopySeen> copies = new LinkedHashMap<>();
        copies.put(copy().uri(), copy());
        copies.put(exactCopy().uri(), exactCopy());
        Map<String, Boolean> replies = new LinkedHashMap<>();
        replies.put("dpa:ferry", true);
        replies.put("afp:ferry", false);
        Map<String, CopySeen> noAgencyWritten = new LinkedHashMap<>();
        noAgencyWritten.put("x:1", new CopySeen("x:1", null, 5, MatchKind.EXACT));
        Map<String, CopySeen> noAgencyRead = new LinkedHashMap<>();
        noAgencyRead.put("x:1", new CopySeen("x:1", "", 5, MatchKind.EXACT));
        return List.of(
                Case.of("answers-only", PendingStory.answersOnly(T0.toEpochMilli())),
                Case.of("candidate-with-copies-and-replies",
                        new PendingStory(null, withTraits(), 3, 2, copies, T0.toEpochMilli(), replies)),
                Case.of("article-inline", new PendingStory(fullArticle(), withoutTraits(), 0, 0, new LinkedHashMap<>(),
                        1L, new LinkedHashMap<>())),
                Case.lossy("copy-without-agency",
                        new PendingStory(null, withoutTraits(), 1, 1, noAgencyWritten, 7L, new LinkedHashMap<>()),
                        new PendingStory(null, withoutTraits(), 1, 1, noAgencyRead, 7L, new LinkedHashMap<>())));
    }

    static List<Case<Article>> pendingArticles() {
        return List.of(Case.of("full", fullArticle()), Case.of("minimal", minimalArticle()));
    }

    static List<Case<ClusterState>> clusterStates() {
        return List.of(
                Case.of("members-before-head", new ClusterState(null, List.of(copy()), 9L)),
                Case.of("head-and-members", new ClusterState(fullArticle(), List.of(copy(), exactCopy()), T0.toEpochMilli())),
                Case.of("head-alone", new ClusterState(minimalArticle(), List.of(), 0L)));
    }

    static DedupeAudit audit(Long survivorVersion) {
        return DedupeAudit.newBuilder().setUri("dpa:ferry").setVersion(1).setAgency("DPA").setHeadline(Stories.HEADLINE)
                .setReason("near-duplicate").setSurvivorUri("reu:ferry-ü").setSurvivorVersion(survivorVersion)
                .setClusterId("c-1").setReceivedAt(T0).setDecidedAt(T0.plusMillis(5))
                .setRaw(RawRef.newBuilder().setItemId("rcpt-2").setAgency("DPA").setTopic("wire.raw").setPartition(0)
                        .setOffset(0L).build())
                .setMatchedBy("same names, tickers and figures").build();
    }

    static DedupeAudit sparseAudit() {
        return DedupeAudit.newBuilder().setUri("x:1").setVersion(2).setAgency("").setReason("exact-duplicate")
                .setReceivedAt(Instant.EPOCH).setDecidedAt(T0)
                .setRaw(RawRef.newBuilder().setItemId("rcpt-3").build()).build();
    }

    static DedupeAudit auditWithoutRaw() {
        return DedupeAudit.newBuilder(sparseAudit()).setRaw(null).build();
    }

    static List<Case<DedupeMessage>> messages() {
        return List.of(
                Case.of("candidate-first-version", new StoryCandidate(fullArticle(), withTraits(), 3)),
                Case.of("candidate-later-version", new StoryCandidate(minimalArticle(), null, 0)),
                Case.of("probe-one-key", new IndexProbe("m:1234", withoutTraits())),
                Case.of("probe-keys", new IndexProbe(List.of("x:ab", "m:1", "n:ü"), withTraits())),
                Case.of("answer-counted", new IndexAnswer("reu:ferry-ü", true, List.of(copy(), exactCopy()))),
                Case.of("answer-notice-empty", new IndexAnswer("dpa:ferry", false, List.of())),
                Case.of("cluster-head", new ClusterEvent("reu:ferry-ü", fullArticle(), null)),
                Case.of("cluster-member", new ClusterEvent("reu:ferry-ü", null, copy())),
                Case.of("reply", new CopyReply(exactCopy(), "dpa:ferry", true)),
                Case.of("reply-not-head", new CopyReply(copy(), "afp:ferry", false)),
                Case.lossy("join-unlisted", new JoinRequest("reu:ferry-ü", copy(), audit(3L), false),
                        new JoinRequest("reu:ferry-ü", copy(), audit(null), false)),
                Case.of("join-sparse-audit", new JoinRequest("x:0", exactCopy(), sparseAudit(), true)),
                Case.of("join-audit-without-raw", new JoinRequest("x:0", exactCopy(), auditWithoutRaw(), true)));
    }
}

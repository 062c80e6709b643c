package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.GoldenBytes.Case;
import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links stage's state values and internal messages whose encodings are kept in {@code state-v1/links/}: a few of
 * each, with nulls, empty lists, editorial visibility and every message kind, including the single-key kinds of
 * before issue 16, which the current code still writes and reads.
 */
final class StateV1Cases {

    private static final long T0 = 1_780_000_000_000L;
    static final ProfileKey LAVROV = new ProfileKey("per:sergei lavrov", "Sergei Lavrov", 0.82, true);
    static final ProfileKey HARBOUR = new ProfileKey("kw:harbour", null, 0.31, false);
    static final Posting TITLED = new Posting("a:harbour-1", 3, T0, "Lavrov and Alhakim discuss Basra harbour \u2014 \u00e9t\u00e9 \u6e2f \ud83d\udea2",
            "cluster-7", 1.25, 0.82);
    static final Posting UNTITLED = new Posting("b:harbour-2", 1, T0 + 100_000, null, null, 0.9, 0.31);
    static final Posting EMBARGOED = TITLED.withVisibleFrom(T0 + 3_600_000);
    static final Posting KILLED = UNTITLED.withVisibleFrom(Posting.NEVER);
    static final StoryProfile PROFILE = new StoryProfile("c:harbour-3", 2, T0 + 200_000, "Iraq and Russia near a deal",
            "cluster-9", new LinkedHashSet<>(List.of("c:harbour-3", "d:copy")), List.of(LAVROV, HARBOUR));
    static final StoryProfile BARE_PROFILE = new StoryProfile("e:1", 1, 0, null, null, Set.of(), List.of());
    static final KeyHits HITS = new KeyHits(LAVROV, List.of(TITLED, UNTITLED, EMBARGOED), 17);
    static final KeyHits NO_HITS = new KeyHits(HARBOUR, List.of(), 0);
    /** A story under two keys with two weights: carried once in the answers' table. */
    static final List<KeyHits> ANSWERS = List.of(HITS, new KeyHits(HARBOUR, List.of(TITLED.withWeight(0.5), KILLED), 2), NO_HITS);
    static final byte[] ARTICLE = {0, 1, 2, -1, 127, -128};

    private StateV1Cases() {
    }

    static List<Case<Posting>> postings() {
        return List.of(Case.of("released", TITLED), Case.of("no-headline-no-cluster", UNTITLED),
                Case.of("embargoed", EMBARGOED), Case.of("killed", KILLED));
    }

    static List<Case<LinkMessage>> messages() {
        return List.of(
                Case.of("article", LinkMessage.article("c:harbour-3", 2, ARTICLE, PROFILE, 2)),
                Case.of("article-empty-profile", LinkMessage.article("e:1", 1, new byte[0], BARE_PROFILE, 0)),
                Case.of("article-without-probe-count", LinkMessage.legacyArticle("c:harbour-3", 2, ARTICLE, PROFILE)),
                Case.of("probes", LinkMessage.probes("c:harbour-3", 2, List.of(LAVROV, HARBOUR), PROFILE.posting(LAVROV))),
                Case.of("retracts", LinkMessage.retracts("c:harbour-3", 3, List.of(HARBOUR), KILLED)),
                Case.of("answers", LinkMessage.answers("c:harbour-3", 2, ANSWERS)),
                Case.of("answers-empty", LinkMessage.answers("c:harbour-3", 2, List.of())),
                Case.of("killed", LinkMessage.killed("b:harbour-2", 4)),
                Case.of("tombstone", LinkMessage.tombstone("b:harbour-2")),
                Case.of("probe-one-key", LinkMessage.probe("c:harbour-3", 2, LAVROV, PROFILE.posting(LAVROV))),
                Case.of("retract-one-key", LinkMessage.retract("c:harbour-3", 3, HARBOUR, KILLED)),
                Case.of("hits-one-key", LinkMessage.hits("c:harbour-3", 2, HITS)));
    }

    static List<Case<LinkParts.Part>> parts() {
        return List.of(
                Case.of("article", new LinkParts.Part(new LinkParts.ArticlePart(ARTICLE, PROFILE), null, null)),
                Case.of("answers", new LinkParts.Part(null, null, ANSWERS)),
                Case.of("answers-empty", new LinkParts.Part(null, null, List.of())),
                Case.of("hits-one-key", new LinkParts.Part(null, NO_HITS, null)));
    }

    static List<Case<PendingLinks>> pendingLinks() {
        PendingLinks emitted = new PendingLinks();
        emitted.lastEmittedVersion = 3;
        emitted.lastEmittedAtMillis = T0;
        PendingLinks waiting = new PendingLinks();
        PendingLinks.Waiting first = waiting.version(4, T0 + 1);
        first.hasArticle = true;
        first.expectedHits = 3;
        first.hitsReceived = 1;
        waiting.version(5, T0 + 2);
        // JSON gives the excluded uris back as a set without order
        StoryProfile unordered = new StoryProfile(PROFILE.uri(), PROFILE.version(), PROFILE.timeMillis(),
                PROFILE.headline(), PROFILE.clusterId(), new HashSet<>(PROFILE.excludedUris()), PROFILE.keys());
        return List.of(Case.of("new", new PendingLinks()), Case.of("emitted", emitted), Case.of("waiting", waiting),
                Case.lossy("waiting-inline-before-parts", inlineBeforeParts(PROFILE), inlineBeforeParts(unordered)));
    }

    private static PendingLinks inlineBeforeParts(StoryProfile profile) {
        PendingLinks inline = new PendingLinks();
        PendingLinks.Waiting old = inline.version(1, T0);
        old.article = ARTICLE;
        old.profile = profile;
        old.hits = List.of(HITS);
        return inline;
    }

    static List<Case<IndexedKeys>> indexedKeys() {
        return List.of(Case.of("keys", new IndexedKeys(3, List.of("per:sergei lavrov", "kw:harbour", "kw:\u00e9t\u00e9"))),
                Case.of("none", new IndexedKeys(1, List.of())));
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.util.List;

/** What flows between the stage's tasks through its repartition topics (and, for audits, out of it). */
sealed interface DedupeMessage {

    /**
     * A version let through by the version guard, on its way to its story's dedupe task.
     *
     * @param indexed the story as filed in the index; null for later versions, which follow the first one's fate
     * @param expectedAnswers how many probe messages will answer, one each (0 for later versions): one per partition
     *     of the index topic the story's keys land on, or one per key when probes are not grouped
     */
    record StoryCandidate(Article article, IndexedStory indexed, int expectedAnswers) implements DedupeMessage {
        boolean firstVersion() {
            return indexed != null;
        }
    }

    /**
     * A first version looked up and filed under its index keys that share one partition of the index topic; the
     * record key is the first of them, so the message lands where every one of them is owned. Answered once.
     */
    record IndexProbe(List<String> keys, IndexedStory story) implements DedupeMessage {

        public IndexProbe {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a probe carries at least one index key");
            }
            keys = List.copyOf(keys);
        }

        IndexProbe(String key, IndexedStory story) {
            this(List.of(key), story);
        }
    }

    /**
     * The index's answer to a story: the copies found under the keys of one probe, one entry per other story.
     * {@code counted} answers are the replies to the story's own probes (one per probe message); uncounted ones are
     * notices that a copy wired earlier reached the index after the story (one per probe message that found it).
     */
    record IndexAnswer(String storyUri, boolean counted, List<CopySeen> copies) implements DedupeMessage {
    }

    /**
     * A later-wired copy's answer to a notice from an earlier-wired one, sent from the copy's task (the one place its
     * fate is decided) back to the earlier story's task, which waits for it before judging.
     *
     * @param story the earlier story, which receives the reply, as the notice described it
     * @param copyUri the copy that replies
     * @param publishedHead whether the copy was already published as the head of its cluster; if so it stays
     *     published and the earlier story joins its cluster, else the copy follows the wire-order rule and yields
     */
    record CopyReply(CopySeen story, String copyUri, boolean publishedHead) implements DedupeMessage {
    }

    /**
     * A story dropped as a copy of {@code survivorUri}, sent to the survivor's task because only there is it known
     * whether the survivor heads a published cluster or was itself dropped into another (then the request moves on to
     * that story, until it reaches the head). The head's task lists the member and writes its audit, so the audit and
     * the published cluster name the head however long the chain.
     *
     * @param survivorUri the story the request is at
     * @param member the dropped copy
     * @param audit the dropped copy's audit record; its survivor and cluster are set where the head is found
     * @param listed whether the head's published cluster may name the copy: not while the copy is under embargo or
     *               withheld, since the cluster goes out to every reader (the audit still names the head)
     */
    record JoinRequest(String survivorUri, CopySeen member, DedupeAudit audit, boolean listed) implements DedupeMessage {

        JoinRequest(String survivorUri, CopySeen member, DedupeAudit audit) {
            this(survivorUri, member, audit, true);
        }
    }

    /** To a cluster's task: its head was published (article set) or a copy joined it (member set). */
    record ClusterEvent(String headUri, Article head, CopySeen member) implements DedupeMessage {
    }

    /** A drop, on its way to the audit topic (never repartitioned). */
    record AuditEvent(DedupeAudit audit) implements DedupeMessage {
    }
}

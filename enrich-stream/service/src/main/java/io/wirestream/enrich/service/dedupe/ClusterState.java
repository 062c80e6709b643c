package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.avro.Article;
import java.util.ArrayList;
import java.util.List;

/**
 * A duplicate cluster as its head's task keeps it: the head's newest published version (null until it is published)
 * and the copies that joined it.
 */
record ClusterState(Article head, List<CopySeen> members, long updatedAtMillis) {

    ClusterState withHead(Article article, long now) {
        return new ClusterState(article, members, now);
    }

    /** Null when the copy is already a member. */
    ClusterState withMember(CopySeen member, long now) {
        for (CopySeen existing : members) {
            if (existing.uri().equals(member.uri())) {
                return null;
            }
        }
        List<CopySeen> grown = new ArrayList<>(members);
        grown.add(member);
        return new ClusterState(head, grown, now);
    }

    static StateCodec<ClusterState> serde(DedupeBinary binary) {
        return StateCodec.of("cluster state", (out, s) -> {
            binary.writeArticle(out, s.head());
            DedupeBinary.writeCopies(out, s.members());
            out.writeLong(s.updatedAtMillis());
        }, in -> new ClusterState(binary.readArticle(in), DedupeBinary.readCopies(in), in.readLong()));
    }
}

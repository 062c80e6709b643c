package io.wirestream.ops.web;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A published story as the ops page shows it: what it is, where from, how it was tagged, linked and clustered. */
public record StoryView(String uri, long version, String headline, String agency, String language, String pubstatus,
                        Integer urgency, Instant receivedAt, Instant processedAt, List<Tag> tags, List<Link> related,
                        Cluster duplicates) {

    public record Tag(String code, String name, String origin) {
    }

    public record Link(String uri, String title, String reason, double score) {
    }

    /** The duplicate cluster this story heads: who wired it first, who else carried it. */
    public record Cluster(String clusterId, String firstAgency, Instant firstWiredAt, List<String> alsoCarriedBy,
                          int members) {
    }

    public static StoryView of(Article a) {
        List<Tag> tags = new ArrayList<>();
        for (Subject s : a.getSubjects()) {
            tags.add(new Tag(s.getCode(), s.getName(), s.getOrigin()));
        }
        for (String keyword : a.getKeywords()) {
            tags.add(new Tag(null, keyword, "keyword"));
        }
        List<Link> related = new ArrayList<>();
        for (RelatedLink r : a.getRelated()) {
            related.add(new Link(r.getUri(), r.getTitle(), r.getReason(), r.getScore()));
        }
        DuplicateCluster d = a.getDuplicates();
        Cluster cluster = d == null ? null : new Cluster(d.getClusterId(), d.getFirstAgency(), d.getFirstWiredAt(),
                List.copyOf(d.getAlsoCarriedBy()), d.getMemberUris().size());
        return new StoryView(a.getUri(), a.getVersion(), a.getHeadline(), a.getAgency(), a.getLanguage(),
                String.valueOf(a.getPubstatus()), a.getUrgency(), a.getReceivedAt(), a.getProcessedAt(), tags, related,
                cluster);
    }
}

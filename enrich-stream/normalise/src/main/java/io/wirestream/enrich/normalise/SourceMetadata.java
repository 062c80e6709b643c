package io.wirestream.enrich.normalise;

import static io.wirestream.enrich.normalise.StoryBody.clean;

import io.wirestream.avro.RawItem;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.SourceId;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.PublisherLink;
import io.wirestream.enrich.normalise.model.SourceIdentifier;
import io.wirestream.enrich.normalise.model.SourceSubject;
import io.wirestream.enrich.normalise.subject.SubjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the source said about the story besides its text: subjects, keywords, publisher links, ids; each once. */
final class SourceMetadata {

    static final String INGEST_ID_SCHEME = "ingest-source-item-id";

    private SourceMetadata() {}

    /** Every source subject once (the first name given wins), then the Media Topics they map to surely. */
    static List<Subject> subjects(DraftArticle d) {
        Map<String, Subject> out = new LinkedHashMap<>();
        for (SourceSubject s : d.subjects()) {
            Subject known = out.get(s.code());
            if (known == null) {
                out.put(s.code(), Subject.newBuilder().setCode(s.code()).setName(s.name()).setRelevance(null)
                        .setOrigin("source").build());
            } else if (known.getName() == null && s.name() != null) {
                known.setName(s.name());
            }
        }
        for (SourceSubject s : d.subjects()) {
            for (SubjectMapper.Topic t : SubjectMapper.map(s.code())) {
                out.putIfAbsent(t.code(), Subject.newBuilder().setCode(t.code()).setName(t.name()).setRelevance(null)
                        .setOrigin("mapped").build());
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Keywords after text hygiene, once each whatever their case (the first spelling stays). */
    static List<String> keywords(DraftArticle d) {
        List<String> keywords = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String k : d.keywords()) {
            String c = clean(k);
            if (c != null && seen.add(c.toLowerCase(Locale.ROOT))) {
                keywords.add(c);
            }
        }
        return keywords;
    }

    static List<RelatedLink> related(DraftArticle d) {
        List<RelatedLink> related = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PublisherLink link : d.related()) {
            String title = clean(link.title());
            String uri = link.uri() == null ? null : link.uri().trim();
            if (seen.add(uri + "|" + title)) {
                related.add(RelatedLink.newBuilder().setUri(uri).setTitle(title).setScore(0.0)
                        .setReason(link.reason() == null ? "publisher link" : link.reason()).setOrigin("publisher")
                        .build());
            }
        }
        return related;
    }

    /** The format's ids, then the id ingest was given for the item. */
    static List<SourceId> sourceIds(DraftArticle d, RawItem raw) {
        List<SourceId> sourceIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SourceIdentifier s : d.sourceIds()) {
            if (seen.add(s.scheme() + "|" + s.value())) {
                sourceIds.add(new SourceId(s.scheme(), s.value()));
            }
        }
        String ingestId = raw.getSourceItemId();
        if (ingestId != null && seen.add(INGEST_ID_SCHEME + "|" + ingestId)) {
            sourceIds.add(new SourceId(INGEST_ID_SCHEME, ingestId));
        }
        return sourceIds;
    }
}

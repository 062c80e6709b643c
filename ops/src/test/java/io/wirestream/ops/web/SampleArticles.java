package io.wirestream.ops.web;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.Subject;
import java.time.Instant;
import java.util.List;

/** Articles and rejections as enrich-stream writes them, for the ops page tests. */
public final class SampleArticles {

    private SampleArticles() {
    }

    public static Article article(int n, String agency, Instant receivedAt) {
        return Article.newBuilder()
                .setUri("urn:wirestream:" + agency + ":" + n)
                .setVersion(1)
                .setVersioncreated(receivedAt)
                .setPubstatus(PubStatus.usable)
                .setHeadline("Harbour cranes idle as strike enters day " + n)
                .setLanguage("en")
                .setAgency(agency)
                .setSubjects(List.of(Subject.newBuilder().setCode("medtop:09000000").setName("labour")
                        .setOrigin("inferred").build()))
                .setKeywords(List.of("strike"))
                .setRelated(List.of(RelatedLink.newBuilder().setUri("urn:wirestream:afp:7")
                        .setTitle("Port talks collapse").setScore(0.8).setReason("shared entities").build()))
                .setDuplicates(DuplicateCluster.newBuilder().setClusterId("c-" + n).setFirstUri("urn:wirestream:afp:7")
                        .setFirstAgency("afp").setFirstWiredAt(receivedAt.minusSeconds(60))
                        .setAlsoCarriedBy(List.of(agency)).setMemberUris(List.of("urn:wirestream:afp:7", "urn:x")).build())
                .setReceivedAt(receivedAt)
                .setProcessedAt(receivedAt.plusMillis(400))
                .build();
    }

    public static Rejection rejection(String stage, String reason, String agency, Instant at) {
        return Rejection.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setDetail("line 1: unexpected end of input")
                .setRaw(RawRef.newBuilder().setItemId("item-1").setAgency(agency).build())
                .setRejectedAt(at)
                .setExcerpt("<nitf><head>" + "x".repeat(400))
                .build();
    }
}

package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.service.dedupe.DedupeMessage.JoinRequest;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The join request's "listed" flag travels through the replies topic and the followers store, old records included. */
class JoinRequestCodecTest {

    private final DedupeMessageSerde serde = new DedupeMessageSerde(new AvroBinarySerde<>(Article.class), "wire.articles");

    private static JoinRequest request(boolean listed) {
        Article copy = Stories.ferry("dpa:ferry", "DPA", 1, Instant.parse("2026-03-03T06:07:00Z"));
        DedupeAudit audit = AuditRecords.of(copy, "near-duplicate", "reu:ferry", null, ClusterIds.of("reu:ferry"), 1_000L);
        return new JoinRequest("reu:ferry", new CopySeen("dpa:ferry", "DPA", 1_000L, MatchKind.NEAR), audit, listed);
    }

    @Test
    void aRequestForACopyUnderEmbargoKeepsItsFlagThroughTheCodec() {
        JoinRequest hidden = (JoinRequest) serde.decode(serde.encode(request(false)));
        assertThat(hidden.listed()).isFalse();
        assertThat(hidden.member().uri()).isEqualTo("dpa:ferry");
        assertThat(((JoinRequest) serde.decode(serde.encode(request(true)))).listed()).isTrue();
    }

    @Test
    void aRequestWrittenBeforeTheFlagExistedReadsAsListed() {
        byte[] current = serde.encode(request(false));
        byte[] former = Arrays.copyOf(current, current.length - 1); // the former layout ended after the audit
        JoinRequest read = (JoinRequest) serde.decode(former);
        assertThat(read.listed()).isTrue();
        assertThat(read.audit().getSurvivorUri()).isEqualTo("reu:ferry");
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import java.time.Instant;

/** Builds the audit record of one decision. */
final class AuditRecords {

    private AuditRecords() {
    }

    static DedupeAudit of(Article article, String reason, String survivorUri, Long survivorVersion, String clusterId,
            long nowMillis) {
        return DedupeAudit.newBuilder()
                .setUri(article.getUri())
                .setVersion(article.getVersion())
                .setAgency(article.getAgency())
                .setHeadline(article.getHeadline())
                .setReason(reason)
                .setSurvivorUri(survivorUri)
                .setSurvivorVersion(survivorVersion)
                .setClusterId(clusterId)
                .setReceivedAt(article.getReceivedAt())
                .setDecidedAt(Instant.ofEpochMilli(nowMillis))
                .setRaw(article.getRaw())
                .build();
    }
}

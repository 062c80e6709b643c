package io.wirestream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemIntakeTest {

    static IncomingItem item(String agency, String id, String body) {
        return new IncomingItem(agency, id, "2", "application/xml", null, IngestChannel.PUSH,
                Map.of("remoteAddress", "192.0.2.1"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsNewsWithAgencyKeyAndReceiptTime() {
        IntakeFixture f = IntakeFixture.kafkaUp();
        IntakeResult r = f.intake.offer(item("alpha", "story-7", "<nitf><body>Storm</body></nitf>"));

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.receipt().topic()).isEqualTo("wire.raw");
        var record = f.producer.history().get(0);
        assertThat(record.key()).isEqualTo("alpha/story-7");
        assertThat(record.timestamp()).isEqualTo(r.receipt().receivedAt().toEpochMilli());
        RawItem v = record.value();
        assertThat(v.getAgency()).isEqualTo("alpha");
        assertThat(v.getItemId()).isEqualTo(r.receipt().itemId());
        assertThat(v.getSourceItemId()).isEqualTo("story-7");
        assertThat(v.getSourceVersion()).isEqualTo("2");
        assertThat(v.getChannel()).isEqualTo(IngestChannel.PUSH);
        assertThat(v.getFormatHint()).isEqualTo("nitf");
        assertThat(v.getTransport()).containsEntry("remoteAddress", "192.0.2.1");
        assertThat(StandardCharsets.UTF_8.decode(v.getPayload()).toString()).isEqualTo("<nitf><body>Storm</body></nitf>");
        assertThat(f.count("accepted", "none")).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotNewsWithoutSendingIt() {
        IntakeFixture f = IntakeFixture.kafkaUp();
        assertThat(f.intake.offer(item("alpha", null, "<invoice/>")).status()).isEqualTo(422);
        assertThat(f.intake.offer(item("alpha", null, "")).status()).isEqualTo(422);
        assertThat(f.producer.history()).isEmpty();
        assertThat(f.count("rejected", "not_news")).isEqualTo(1);
        assertThat(f.count("rejected", "empty")).isEqualTo(1);
    }

    @Test
    void aBatchIsSentWholeBeforeAnyAcknowledgementIsAwaitedAndKeepsItsOrder() throws Exception {
        IntakeFixture f = IntakeFixture.manualAcks(java.time.Duration.ofSeconds(30));
        // Kafka acknowledges only once both good items were handed over: awaiting one by one would time out
        Thread broker = new Thread(() -> {
            while (f.producer.history().size() < 2) {
                Thread.onSpinWait();
            }
            f.producer.completeNext();
            f.producer.completeNext();
        });
        broker.start();
        java.util.List<IntakeResult> results = f.intake.offerAll(java.util.List.of(
                item("alpha", "a", "<nitf><body>A</body></nitf>"), item("alpha", "b", "<invoice/>"), item("alpha", "c", "<nitf><body>C</body></nitf>")));
        broker.join();
        assertThat(results).extracting(IntakeResult::status).containsExactly(202, 422, 202);
        assertThat(f.producer.history()).extracting(r -> r.value().getSourceItemId()).containsExactly("a", "c");
        assertThat(results.get(0).receipt().itemId()).isEqualTo(f.producer.history().get(0).value().getItemId());
    }

    @Test
    void reportsRetryLaterWhenKafkaDoesNotAcknowledgeInTime() {
        IntakeFixture f = IntakeFixture.kafkaDown();
        IntakeResult r = f.intake.offer(item("alpha", "s", "<nitf/>"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.isTransient()).isTrue();
        assertThat(r.retryAfter()).isPositive();
        assertThat(r.receipt()).isNull();
        assertThat(f.count("rejected", "kafka_unavailable")).isEqualTo(1);
    }

    @Test
    void idsAndVersionsOverTheLimitInUtf8BytesAreRefusedOnEveryChannelAndNeverSent() {
        IntakeFixture f = IntakeFixture.kafkaUp();
        String story = "<nitf><body>Storm</body></nitf>";
        String atLimit = "x".repeat(ItemIntake.DEFAULT_MAX_ID_BYTES);
        // 512 characters, but 4 bytes each in UTF-8 counted as surrogate pairs: 1024 bytes, at the limit; one more is over
        String emoji = "\uD83D\uDCF0".repeat(256);
        assertThat(f.intake.offer(item("alpha", atLimit, story)).status()).isEqualTo(202);
        assertThat(f.intake.offer(item("alpha", emoji, story)).status()).isEqualTo(202);
        IncomingItem feedItem = new IncomingItem("alpha", emoji + "é", null, "application/xml", null, IngestChannel.FEED, Map.of(),
                story.getBytes(StandardCharsets.UTF_8));
        IntakeResult overId = f.intake.offer(feedItem);
        assertThat(overId.status()).isEqualTo(422);
        assertThat(overId.reasonCode()).isEqualTo("id_too_long");
        assertThat(overId.message()).contains("1026 bytes").contains("1024");
        IncomingItem longVersion = new IncomingItem("alpha", "v", "9".repeat(70_000), "application/xml", null, IngestChannel.DROP_FOLDER,
                Map.of(), story.getBytes(StandardCharsets.UTF_8));
        assertThat(f.intake.offer(longVersion).reasonCode()).isEqualTo("id_too_long");
        assertThat(f.producer.history()).hasSize(2);
        assertThat(f.count("rejected", "id_too_long")).isEqualTo(2);
    }
}

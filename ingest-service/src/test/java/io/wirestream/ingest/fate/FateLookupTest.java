package io.wirestream.ingest.fate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FateLookupTest {

    private final PublishReadApiStub publish;

    FateLookupTest() throws Exception {
        publish = new PublishReadApiStub();
    }

    @AfterEach
    void stop() {
        publish.close();
    }

    @Test
    void aKnownFateIsPublishServicesAnswerAskedWithTheConfiguredKey() {
        publish.answer("item-1", 200, "{\"itemId\":\"item-1\",\"fate\":\"merged\",\"storyUri\":\"urn:a\",\"version\":2,"
                + "\"mergedInto\":{\"storyUri\":\"urn:b\",\"clusterId\":\"c-1\"},\"stage\":\"dedupe\",\"reason\":\"near-duplicate\"}");

        ObjectNode fate = FateLookup.of(publish.url() + "/", "operator-key", Duration.ofSeconds(5)).fateOf("item-1");

        assertThat(fate.get("fate").asText()).isEqualTo("merged");
        assertThat(fate.get("mergedInto").get("storyUri").asText()).isEqualTo("urn:b");
        assertThat(publish.asked()).singleElement().isEqualTo(new PublishReadApiStub.Asked("/v1/items/item-1", "Bearer operator-key"));
    }

    @Test
    void anItemPublishServiceHasNotSeenIsPending() {
        ObjectNode fate = FateLookup.of(publish.url(), "k", Duration.ofSeconds(5)).fateOf("in-flight");

        assertThat(fate.get("fate").asText()).isEqualTo(FateLookup.PENDING);
        assertThat(fate.get("itemId").asText()).isEqualTo("in-flight");
    }

    @Test
    void aRefusalIsAnUnknownFateWithPublishServicesReason() {
        publish.answer("item-2", 403, "{\"error\":\"forbidden\",\"reason\":\"what became of an ingested item is for operators\"}");

        ObjectNode fate = FateLookup.of(publish.url(), "a-subscriber-key", Duration.ofSeconds(5)).fateOf("item-2");

        assertThat(fate.get("fate").asText()).isEqualTo(FateLookup.UNKNOWN);
        assertThat(fate.get("reason").asText()).isEqualTo("publish_refused");
        assertThat(fate.get("message").asText()).isEqualTo("fate unknown: publish-service answered 403: what became of an ingested item is for operators");
    }

    @Test
    void noKeyMeansNoAuthorizationHeaderForAnOpenReadApi() {
        publish.answer("item-3", 200, "{\"itemId\":\"item-3\",\"fate\":\"published\",\"storyUri\":\"urn:c\",\"version\":1}");

        assertThat(FateLookup.of(publish.url(), " ", Duration.ofSeconds(5)).fateOf("item-3").get("fate").asText()).isEqualTo("published");
        assertThat(publish.asked()).singleElement().extracting(PublishReadApiStub.Asked::authorization).isNull();
    }

    @Test
    void aPublishServiceThatIsDownIsAnUnknownFateNotAnError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ObjectNode fate = FateLookup.of("http://127.0.0.1:" + closedPort, "k", Duration.ofSeconds(2)).fateOf("item-4");

        assertThat(fate.get("fate").asText()).isEqualTo(FateLookup.UNKNOWN);
        assertThat(fate.get("reason").asText()).isEqualTo("publish_unreachable");
        assertThat(fate.get("message").asText()).startsWith("fate unknown: publish-service unreachable (");
    }

    @Test
    void aPublishServiceThatDoesNotAnswerIsAnUnknownFateAfterTheTimeout() {
        publish.silentFor("item-5");

        ObjectNode fate = FateLookup.of(publish.url(), "k", Duration.ofMillis(300)).fateOf("item-5");

        assertThat(fate.get("reason").asText()).isEqualTo("publish_unreachable");
        assertThat(fate.get("message").asText()).isEqualTo("fate unknown: publish-service unreachable (no answer within 300 ms)");
    }

    @Test
    void withoutAUrlNothingIsAskedAndTheFateSaysWhy() {
        FateLookup none = FateLookup.of("", "k", Duration.ofSeconds(1));

        assertThat(none.configured()).isFalse();
        assertThat(none.fateOf("item-6").get("reason").asText()).isEqualTo("not_configured");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAtStart() {
        assertThatThrownBy(() -> FateLookup.of("publish-service:8083", "k", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingest.fate.url");
    }
}

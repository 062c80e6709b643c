package io.wirestream.subscribers.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "a-webhook-secret-of-the-site".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"uri\":\"urn:x\",\"version\":\"2\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyAsTheReadmeSays() throws Exception {
        String header = WebhookSignature.sign(SECRET, 1_772_443_200L, BODY);
        // what a receiver computes, written out with the JDK alone
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update("1772443200.".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(mac.doFinal(BODY));
        assertThat(header).isEqualTo("t=1772443200,v1=" + expected);
    }

    @Test
    void verifyAcceptsTheRightSignatureAndRefusesAnotherBodySecretOrAnOldTimestamp() {
        String header = WebhookSignature.sign(SECRET, 1000, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1010, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8), 1010, 300)).isFalse();
        assertThat(WebhookSignature.verify("another-secret-entirely".getBytes(StandardCharsets.UTF_8), header, BODY, 1010, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 2000, 300)).as("replayed later").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, 1000, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1000, 300)).isFalse();
    }
}

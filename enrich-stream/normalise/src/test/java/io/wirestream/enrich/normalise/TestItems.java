package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Raw items and a shared normaliser for tests; every payload in the tests is written by the project. */
public final class TestItems {

    public static final Instant RECEIVED = Instant.parse("2024-06-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(RECEIVED, ZoneOffset.UTC);
    private static final WireItemNormaliser NORMALISER = new WireItemNormaliser(CLOCK, NormaliserLimits.defaults());

    private TestItems() {}

    public static WireItemNormaliser normaliser() {
        return NORMALISER;
    }

    public static RawItem raw(String agency, String payload) {
        return raw(agency, payload.getBytes(StandardCharsets.UTF_8), null, null);
    }

    public static RawItem raw(String agency, byte[] payload) {
        return raw(agency, payload, null, null);
    }

    public static RawItem raw(String agency, byte[] payload, String contentType, String hint) {
        return RawItem.newBuilder()
                .setItemId("receipt-" + Integer.toHexString(java.util.Arrays.hashCode(payload)))
                .setAgency(agency)
                .setSourceItemId(null)
                .setSourceVersion(null)
                .setReceivedAt(RECEIVED)
                .setContentType(contentType)
                .setFormatHint(hint)
                .setChannel(IngestChannel.PUSH)
                .setTransport(Map.of())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    public static List<Article> normalise(String agency, String payload) throws NormalisationException {
        return NORMALISER.normalise(raw(agency, payload));
    }

    public static Article one(String agency, String payload) throws NormalisationException {
        return one(agency, payload.getBytes(StandardCharsets.UTF_8));
    }

    public static Article one(String agency, byte[] payload) throws NormalisationException {
        List<Article> out = NORMALISER.normalise(raw(agency, payload));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    public static NormalisationException refusal(String agency, String payload) {
        return refusal(agency, payload.getBytes(StandardCharsets.UTF_8));
    }

    public static NormalisationException refusal(String agency, byte[] payload) {
        return refusal(NORMALISER, raw(agency, payload));
    }

    public static NormalisationException refusal(WireItemNormaliser n, RawItem raw) {
        NormalisationException e = catchThrowableOfType(NormalisationException.class, () -> n.normalise(raw));
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }

    /**
     * Wire control characters written readably in fixtures: &lt;SYN&gt; &lt;SOH&gt; &lt;STX&gt; &lt;ETX&gt;
     * &lt;EOT&gt; &lt;US&gt; &lt;DC1&gt; &lt;DC3&gt; &lt;DEL&gt; &lt;TAB&gt;.
     */
    public static String ctl(String s) {
        return s.replace("<SYN>", "\u0016").replace("<SOH>", "\u0001").replace("<STX>", "\u0002")
                .replace("<ETX>", "\u0003").replace("<EOT>", "\u0004").replace("<US>", "\u001f")
                .replace("<DC1>", "\u0011").replace("<DC3>", "\u0013").replace("<DEL>", "\u007f").replace("<TAB>", "\t");
    }

    /** The shared corpora folder when present (tests that read it skip otherwise). */
    public static Path corpora() {
        return io.wirestream.newsformats.corpora.CorporaLocation.find()
                .filter(corpora -> Files.isDirectory(corpora.resolve("agency-samples")))
                .orElse(null);
    }
}

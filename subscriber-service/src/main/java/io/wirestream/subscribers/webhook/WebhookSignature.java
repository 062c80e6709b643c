package io.wirestream.subscribers.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook body, sent as {@value #HEADER}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, where
 * the HMAC is over the ASCII timestamp, a full stop and the exact body bytes ({@code t + "." + body}), keyed with the
 * subscriber's webhook secret. A receiver recomputes it over the body as received, compares in constant time, and
 * refuses a timestamp too far from its own clock (replayed requests); {@link #verify} does all three.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Wirestream-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    public static String sign(byte[] secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * Whether a signature header is valid for this body and secret, signed within {@code toleranceSeconds} of
     * {@code nowSeconds}.
     */
    public static boolean verify(byte[] secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(nowSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, t, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}

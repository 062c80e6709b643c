package io.wirestream.ingest.auth;

import io.wirestream.newsformats.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * How an API key is stored: only its SHA-256, written {@code sha256:<64 hex digits>}. Keys are long random strings,
 * so an unsalted hash is enough; a leaked credentials file does not let anyone push.
 *
 * <p>Run {@code java -cp ingest-service.jar io.wirestream.ingest.auth.ApiKeyHash <agency> [key]} to print a credentials
 * line (a new random key is made when none is given; the key itself goes to stderr, once).
 */
public final class ApiKeyHash {

    public static final String PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyHash() {}

    /** The stored form of a key: {@code sha256:<hex>}. */
    public static String hash(String apiKey) {
        return PREFIX + Sha256.hex(apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fresh key: 32 random bytes, URL-safe Base64 (43 characters), safe in headers and shells. Never one starting with
     * '-', which a command line would read as an option (one key in 64 did); drawing again costs under two bits of the
     * 256.
     */
    public static String newKey() {
        byte[] bytes = new byte[32];
        String key;
        do {
            RANDOM.nextBytes(bytes);
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (key.charAt(0) == '-');
        return key;
    }

    /** The line to put in the credentials file for this agency and key. */
    public static String credentialsLine(String agency, String apiKey) {
        if (!AgencyName.isValid(agency)) {
            throw new IllegalArgumentException("agency names are letters, digits, '.', '_' and '-': '" + agency + "'");
        }
        return agency + " " + hash(apiKey);
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ApiKeyHash <agency> [api-key]   (prints a line for ingest.credentials.file)");
            System.exit(2);
        }
        String key = args.length == 2 ? args[1] : newKey();
        if (args.length == 1) {
            System.err.println("new API key for " + args[0] + ": " + key);
        }
        System.out.println(credentialsLine(args[0], key));
    }
}

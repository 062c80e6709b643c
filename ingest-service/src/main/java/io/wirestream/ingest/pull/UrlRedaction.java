package io.wirestream.ingest.pull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feed URLs as they may be shown: in logs, and in the raw item's transport map, which every consumer of wire.raw
 * reads. Credentials in the user-info part and query parameters that look like secrets (names containing token, key,
 * sig, secret, pass, auth or credential, e.g. {@code access_token}, {@code apiKey}, {@code X-Amz-Signature}) become
 * {@code ***}; the rest stays, so the feed is still recognisable.
 */
public final class UrlRedaction {

    static final String MASK = "***";
    private static final List<String> SECRET_NAME_PARTS = List.of("token", "key", "sig", "secret", "pass", "auth", "credential");

    private UrlRedaction() {}

    public static String redact(URI url) {
        StringBuilder s = new StringBuilder();
        if (url.getScheme() != null) {
            s.append(url.getScheme()).append("://");
        }
        if (url.getRawUserInfo() != null) {
            s.append(MASK).append('@');
        }
        if (url.getHost() != null) {
            s.append(url.getHost());
        }
        if (url.getPort() >= 0) {
            s.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            s.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            s.append('?').append(redactQuery(url.getRawQuery()));
        }
        // a fragment is never sent to the server and carries nothing a reader of the log needs
        return s.toString();
    }

    private static String redactQuery(String query) {
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            parts.add(eq >= 0 && isSecretName(name) ? name + "=" + MASK : pair);
        }
        return String.join("&", parts);
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(lower::contains);
    }
}

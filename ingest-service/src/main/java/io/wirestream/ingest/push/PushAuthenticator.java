package io.wirestream.ingest.push;

import io.javalin.http.Context;
import io.wirestream.ingest.auth.CredentialStore;
import java.util.Optional;

/**
 * Finds the agency a request speaks for. The key comes as {@code Authorization: Bearer <key>} or {@code X-Api-Key};
 * the agency is always the key's, and a request that names another agency (in the path or {@code X-Agency}) is
 * refused rather than silently re-attributed.
 */
final class PushAuthenticator {

    /** The caller's agency, or the status and reason to refuse with. */
    record Outcome(String agency, int status, String error, String message) {
        boolean allowed() {
            return agency != null;
        }
    }

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String AGENCY_HEADER = "X-Agency";

    private final CredentialStore credentials;

    PushAuthenticator(CredentialStore credentials) {
        this.credentials = credentials;
    }

    Outcome authenticate(Context ctx, String agencyInPath) {
        String key = presentedKey(ctx);
        if (key == null) {
            return new Outcome(null, 401, "unauthenticated",
                    "no API key: send 'Authorization: Bearer <key>' or '" + API_KEY_HEADER + ": <key>'");
        }
        Optional<String> agency = credentials.agencyFor(key);
        if (agency.isEmpty()) {
            return new Outcome(null, 401, "unauthenticated", "the API key is not valid (unknown, withdrawn or mistyped)");
        }
        String claimed = agencyInPath != null ? agencyInPath : ctx.header(AGENCY_HEADER);
        if (claimed != null && !claimed.isBlank() && !claimed.strip().equals(agency.get())) {
            return new Outcome(null, 403, "forbidden",
                    "this API key belongs to agency '" + agency.get() + "' and cannot push or read for '" + claimed.strip() + "'");
        }
        return new Outcome(agency.get(), 0, null, null);
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).strip();
            return key.isEmpty() ? null : key;
        }
        String header = ctx.header(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}

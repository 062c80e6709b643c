package io.wirestream.ingest.auth;

import java.util.regex.Pattern;

/** What an agency may be called: it becomes part of record keys, metric tags and directory names. */
public final class AgencyName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AgencyName() {}

    public static boolean isValid(String agency) {
        return agency != null && VALID.matcher(agency).matches();
    }
}

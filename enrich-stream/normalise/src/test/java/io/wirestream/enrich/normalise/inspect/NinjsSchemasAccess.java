package io.wirestream.enrich.normalise.inspect;

import java.util.List;

/** Lets tests in other packages use the official ninjs schemas. */
public final class NinjsSchemasAccess {

    private final OfficialNinjsSchemas schemas;

    private NinjsSchemasAccess(OfficialNinjsSchemas schemas) {
        this.schemas = schemas;
    }

    public static NinjsSchemasAccess loadOrSkip() {
        return new NinjsSchemasAccess(OfficialNinjsSchemas.loadOrSkip());
    }

    public List<String> violations(String version, String json) {
        return schemas.violations(version, json);
    }
}

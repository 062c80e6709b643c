package io.wirestream.ingest;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.lifecycle.ServiceMain;

/**
 * Runs ingest-service: {@code java io.wirestream.ingest.IngestServiceMain [ingest.properties]}. Settings come from the
 * optional properties file and {@code WIRE_*} environment variables (see {@link IngestSettings}); loading, validation,
 * shutdown and exit codes are {@link ServiceMain}'s.
 */
public final class IngestServiceMain {

    /** What ingest-service may be configured with (the shared Kafka settings come on top, from {@link ServiceMain}). */
    public static final DeclaredSettings DECLARED = DeclaredSettings.of(IngestSettings.ALL);

    private IngestServiceMain() {}

    public static void main(String[] args) {
        ServiceMain.run("ingest-service", DECLARED, IngestService::new, args);
    }
}

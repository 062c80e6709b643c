package io.wirestream.wire;

import io.wirestream.enrich.service.EnrichService;
import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.enrich.service.EnrichSettings;
import io.wirestream.ingest.IngestSettings;
import io.wirestream.ops.OpsSettings;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.LogSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.publish.config.PublishSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of every service, in one place: the source of docs/configuration.md and of `wire config`. */
public final class SettingsCatalogue {

    private SettingsCatalogue() {}

    public static Map<String, List<Setting<?>>> byService() {
        Map<String, List<Setting<?>>> m = new LinkedHashMap<>();
        m.put("every service (Kafka, TLS/SASL, schema registry)", KafkaSettings.ALL);
        m.put("every service (logging)", LogSettings.ALL);
        m.put("ingest-service", IngestSettings.ALL);
        m.put("enrich-stream", EnrichSettings.ALL);
        m.put("publish-service", PublishSettings.ALL);
        m.put("ops", OpsSettings.ALL);
        return m;
    }

    /** What local mode, which runs every service in one JVM, may be configured with: every service's settings. */
    public static DeclaredSettings declared() {
        return EnrichServiceMain.DECLARED.plus(KafkaSettings.ALL, LogSettings.ALL, IngestSettings.ALL, PublishSettings.ALL, OpsSettings.ALL);
    }

    public static Optional<Setting<?>> byEnvVar(String envVar) {
        return byService().values().stream().flatMap(List::stream).filter(s -> s.envVar().equals(envVar)).findFirst();
    }

    /** The configuration reference as Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("Generated from the code by `./wire config --markdown`; a test fails when this file and the code disagree.\n\n");
        md.append("Every service reads, in rising precedence: the defaults below, a properties file given as its first argument,\n");
        md.append("environment variables, and (local mode only) the values `wire up` sets. A secret may also be read from the file\n");
        md.append("named by `<ENV VAR>_FILE` (e.g. `WIRE_KAFKA_SASL_PASSWORD_FILE`); secrets are never printed or logged.\n\n");
        md.append("A service accepts its own settings and the ones every service shares (the first two tables); any other key in its\n");
        md.append("properties file, or `WIRE_*` environment variable, stops it at start (exit status 2) naming the nearest declared\n");
        md.append("one, so a misspelt setting is never ignored. `wire up` checks `--config` and `--set` against every service's settings.\n");
        md.append("`WIRE_JAVA_OPTS` and `WIRE_LOG_LEVEL` configure the process, not a service, and are allowed.\n");
        md.append("Each service logs with its own log4j configuration (runtime's `wirestream-service-log4j2.xml`, `io.wirestream` at\n");
        md.append("INFO), selected by its main whatever the classpath order; `wire` uses its own, quieter one (WARN). `WIRE_LOG_LEVEL`\n");
        md.append("sets the level of `io.wirestream` in both; `-Dlog4j2.configurationFile=...` replaces either.\n");
        byService().forEach((service, settings) -> {
            md.append("\n## ").append(service).append("\n\n");
            md.append("| setting | environment variable | default | meaning |\n|---|---|---|---|\n");
            for (Setting<?> s : settings) {
                String def = s.secret() ? "(secret)" : s.defaultText() == null || s.defaultText().isEmpty() ? "" : "`" + s.defaultText() + "`";
                md.append("| `").append(s.key()).append("` | `").append(s.envVar()).append("` | ").append(def).append(" | ")
                        .append(s.doc().replace("|", "\\|")).append(" |\n");
            }
            if (service.equals("enrich-stream")) {
                md.append("\n### Passthrough to Kafka Streams\n\n");
                md.append("A setting `").append(EnrichService.STREAMS_PASSTHROUGH).append("<name>` in the properties file (or, in local mode, given\n");
                md.append("with `wire up --set` or `wire bench --set`) goes to Kafka Streams as `<name>`, after Wirestream's own values, so it\n");
                md.append("can tune anything Streams offers: `").append(EnrichService.STREAMS_PASSTHROUGH)
                        .append("max.poll.records=200`,\n`").append(EnrichService.STREAMS_PASSTHROUGH)
                        .append("producer.compression.type=zstd`. It can also override what Wirestream sets (the processing\n");
                md.append("guarantee among them), so use it with care. Environment variables cannot carry these: a Kafka name cannot be\n");
                md.append("recovered from a variable's name.\n");
            }
        });
        return md.toString();
    }
}

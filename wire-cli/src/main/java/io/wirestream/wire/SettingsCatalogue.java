package io.wirestream.wire;

import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.enrich.service.EnrichStreamsPassthrough;
import io.wirestream.ingest.IngestServiceMain;
import io.wirestream.ops.OpsMain;
import io.wirestream.publish.PublishServiceMain;
import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.config.Passthrough;
import io.wirestream.runtime.lifecycle.ServiceMain;
import io.wirestream.enrich.service.EnrichSettings;
import io.wirestream.ingest.IngestSettings;
import io.wirestream.ops.OpsSettings;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.LogSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.publish.config.PublishSettings;
import io.wirestream.subscribers.SubscriberServiceMain;
import io.wirestream.subscribers.SubscriberSettings;
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
        m.put("subscriber-service", SubscriberSettings.ALL);
        return m;
    }

    /** What each service accepts at start: its own settings, the shared ones and both passthroughs with their refusals. */
    public static Map<String, DeclaredSettings> declaredByService() {
        Map<String, DeclaredSettings> m = new LinkedHashMap<>();
        m.put("ingest-service", ServiceMain.accepted(IngestServiceMain.DECLARED));
        m.put("enrich-stream", ServiceMain.accepted(EnrichServiceMain.DECLARED));
        m.put("publish-service", ServiceMain.accepted(PublishServiceMain.DECLARED));
        m.put("ops", ServiceMain.accepted(OpsMain.DECLARED));
        m.put("subscriber-service", ServiceMain.accepted(SubscriberServiceMain.DECLARED));
        return m;
    }

    /**
     * What local mode, which runs every service in one JVM, may be configured with: every service's settings, and
     * the passthroughs with the refusals of every service (a property one service refuses is refused in local mode).
     */
    public static DeclaredSettings declared() {
        DeclaredSettings all = null;
        for (DeclaredSettings d : declaredByService().values()) {
            all = all == null ? d : all.union(d);
        }
        return all;
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
        md.append("A service accepts its own settings, the ones every service shares (the first two tables) and Kafka's own\n");
        md.append("properties under `kafka.client.` and (enrich-stream) `enrich.streams.` (the last section); any other key in its\n");
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
            if (service.equals("subscriber-service")) {
                md.append("\nThe subscribers themselves (ids, API key hashes, products, format, topic and webhook channels) are not settings:\n");
                md.append("they are in the file `subscribers.file` names, re-read while the service runs. Its fields are described in\n");
                md.append("[subscriber-service/README.md](../subscriber-service/README.md).\n");
            }
        });
        passthroughMarkdown(md);
        return md.toString();
    }

    /** The passthrough section: the two prefixes, precedence, environment, and what is refused, from the code. */
    private static void passthroughMarkdown(StringBuilder md) {
        Map<String, DeclaredSettings> services = declaredByService();
        Passthrough clients = KafkaClientPassthrough.CLIENTS;
        Passthrough streams = EnrichStreamsPassthrough.STREAMS;
        md.append("\n## Passthrough: any Kafka client or Kafka Streams property\n\n");
        md.append("Two prefixes hand Kafka's own property names to Kafka, so anything Kafka offers can be set without a code change:\n\n");
        md.append("- `").append(clients.prefix()).append("<property>`: any Kafka client property, for every Kafka client of every service:\n");
        md.append("  producers, consumers, admin clients and the clients inside Kafka Streams. Each client takes the properties its\n");
        md.append("  kind declares (a producer takes `linger.ms`, a consumer `max.poll.records`, both take `client.dns.lookup`).\n");
        md.append("  For example SASL/OAUTHBEARER: `kafka.security.protocol=SASL_SSL`, `kafka.sasl.mechanism=OAUTHBEARER`,\n");
        md.append("  `kafka.client.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;`,\n");
        md.append("  `kafka.client.sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler`,\n");
        md.append("  `kafka.client.sasl.oauthbearer.token.endpoint.url=https://...`; MSK IAM: mechanism `AWS_MSK_IAM`,\n");
        md.append("  `kafka.client.sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;`,\n");
        md.append("  `kafka.client.sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler` (with the\n");
        md.append("  `aws-msk-iam-auth` jar on the classpath: a class Kafka cannot load is refused at start). Also `kafka.client.client.rack`,\n");
        md.append("  `kafka.client.ssl.endpoint.identification.algorithm`, `kafka.client.config.providers` and the rest.\n");
        md.append("- `").append(streams.prefix()).append("<property>`: any Kafka Streams property for enrich-stream: a `StreamsConfig` name\n");
        md.append("  (`num.standby.replicas`, `rocksdb.config.setter`, `max.warmup.replicas`, ...), a client property plain or with\n");
        md.append("  Streams' prefixes (`producer.`, `consumer.`, `main.consumer.`, `restore.consumer.`, `global.consumer.`, `admin.`),\n");
        md.append("  `topic.<topic property>` for its internal topics, or `client.tag.<tag>`. `enrich.streams.group.instance.id` gives\n");
        md.append("  an instance static membership (Kafka Streams adds the thread to it).\n\n");
        md.append("Every name is checked at start against the Kafka version on the classpath (`ProducerConfig`, `ConsumerConfig`,\n");
        md.append("`AdminClientConfig`, `StreamsConfig`, `TopicConfig`): a name Kafka does not declare stops the service (exit status 2)\n");
        md.append("with the nearest Kafka name, or with the other prefix when the name is that one's (`kafka.client.num.stream.threads`\n");
        md.append("points at `enrich.streams.num.stream.threads`). Values are checked by Kafka's own parsers and validators at the same\n");
        md.append("time, so `kafka.client.linger.ms=soon` is exit status 2 as well. Names under the free-form families\n");
        md.append("(`config.providers.`, `metrics.context.`, `client.tag.`) are taken as they are. A property a plugin reads under a\n");
        md.append("name Kafka does not declare cannot be passed.\n\n");
        md.append("**Precedence**, lowest first, for each client: Kafka's default; what Wirestream sets for that client (the values\n");
        md.append("its guarantees rest on, refused below, then its tuning defaults such as ingest's `linger.ms=2`, the `lz4`\n");
        md.append("compression of ingest and of Streams' producers, client ids and timeouts, and what the `enrich.*`/`publish.*`\n");
        md.append("settings above set); `kafka.client.*`; `enrich.streams.*` (Kafka Streams only). A plain name replaces what\n");
        md.append("Wirestream set for the same property under a Streams prefix (`kafka.client.compression.type=zstd` reaches Streams'\n");
        md.append("producers), while a prefixed `enrich.streams.producer.<name>` beats a plain one, as in Kafka Streams. Between sources\n");
        md.append("the usual order holds: properties file, then environment, then `wire up --set`.\n\n");
        md.append("**Environment variables**: `WIRE_` and the key in upper case, dots and dashes as underscores:\n");
        md.append("`kafka.client.client.dns.lookup` is `").append(clients.envVar("client.dns.lookup")).append("`,\n");
        md.append("`enrich.streams.producer.linger.ms` is `").append(streams.envVar("producer.linger.ms")).append("`. A variable is\n");
        md.append("mapped back by looking it up among Kafka's names, never by guessing where the dots were; that is unambiguous because\n");
        md.append("no two Kafka names share a variable (checked when the service starts, and by a test for every name).\n");
        md.append("Kafka's `rack.aware.assignment.non_overlap_cost` is `").append(streams.envVar("rack.aware.assignment.non_overlap_cost"))
                .append("`.\n");
        md.append("A property Kafka types as a password (`sasl.jaas.config`, `ssl.key.password`, ...) may also come from the file\n");
        md.append("named by `<VARIABLE>_FILE`, e.g. `WIRE_KAFKA_CLIENT_SASL_JAAS_CONFIG_FILE`. The free-form families cannot be\n");
        md.append("recovered from a variable and are read from the properties file (or `--set`) only.\n");

        md.append("\n### What Wirestream owns\n\n");
        md.append("These are refused at start (exit status 2) with the reason shown, or with the wire setting that sets them;\n");
        md.append("under `enrich.streams.` a refusal covers the property under Streams' client prefixes too (`producer.acks`).\n\n");
        md.append("| property | refused under | why |\n|---|---|---|\n");
        // property -> why -> prefix -> services
        Map<String, Map<String, Map<String, java.util.List<String>>>> rows = new java.util.TreeMap<>();
        services.forEach((service, declared) -> declared.passthroughs().forEach(p -> p.refusals().forEach((property, why) ->
                rows.computeIfAbsent(property, k -> new LinkedHashMap<>()).computeIfAbsent(why, k -> new java.util.TreeMap<>(
                        java.util.Comparator.comparing((String prefix) -> !prefix.equals(clients.prefix())).thenComparing(x -> x)))
                        .computeIfAbsent(p.prefix(), k -> new java.util.ArrayList<>()).add(service))));
        rows.forEach((property, byWhy) -> byWhy.forEach((why, byPrefix) -> {
            java.util.List<String> where = new java.util.ArrayList<>();
            byPrefix.forEach((prefix, which) -> where.add("`" + prefix + "`" + (prefix.equals(clients.prefix())
                    ? " (" + (which.size() == services.size() ? "every service" : String.join(", ", which)) + ")" : "")));
            md.append("| `").append(property).append("` | ").append(String.join(", ", where)).append(" | ")
                    .append(why.replace("|", "\\|")).append(" |\n");
        }));
        md.append("\n### Kafka names with a wire setting of the same meaning\n\n");
        md.append("Either spelling may be used, not both: giving both is a startup error rather than a silent choice.\n\n");
        md.append("| key | wire setting | service |\n|---|---|---|\n");
        Map<String, String> conflicts = new java.util.TreeMap<>();
        services.forEach((service, declared) -> declared.passthroughs().forEach(p -> p.conflicts().forEach(c ->
                conflicts.merge("| `" + p.prefix() + c.name() + "` | " + String.join(", ", c.settings().stream()
                        .map(x -> "`" + x.key() + "`").toList()) + " | ", service, (a, b) -> a + ", " + b))));
        conflicts.forEach((row, which) -> md.append(row).append(which.split(", ").length == services.size() ? "every service" : which).append(" |\n"));
    }
}

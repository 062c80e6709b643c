package io.wirestream.wire;

import io.wirestream.runtime.config.Setting;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints every setting of every service. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "List every setting of every service: properties key, environment variable, default and meaning.")
public final class ConfigCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the reference as Markdown (the source of docs/configuration.md)")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.print(SettingsCatalogue.markdown());
            return 0;
        }
        for (Map.Entry<String, List<Setting<?>>> e : SettingsCatalogue.byService().entrySet()) {
            System.out.println(e.getKey());
            for (Setting<?> s : e.getValue()) {
                String def = s.secret() ? "(secret)" : s.defaultText() == null ? "" : s.defaultText();
                System.out.printf("  %-36s %-40s %-22s %s%n", s.key(), s.envVar(), def, s.doc());
            }
            System.out.println();
        }
        System.out.println("passthrough (Kafka's own names, checked at start; precedence, environment and what is refused: wire config --markdown)");
        System.out.printf("  %-36s %-40s %s%n", "kafka.client.<property>", "WIRE_KAFKA_CLIENT_<PROPERTY>",
                "any Kafka client property, for every producer, consumer, admin and Kafka Streams client");
        System.out.printf("  %-36s %-40s %s%n", "enrich.streams.<property>", "WIRE_ENRICH_STREAMS_<PROPERTY>",
                "any Kafka Streams property, for enrich-stream");
        return 0;
    }
}

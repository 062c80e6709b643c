package io.wirestream.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --set KEY=VALUE}: any pipeline setting for one run of a command that starts the local pipeline
 * ({@code wire up}, {@code wire bench}), declared once for all of them as a picocli mixin.
 */
public final class SettingOverrides {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting for this run (repeatable), over the local defaults (with `wire up`, also over --config), "
                    + "e.g. --set enrich.commit.interval=30ms, --set enrich.stream.threads=2 or "
                    + "--set enrich.streams.max.poll.records=200 (any Kafka Streams property) or --set kafka.client.client.rack=eu-1a "
                    + "(any Kafka client property, every client); see `wire config`")
    private Map<String, String> values = new LinkedHashMap<>();

    /** The settings given, in the order given. */
    public Map<String, String> values() {
        return values;
    }
}

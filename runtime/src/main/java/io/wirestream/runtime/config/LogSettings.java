package io.wirestream.runtime.config;

import io.wirestream.runtime.logging.LogFormat;
import java.util.List;

/** How a process logs; every service accepts these beside its own settings (see {@code ServiceMain}). */
public final class LogSettings {

    private LogSettings() {}

    public static final Setting<LogFormat> FORMAT = new Setting<>("log.format", "plain", LogFormat::parse,
            "Log lines on standard error: `plain` text, or `json`: one JSON object a line (log4j's JSON template "
                    + "layout, Elastic Common Schema: `@timestamp`, `log.level`, `log.logger`, `message`, `service.name`, "
                    + "`error.*`). The level of `io.wirestream` comes from `WIRE_LOG_LEVEL` (services: INFO, `wire`: WARN)",
            false);

    public static final List<Setting<?>> ALL = List.of(FORMAT);
}

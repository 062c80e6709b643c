package io.wirestream.wire;

import io.wirestream.runtime.config.LogSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.logging.LogConfig;
import io.wirestream.runtime.logging.LogFormat;
import java.util.Map;

/**
 * The {@code wire} command's logging: its own quiet configuration ({@value #CONFIG}), selected by name before anything
 * logs, in the format {@code WIRE_LOG_FORMAT} asks for (plain when unset or not understood; {@code wire up} then
 * refuses the value with the other settings).
 */
final class CliLogging {

    static final String CONFIG = "wire-cli-log4j2.xml";

    private CliLogging() {}

    static void configure(Map<String, String> env) {
        LogFormat format;
        try {
            format = Settings.load(null, env).get(LogSettings.FORMAT);
        } catch (RuntimeException e) {
            format = LogFormat.PLAIN;
        }
        LogConfig.use(CONFIG, "wire", format);
        RetriedFirstBatchFilter.install();
    }

    /** {@code log.format} given in a properties file or with {@code --set} applies to the command's own log lines too. */
    static void apply(Settings settings) {
        if (settings.isSet(LogSettings.FORMAT)) {
            LogConfig.use(CONFIG, "wire", settings.get(LogSettings.FORMAT));
            RetriedFirstBatchFilter.install();
        }
    }
}

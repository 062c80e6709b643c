package io.wirestream.runtime.logging;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.lifecycle.ServiceMain;
import io.wirestream.runtime.lifecycle.WireService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service main as every service has one, whose service only logs: what {@link ServiceLoggingTest} runs in a child JVM. */
public final class LoggingProbeMain {

    static final String NAME = "probe-service";

    private LoggingProbeMain() {}

    public static void main(String[] args) {
        ServiceMain.run(NAME, DeclaredSettings.of(), settings -> new WireService() {
            private final Logger log = LoggerFactory.getLogger("io.wirestream.probe.ProbeService");

            @Override
            public void start() {
                log.debug("probe debug line, below the services' level");
                log.info("probe says \"hello\" at INFO");
                log.warn("probe warning with its cause", new IllegalStateException("probe failure"));
                LoggerFactory.getLogger("org.apache.kafka.clients.Probe").info("library chatter at INFO, below its level");
            }

            @Override
            public void stop() {
            }
        }, args);
    }
}

package io.wirestream.runtime.logging;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Selects a process's log4j configuration by name, so which jar comes first on the classpath does not decide it: no
 * Wirestream jar ships a {@code log4j2.xml}. Each service's main (through {@code ServiceMain}) selects
 * {@value #SERVICE}, the {@code wire} command its own. An operator's {@code -Dlog4j2.configurationFile} wins over both.
 *
 * <p>The configurations read two system properties set here: {@value #SERVICE_PROPERTY} (the service name, on every
 * JSON line) and {@value #FORMAT_PROPERTY} ({@code plain} or {@code json}).
 */
public final class LogConfig {

    /** The one configuration of every service, parameterised by service name and format. */
    public static final String SERVICE = "wirestream-service-log4j2.xml";
    public static final String SERVICE_PROPERTY = "wirestream.service.name";
    public static final String FORMAT_PROPERTY = "wirestream.log.format";
    static final String LOG4J_CONFIGURATION = "log4j2.configurationFile";

    /** The location this class last chose, to tell it from an operator's own. */
    private static volatile String selected;

    private LogConfig() {}

    /** Logs as {@code service} in {@code format} from now on, with the services' configuration. */
    public static void useService(String service, LogFormat format) {
        use(SERVICE, service, format);
    }

    /**
     * Logs as {@code process} in {@code format} from now on, with the configuration {@code resource} on the classpath.
     * Safe to call whether or not anything has logged yet: a context started with another configuration is
     * reconfigured.
     */
    public static void use(String resource, String process, LogFormat format) {
        System.setProperty(SERVICE_PROPERTY, process);
        System.setProperty(FORMAT_PROPERTY, format.value());
        String chosen = System.getProperty(LOG4J_CONFIGURATION);
        URI location = chosen == null || chosen.equals(selected) ? resource(resource) : null;
        if (location != null) {
            selected = location.toString();
            // before the first logger exists this is what log4j starts with: no second configuration is loaded
            System.setProperty(LOG4J_CONFIGURATION, location.toString());
        }
        LoggerContext context = LoggerContext.getContext(false);
        if (location != null) {
            context.setConfigLocation(location); // also re-reads the properties above
        } else {
            context.reconfigure(); // the operator's file, with the properties above
        }
    }

    private static URI resource(String name) {
        URL url = LogConfig.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("log configuration " + name + " is not on the classpath");
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("log configuration " + name + " has no usable location: " + url, e);
        }
    }
}

package io.wirestream.wire;

import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Keeps one broker ERROR that is not trouble off the console of {@code wire up}. Under Kafka's transactions v2 a
 * producer may send several batches of a new transaction to a partition at once; when a later one reaches a broker
 * that holds no state for the producer yet, the broker refuses it as out of sequence ("Expected sequence 0 for
 * transactions v2 idempotent producer with no existing state"), logs that at ERROR, and the producer sends it again
 * after the first (a retriable error since KAFKA-18202). Nothing is lost, yet on a first burst the console showed a
 * screen of ERROR lines with stack traces. Only that exact refusal is dropped; every other append error still shows.
 */
final class RetriedFirstBatchFilter extends AbstractFilter {

    static final String BROKER_LOGGER = "kafka.server.ReplicaManager";
    private static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
    private static final String NO_STATE_YET = "idempotent producer with no existing state";

    RetriedFirstBatchFilter() {
        super(Result.DENY, Result.NEUTRAL);
    }

    @Override
    public Result filter(LogEvent event) {
        Throwable thrown = event.getThrown();
        boolean retried = thrown != null && thrown.getClass().getName().equals(EXCEPTION)
                && thrown.getMessage() != null && thrown.getMessage().contains(NO_STATE_YET);
        return retried ? onMatch : onMismatch;
    }

    /** Puts the filter on the broker's logger of the context's current configuration (again after each reconfiguration). */
    static void install() {
        LoggerContext context = LoggerContext.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig broker = config.getLoggerConfig(BROKER_LOGGER);
        if (!broker.getName().equals(BROKER_LOGGER)) {
            // no configuration of its own: one that inherits level and appenders from its parent
            LoggerConfig own = new LoggerConfig(BROKER_LOGGER, null, true);
            own.setParent(broker);
            config.addLogger(BROKER_LOGGER, own);
            broker = own;
        }
        if (!(broker.getFilter() instanceof RetriedFirstBatchFilter)) {
            broker.addFilter(new RetriedFirstBatchFilter());
        }
        context.updateLoggers();
    }
}

package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The local broker's ERROR for a transaction's first batch that arrived before the one it follows (Kafka's
 * transactions v2 answer it with a retriable error and the producer sends it again) is not shown on the console of
 * {@code wire up}; every other broker error is.
 */
class RetriedFirstBatchFilterTest {

    static LogEvent brokerError(Throwable thrown) {
        return Log4jLogEvent.newBuilder().setLoggerName("kafka.server.ReplicaManager").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("[ReplicaManager broker=1] Error processing append operation on partition x:t-0"))
                .setThrown(thrown).build();
    }

    @Test
    void theRetriedFirstBatchOfATransactionIsNotAnErrorOnTheConsole() {
        LogEvent retried = brokerError(new OutOfOrderSequenceException("Invalid sequence number for producer 2 at offset 12 in "
                + "partition t-0: 4 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer "
                + "with no existing state."));
        assertThat(new RetriedFirstBatchFilter().filter(retried)).isEqualTo(Filter.Result.DENY);
    }

    @Test
    void otherBrokerErrorsStillShow() {
        assertThat(new RetriedFirstBatchFilter().filter(brokerError(new OutOfOrderSequenceException(
                "Out of order sequence number for producer 7 at offset 9 in partition t-0: 51 (incoming seq. number), "
                        + "49 (current end sequence number)")))).isEqualTo(Filter.Result.NEUTRAL);
        assertThat(new RetriedFirstBatchFilter().filter(brokerError(new IllegalStateException("disk full"))))
                .isEqualTo(Filter.Result.NEUTRAL);
        assertThat(new RetriedFirstBatchFilter().filter(brokerError(null))).isEqualTo(Filter.Result.NEUTRAL);
    }

    @Test
    void theWireCommandsLoggingHasItForTheBroker() {
        CliLogging.configure(Map.of());
        LoggerContext context = LoggerContext.getContext(false);
        assertThat(context.getConfiguration().getLoggerConfig("kafka.server.ReplicaManager").getFilter())
                .isInstanceOf(RetriedFirstBatchFilter.class);
    }
}

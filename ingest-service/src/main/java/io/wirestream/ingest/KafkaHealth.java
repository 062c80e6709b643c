package io.wirestream.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness of the Kafka connection, asked of the cluster at most once per {@code cacheFor} so frequent probes do not
 * turn into a stream of admin requests.
 */
final class KafkaHealth {

    private final Admin admin;
    private final Duration timeout;
    private final Duration cacheFor;
    private long checkedAt = Long.MIN_VALUE;
    private String lastProblem = "not checked yet";

    KafkaHealth(Admin admin, Duration timeout, Duration cacheFor) {
        this.admin = admin;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
    }

    synchronized String problem() {
        long now = System.nanoTime();
        if (checkedAt != Long.MIN_VALUE && now - checkedAt < cacheFor.toNanos()) {
            return lastProblem;
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            lastProblem = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastProblem = "interrupted";
        } catch (Exception e) {
            lastProblem = "Kafka not reachable: " + e.getClass().getSimpleName();
        }
        checkedAt = System.nanoTime();
        return lastProblem;
    }
}

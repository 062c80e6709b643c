package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pipeline journeys compare with the services' /metrics: the names dashboards and rule files query. */
class DeployedMetricNamesTest {

    @TempDir
    Path root;

    @Test
    void readsDashboardExpressionsAndPrometheusRules() throws Exception {
        Files.createDirectories(root.resolve("ops/grafana"));
        Files.writeString(root.resolve("ops/grafana/d.json"), """
                {"panels": [{"targets": [{"expr": "sum by (store) (rate(wirestream_publish_written_total[5m]))"}]},
                            {"targets": [{"expr": "max(jvm_memory_used_bytes{area=\\"heap\\"})"}]}]}
                """);
        Files.createDirectories(root.resolve("deploy/prometheus"));
        Files.writeString(root.resolve("deploy/prometheus/alerts.yml"), """
                groups:
                  - name: wirestream
                    rules:
                      - alert: GroupStalled
                        expr: max by (group) (wirestream_lag_group_status) >= 2
                        for: 5m
                      - alert: StoreDown
                        expr: |
                          min by (store) (wirestream_publish_store_up) == 0
                          and on(store) rate(wirestream_publish_store_failures_total[5m]) > 0
                        labels: {severity: page}
                """);

        assertThat(DeployedMetricNames.in(root)).containsOnlyKeys("wirestream_publish_written_total", "jvm_memory_used_bytes",
                "wirestream_lag_group_status", "wirestream_publish_store_up", "wirestream_publish_store_failures_total");
        assertThat(DeployedMetricNames.in(root).get("wirestream_publish_store_up")).containsExactly("deploy/prometheus/alerts.yml");
    }

    @Test
    void theShippedDashboardQueriesOnlyWirestreamAndJvmNames() {
        assertThat(DeployedMetricNames.in(ConfigurationReferenceTest.ROOT).keySet())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).matches("(wirestream|jvm|process)_[a-z0-9_]+"));
    }
}

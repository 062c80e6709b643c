package io.wirestream.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.ScriptedSampler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LagCommandTest {

    private static final String GROUP = "wirestream-publish-sqlite";
    private final ScriptedSampler sampler = new ScriptedSampler(Instant.parse("2026-11-28T03:00:00Z"), GROUP);
    private final AtomicReference<LagMonitorSettings> used = new AtomicReference<>();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LagCommand(settings -> {
            used.set(settings);
            return sampler;
        }));
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void printsOneRowPerPartitionWithLagInRecordsAndSecondsAndTheGroupStatus() {
        sampler.next(0, 100, 130, 1, 0);

        int exit = run("--bootstrap-server", "kafka:9093");

        String table = out.toString();
        assertThat(exit).isZero();
        assertThat(table).containsPattern("GROUP\\s+TOPIC\\s+PARTITION\\s+COMMITTED\\s+END\\s+LAG\\s+LAG-SECONDS\\s+STATUS");
        assertThat(table).containsPattern(GROUP + "\\s+wire\\.articles\\s+0\\s+100\\s+130\\s+30\\s+12\\.5\\s+OK");
        assertThat(used.get().bootstrapServers()).isEqualTo("kafka:9093");
        assertThat(sampler.closed()).isTrue();
    }

    @Test
    void exitsWithOneWhenAGroupHasStoppedAndTwoWhenTheClusterCannotBeSampled() {
        sampler.next(0, 100, 130, 0, 0);
        assertThat(run()).isEqualTo(1);
        assertThat(out.toString()).contains("STOP  " + GROUP + "  lag 30 records, 12.5 s, 0 member(s): ");

        sampler.failNext("connection refused");
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).contains("sampling failed: connection refused");
    }

    @Test
    void severalSamplesLetTheWindowCallAStall() {
        sampler.next(0, 100, 130, 1, 0).next(10, 100, 160, 1, 0).next(20, 100, 190, 1, 0);

        int exit = run("--samples", "3", "--interval", "0.01", "--min-span", "15");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("STALL  " + GROUP);
    }

    @Test
    void watchRedrawsTheTableAtEachRefresh() {
        sampler.next(0, 100, 130, 1, 0).next(10, 130, 130, 1, 0);

        int exit = run("--watch", "--interval", "0.01", "--iterations", "2");

        assertThat(exit).isZero();
        assertThat(out.toString().split("\033\\[2J", -1)).hasSize(3);
        assertThat(out.toString()).contains("caught up");
        assertThat(used.get().sampleInterval()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void takesGroupsPrefixAndSecuritySettingsFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        sampler.next(0, 1, 1, 1, 0);

        run("--command-config", config.toString(), "--group-prefix", "news-", "-g", "a", "-g", "b");

        assertThat(used.get().clientProperties())
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(used.get().groups()).containsExactly("a", "b");
        assertThat(used.get().groupPrefix()).isEqualTo("news-");
    }

    @Test
    void aCommandConfigNameKafkaDoesNotDeclareOrWirestreamOwnsIsAUsageError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SSL\nssl.endpoint.identification.algorithm=\nclinet.dns.lookup=use_all_dns_ips\n"
                + "isolation.level=read_uncommitted\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LagCommand(settings -> sampler));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--command-config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown Kafka client property 'clinet.dns.lookup'; did you mean 'client.dns.lookup'?")
                .contains("'isolation.level' is refused: Wirestream reads committed records only");
    }

    @Test
    void takesKafkaClientSettingsFromTheEnvironmentAsTheServicesDoWithTheCommandConfigOverThem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "request.timeout.ms=60000\n");
        sampler.next(0, 1, 1, 1, 0);
        java.util.Map<String, String> env = java.util.Map.of("WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
                "WIRE_KAFKA_CLIENT_REQUEST_TIMEOUT_MS", "45000", "WIRE_KAFKA_CLIENT_RECONNECT_BACKOFF_MS", "250",
                "WIRE_KAFKA_SECURITY_PROTOCOL", "SSL", "WIRE_INGEST_HTTP_PORT", "8080");

        int exit = runWithEnv(env, "--bootstrap-server", "kafka:9093", "--command-config", config.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(used.get().clientProperties())
                .containsEntry("client.dns.lookup", "use_all_dns_ips").containsEntry("reconnect.backoff.ms", "250")
                .containsEntry("security.protocol", "SSL")
                .as("--command-config over the environment").containsEntry("request.timeout.ms", "60000")
                .as("--bootstrap-server decides the cluster").doesNotContainKey("bootstrap.servers");
        assertThat(used.get().bootstrapServers()).isEqualTo("kafka:9093");
    }

    @Test
    void aRefusedOrUnknownKafkaClientVariableIsAUsageErrorAsItStopsAService() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LagCommand(settings -> sampler, java.util.Map.of(
                "WIRE_KAFKA_CLIENT_ISOLATION_LEVEL", "read_uncommitted", "WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT", "50")));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("WIRE_KAFKA_CLIENT_ISOLATION_LEVEL (kafka.client.isolation.level) is refused")
                .contains("unknown Kafka client property in WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT");
    }

    private int runWithEnv(java.util.Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new LagCommand(settings -> {
            used.set(settings);
            return sampler;
        }, env));
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void helpDescribesTheOptions() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--bootstrap-server", "--group-prefix", "--watch", "--interval", "STALL")
                .doesNotContain("--iterations");
    }

    @Test
    void aHealthUrlThatIsNotReadyIsPrintedWithItsReasonAndExitsOneThoughTheLagIsFine() {
        sampler.next(0, 130, 130, 1, 0);
        io.wirestream.runtime.http.ServiceHttpServer enrich = new io.wirestream.runtime.http.ServiceHttpServer(
                "enrich-stream", io.wirestream.runtime.http.ServiceHttpServer.newMetrics("enrich-stream"), app -> { })
                .readiness("kafka-streams", () -> "task 0_1 keeps failing: RecordTooLargeException")
                .start("127.0.0.1", 0);
        try {
            int exit = run("--health", "enrich-stream=http://127.0.0.1:" + enrich.port() + "/health/ready");

            assertThat(exit).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("OK  " + GROUP + "  lag 0 records")
                    .contains("ERR  enrich-stream  not ready: kafka-streams: task 0_1 keeps failing: RecordTooLargeException");
        } finally {
            enrich.close();
        }
    }
}

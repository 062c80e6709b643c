package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.Settings;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestServiceStartupTest {

    @Test
    void refusesToStartWithAClearReasonWhenKafkaIsUnreachableAndLeavesNoPortOpen() throws Exception {
        int deadKafkaPort;
        int httpPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            deadKafkaPort = a.getLocalPort();
            httpPort = b.getLocalPort();
        }
        IngestService service = new IngestService(Settings.ofValues(Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + deadKafkaPort,
                "ingest.startup.timeout", "2s",
                "ingest.http.host", "127.0.0.1",
                "ingest.http.port", String.valueOf(httpPort))));

        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + deadKafkaPort).hasMessageContaining("wire.raw").hasMessageContaining("2s");
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", httpPort), 1000))
                    .as("no push can be taken before wire.raw is writable").isInstanceOf(java.io.IOException.class);
        }
        assertThat(service.http()).isNull();
    }
}

package io.wirestream.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client trusts an https registry whose certificate a private CA signed when, and only when, it is
 * given the trust store: a real TLS handshake against a local https server with a certificate made here by keytool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryTlsTest {

    static final String STORE_SECRET = "st0re-Secret-71";

    Path dir;

    Path serverStore;
    Path trustStore;
    HttpsServer server;
    String url;

    @BeforeAll
    void startHttpsRegistry(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        serverStore = dir.resolve("server.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("server.crt");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", STORE_SECRET);
        keytool("-exportcert", "-alias", "registry", "-keystore", serverStore.toString(), "-storepass", STORE_SECRET,
                "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry-ca", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_SECRET);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SerdeConfig.sslContext(null, null, serverStore.toString(), STORE_SECRET)));
        server.createContext("/schemas/ids/7", exchange -> {
            byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void withTheTrustStoreTheClientReadsSchemasOverTls() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(SerdeConfig.SCHEMA_REGISTRY_URL, url);
        configs.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
        configs.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, STORE_SECRET);

        assertThat(SerdeConfig.client(configs).schemaById(7)).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void withoutItTheHandshakeIsRefused() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(SerdeConfig.SCHEMA_REGISTRY_URL, url);

        assertThatThrownBy(() -> SerdeConfig.client(configs).schemaById(7))
                .hasStackTraceContaining("PKIX");
    }

    @Test
    void aWrongPasswordOrMissingFileIsReportedByItsSettingWithoutTheSecret() {
        Map<String, Object> wrong = new HashMap<>();
        wrong.put(SerdeConfig.SCHEMA_REGISTRY_URL, url);
        wrong.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, trustStore.toString());
        wrong.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, "not-" + STORE_SECRET);
        assertThatThrownBy(() -> SerdeConfig.client(wrong))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SerdeConfig.SSL_TRUSTSTORE_LOCATION)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(STORE_SECRET));

        Map<String, Object> missing = new HashMap<>(wrong);
        missing.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, dir.resolve("nowhere.p12").toString());
        assertThatThrownBy(() -> SerdeConfig.client(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a readable file");
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }
}

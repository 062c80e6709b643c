package io.wirestream.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a service is given but does not declare is a startup error naming the nearest declared setting. */
class DeclaredSettingsTest {

    static final Setting<Integer> PORT = Setting.integer("demo.http.port", 8080, "port");
    static final Setting<String> PASSWORD = Setting.secret("demo.db.password", "password");
    static final DeclaredSettings DECLARED = DeclaredSettings.of(List.of(PORT, PASSWORD), KafkaSettings.ALL)
            .withPassthrough("demo.client.");

    @TempDir
    Path dir;

    static InvalidSettingsException rejection(Settings settings) {
        try {
            DECLARED.validate(settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void aMisspeltKeyInThePropertiesFileNamesTheNearestDeclaredKey() throws Exception {
        Path file = Files.writeString(dir.resolve("demo.properties"), "demo.http.prot=9000\nkafka.bootstrap.server=b:9092\n");
        InvalidSettingsException e = rejection(Settings.load(file, Map.of()));
        assertThat(e.problems()).containsExactly(
                "properties file: unknown setting 'demo.http.prot'; did you mean 'demo.http.port'?",
                "properties file: unknown setting 'kafka.bootstrap.server'; did you mean 'kafka.bootstrap.servers'?");
    }

    @Test
    void anUnknownWireVariableNamesTheNearestDeclaredVariable() {
        InvalidSettingsException e = rejection(Settings.of(Map.of(), Map.of("WIRE_DEMO_HTTP_PROT", "9000"), Map.of()));
        assertThat(e.problems()).containsExactly("environment: unknown variable WIRE_DEMO_HTTP_PROT; did you mean 'WIRE_DEMO_HTTP_PORT'?");
    }

    @Test
    void aKeyFarFromEveryDeclaredOneStillNamesTheNearest() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("colour", "blue")));
        assertThat(e.getMessage()).startsWith("set in code or on the command line: unknown setting 'colour'; the nearest declared is '");
    }

    @Test
    void declaredKeysPassthroughKeysAndForeignEnvironmentAreAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("demo.properties"),
                "demo.http.port=9000\ndemo.client.max.poll.records=200\nregistry.url=http://r:8081\n");
        Map<String, String> env = Map.of("PATH", "/usr/bin", "HOME", "/home/wire", "WIRE_KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "WIRE_LOG_LEVEL", "INFO", "WIRE_JAVA_OPTS", "-Xmx1g");
        Settings settings = Settings.of(Map.of(), env, Map.of("demo.client.linger.ms", "5")).with(Map.of("demo.http.port", "9001"));
        assertThatCode(() -> DECLARED.validate(Settings.load(file, env))).doesNotThrowAnyException();
        assertThatCode(() -> DECLARED.validate(settings)).doesNotThrowAnyException();
    }

    @Test
    void aSecretMayComeFromAFileButAnOrdinarySettingMayNot() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");
        Settings fromFile = Settings.of(Map.of(), Map.of("WIRE_DEMO_DB_PASSWORD_FILE", secret.toString()), Map.of());
        assertThatCode(() -> DECLARED.validate(fromFile)).doesNotThrowAnyException();
        assertThat(fromFile.get(PASSWORD)).isEqualTo("s3cret");

        InvalidSettingsException e = rejection(Settings.of(Map.of(), Map.of("WIRE_DEMO_HTTP_PORT_FILE", secret.toString()), Map.of()));
        assertThat(e.getMessage()).contains("WIRE_DEMO_HTTP_PORT_FILE is not read").contains("set WIRE_DEMO_HTTP_PORT itself");
    }

    @Test
    void aPassthroughSettingCannotComeFromTheEnvironment() {
        InvalidSettingsException e = rejection(Settings.of(Map.of(), Map.of("WIRE_DEMO_CLIENT_LINGER_MS", "5"), Map.of()));
        assertThat(e.getMessage()).contains("WIRE_DEMO_CLIENT_LINGER_MS is not read").contains("properties file");
    }

    @Test
    void aPassthroughPrefixAloneIsNoKey() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("demo.client.", "x")));
        assertThat(e.getMessage()).contains("unknown setting 'demo.client.'");
    }

    @Test
    void everyProblemIsReportedAtOnceValuesThatDoNotParseIncluded() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("demo.http.prot", "1"), Map.of("WIRE_DEMO_HTTP_PORT", "eighty"), Map.of()));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(1)).startsWith("setting demo.http.port (WIRE_DEMO_HTTP_PORT) = 'eighty' is invalid");
    }

    @Test
    void anUnreadableSecretFileIsInvalid() {
        Settings settings = Settings.of(Map.of(), Map.of("WIRE_DEMO_DB_PASSWORD_FILE", dir.resolve("absent").toString()), Map.of());
        assertThatThrownBy(() -> DECLARED.validate(settings)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("cannot read secret file for WIRE_DEMO_DB_PASSWORD");
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(DeclaredSettings.editDistance("port", "prot")).isEqualTo(2);
        assertThat(DeclaredSettings.editDistance("servers", "server")).isEqualTo(1);
        assertThat(DeclaredSettings.editDistance("", "abc")).isEqualTo(3);
        assertThat(DeclaredSettings.editDistance("same", "same")).isZero();
    }
}

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
    /** A library of four names: a number, a free string, a password, and one Wirestream owns. */
    static final Passthrough CLIENT = Passthrough.of("demo.client.", "demo client", Map.of(
                    "max.poll.records", new Passthrough.Property(false, v -> Integer.parseInt(v.trim()) > 0 ? null : "must be positive"),
                    "linger.ms", new Passthrough.Property(false, Passthrough.ValueCheck.ANY),
                    "login.secret", new Passthrough.Property(true, Passthrough.ValueCheck.ANY),
                    "acks", new Passthrough.Property(false, Passthrough.ValueCheck.ANY),
                    "http.port", new Passthrough.Property(false, Passthrough.ValueCheck.ANY)))
            .refusing("acks", "Wirestream sets acks=all")
            .conflicting("http.port", "both are the port", PORT);
    static final DeclaredSettings DECLARED = DeclaredSettings.of(List.of(PORT, PASSWORD), KafkaSettings.ALL)
            .withPassthrough(CLIENT);

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
    void aPassthroughSettingComesFromTheEnvironmentByTheLibrarysOwnName() {
        Settings settings = Settings.of(Map.of("demo.client.linger.ms", "1"),
                Map.of("WIRE_DEMO_CLIENT_LINGER_MS", "5", "WIRE_DEMO_CLIENT_MAX_POLL_RECORDS", "7"),
                Map.of("demo.client.max.poll.records", "9"));
        assertThatCode(() -> DECLARED.validate(settings)).doesNotThrowAnyException();
        // the usual precedence: file, then environment, then overrides
        assertThat(settings.passthrough(CLIENT)).containsExactlyInAnyOrderEntriesOf(Map.of("linger.ms", "5", "max.poll.records", "9"));
    }

    @Test
    void aPassthroughNameTheLibraryDoesNotDeclareIsRefusedWithTheNearestName() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("demo.client.max.pol.records", "5"),
                Map.of("WIRE_DEMO_CLIENT_LINGER_MSS", "5"), Map.of()));
        assertThat(e.problems()).containsExactly(
                "properties file: unknown demo client property 'max.pol.records' in 'demo.client.max.pol.records'; did you mean 'demo.client.max.poll.records'?",
                "environment: unknown demo client property in WIRE_DEMO_CLIENT_LINGER_MSS (no demo client property has this variable); "
                        + "did you mean WIRE_DEMO_CLIENT_LINGER_MS (demo.client.linger.ms)?");
    }

    @Test
    void aMisspeltPrefixIsFoundAmongThePassthroughKeys() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("demo.clinet.linger.ms", "5")));
        assertThat(e.getMessage()).endsWith("unknown setting 'demo.clinet.linger.ms'; did you mean 'demo.client.linger.ms'?");
    }

    @Test
    void aRefusedPassthroughNameSaysWhyWhereverItComesFrom() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("demo.client.acks", "0"), Map.of("WIRE_DEMO_CLIENT_ACKS", "1"), Map.of()));
        assertThat(e.problems()).containsExactly("properties file: 'demo.client.acks' is refused: Wirestream sets acks=all",
                "environment: WIRE_DEMO_CLIENT_ACKS (demo.client.acks) is refused: Wirestream sets acks=all");
    }

    @Test
    void aPassthroughValueTheLibraryWouldNotTakeIsInvalidAndASecretIsNotShown() throws Exception {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("demo.client.max.poll.records", "-3")));
        assertThat(e.problems()).containsExactly("setting demo.client.max.poll.records (WIRE_DEMO_CLIENT_MAX_POLL_RECORDS) = '-3' is invalid: must be positive");

        Passthrough strict = Passthrough.of("demo.client.", "demo client",
                Map.of("login.secret", new Passthrough.Property(true, v -> "no such login")));
        Settings secret = Settings.ofValues(Map.of("demo.client.login.secret", "hunter2"));
        assertThatThrownBy(() -> DeclaredSettings.of(List.of()).withPassthrough(strict).validate(secret))
                .hasMessage("setting demo.client.login.secret (WIRE_DEMO_CLIENT_LOGIN_SECRET) = (secret) is invalid");
    }

    @Test
    void aPasswordMayComeFromAFileButAnOrdinaryPassthroughValueMayNot() throws Exception {
        Path secret = Files.writeString(dir.resolve("login"), "s3cret\n");
        Settings fromFile = Settings.of(Map.of(), Map.of("WIRE_DEMO_CLIENT_LOGIN_SECRET_FILE", secret.toString()), Map.of());
        assertThatCode(() -> DECLARED.validate(fromFile)).doesNotThrowAnyException();
        assertThat(fromFile.passthrough(CLIENT)).containsEntry("login.secret", "s3cret");

        InvalidSettingsException e = rejection(Settings.of(Map.of(), Map.of("WIRE_DEMO_CLIENT_LINGER_MS_FILE", secret.toString()), Map.of()));
        assertThat(e.getMessage()).contains("WIRE_DEMO_CLIENT_LINGER_MS_FILE is not read: only a password comes from a file")
                .contains("set WIRE_DEMO_CLIENT_LINGER_MS itself");
    }

    @Test
    void aPassthroughNameMeaningWhatAGivenWireSettingMeansIsAConflictNotAChoice() {
        assertThatCode(() -> DECLARED.validate(Settings.ofValues(Map.of("demo.client.http.port", "9000")))).doesNotThrowAnyException();
        InvalidSettingsException e = rejection(Settings.of(Map.of("demo.client.http.port", "9000"), Map.of("WIRE_DEMO_HTTP_PORT", "9001"), Map.of()));
        assertThat(e.problems()).containsExactly(
                "demo.client.http.port and demo.http.port (WIRE_DEMO_HTTP_PORT) are both given: both are the port; give only one");
    }

    @Test
    void aNameOfAnotherPassthroughIsPointedAtIt() {
        Passthrough other = Passthrough.of("demo.streams.", "demo streams",
                Map.of("num.threads", new Passthrough.Property(false, Passthrough.ValueCheck.ANY)));
        DeclaredSettings both = DECLARED.withPassthrough(other);
        InvalidSettingsException e = assertThrows(() -> both.validate(Settings.of(Map.of("demo.client.num.threads", "2"),
                Map.of("WIRE_DEMO_CLIENT_NUM_THREADS", "2"), Map.of())));
        assertThat(e.problems()).containsExactly(
                "properties file: unknown demo client property 'num.threads' in 'demo.client.num.threads'; it is a demo streams property: 'demo.streams.num.threads'",
                "environment: unknown demo client property in WIRE_DEMO_CLIENT_NUM_THREADS; it is a demo streams property: "
                        + "WIRE_DEMO_STREAMS_NUM_THREADS (demo.streams.num.threads)");
    }

    @Test
    void passthroughsOfOnePrefixMergeTheirRefusals() {
        DeclaredSettings merged = DECLARED.withPassthrough(CLIENT.refusing("linger.ms", "the service derives it"));
        assertThat(merged.passthroughs()).hasSize(1);
        InvalidSettingsException e = assertThrows(() -> merged.validate(Settings.ofValues(Map.of("demo.client.linger.ms", "1", "demo.client.acks", "1"))));
        assertThat(e.problems()).containsExactly("set in code or on the command line: 'demo.client.acks' is refused: Wirestream sets acks=all",
                "set in code or on the command line: 'demo.client.linger.ms' is refused: the service derives it");
    }

    @Test
    void namesThatWouldShareAVariableAreRefusedWhenThePassthroughIsBuilt() {
        assertThatThrownBy(() -> Passthrough.of("demo.x.", "demo", Map.of("a.b", new Passthrough.Property(false, Passthrough.ValueCheck.ANY),
                "a-b", new Passthrough.Property(false, Passthrough.ValueCheck.ANY)))).hasMessageContaining("WIRE_DEMO_X_A_B");
    }

    static InvalidSettingsException assertThrows(Runnable r) {
        try {
            r.run();
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
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

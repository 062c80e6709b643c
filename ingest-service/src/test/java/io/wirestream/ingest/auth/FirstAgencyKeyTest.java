package io.wirestream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAgencyKeyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final String SHIPPED_COMMENTS = "# Agency API keys for ingest-service, one per line.\n# Only hashes live here.";

    @TempDir
    Path dir;

    @Test
    void aFreshDeploymentGetsOneKeyThatIngestAccepts() throws Exception {
        Path credentials = dir.resolve("credentials");
        Path keyFile = dir.resolve("reuters.key");

        FirstAgencyKey.Result result = FirstAgencyKey.ensure(credentials, "reuters", keyFile, CLOCK);

        assertThat(result.outcome()).isEqualTo(FirstAgencyKey.Outcome.CREATED);
        String key = Files.readString(keyFile).strip();
        assertThat(key).hasSize(43);
        assertThat(Files.readString(credentials)).doesNotContain(key).contains(ApiKeyHash.hash(key));
        CredentialStore store = new CredentialStore(credentials, Duration.ZERO, Clock.systemUTC());
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.agencyFor(key)).contains("reuters");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(result.message()).contains(keyFile.toString()).contains(credentials.toString());
    }

    @Test
    void theShippedCommentsStayAndTheLineGoesBelowThem() throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, SHIPPED_COMMENTS); // no newline at the end

        FirstAgencyKey.ensure(credentials, "reuters", dir.resolve("reuters.key"), CLOCK);

        List<String> lines = Files.readAllLines(credentials);
        assertThat(lines.subList(0, 2)).containsExactly(SHIPPED_COMMENTS.split("\n"));
        assertThat(lines.get(2)).startsWith("# reuters: first key of this deployment, made 2026-12-07T10:00:00Z");
        assertThat(lines.get(3)).matches("reuters sha256:[0-9a-f]{64}");
        assertThat(lines).hasSize(4);
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        Path credentials = dir.resolve("credentials");
        Path keyFile = dir.resolve("reuters.key");
        FirstAgencyKey.ensure(credentials, "reuters", keyFile, CLOCK);
        byte[] credentialsBefore = Files.readAllBytes(credentials);
        byte[] keyBefore = Files.readAllBytes(keyFile);

        FirstAgencyKey.Result again = FirstAgencyKey.ensure(credentials, "reuters", keyFile, CLOCK);

        assertThat(again.outcome()).isEqualTo(FirstAgencyKey.Outcome.ALREADY_KEYED);
        assertThat(again.keys()).isEqualTo(1);
        assertThat(Files.readAllBytes(credentials)).isEqualTo(credentialsBefore);
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(keyBefore);
    }

    @Test
    void keysTheOperatorAddedAreLeftAloneAndNoKeyFileIsMade() throws Exception {
        Path credentials = dir.resolve("credentials");
        String own = SHIPPED_COMMENTS + "\n" + ApiKeyHash.credentialsLine("afp", "a-key-of-their-own") + "\n";
        Files.writeString(credentials, own);

        FirstAgencyKey.Result result = FirstAgencyKey.ensure(credentials, "reuters", dir.resolve("reuters.key"), CLOCK);

        assertThat(result.outcome()).isEqualTo(FirstAgencyKey.Outcome.ALREADY_KEYED);
        assertThat(Files.readString(credentials)).isEqualTo(own);
        assertThat(dir.resolve("reuters.key")).doesNotExist();
    }

    @Test
    void aKeyFileLeftFromAnEarlierRunIsNeverOverwritten() throws Exception {
        Path credentials = dir.resolve("credentials");
        Path keyFile = dir.resolve("reuters.key");
        Files.writeString(credentials, SHIPPED_COMMENTS + "\n");
        Files.writeString(keyFile, "an-earlier-key\n");

        assertThatThrownBy(() -> FirstAgencyKey.ensure(credentials, "reuters", keyFile, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyFile + " is there from an earlier run")
                .hasMessageContaining("wire keys reuters --key KEY");
        assertThat(Files.readString(keyFile)).isEqualTo("an-earlier-key\n");
        assertThat(Files.readString(credentials)).isEqualTo(SHIPPED_COMMENTS + "\n");
    }

    @Test
    void aCredentialsFileThatDoesNotParseIsLeftAsItIs() throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "reuters not-a-hash\n");

        assertThatThrownBy(() -> FirstAgencyKey.ensure(credentials, "reuters", dir.resolve("reuters.key"), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not parse (line 1 is not '<agency> sha256:<64 lowercase hex>')");
        assertThat(Files.readString(credentials)).isEqualTo("reuters not-a-hash\n");
        assertThat(dir.resolve("reuters.key")).doesNotExist();
    }

    @Test
    void exitStatusesSayWhatHappened() throws Exception {
        Path credentials = dir.resolve("credentials");
        String keyFile = dir.resolve("ap.key").toString();

        assertThat(FirstAgencyKey.run(List.of(credentials.toString(), "ap", keyFile))).isZero();
        assertThat(FirstAgencyKey.run(List.of(credentials.toString(), "ap", keyFile))).isZero();
        assertThat(FirstAgencyKey.run(List.of(credentials.toString(), "not an agency", keyFile))).isEqualTo(2);
        assertThat(FirstAgencyKey.run(List.of(credentials.toString()))).isEqualTo(2);
        Files.writeString(credentials, "garbage\n");
        assertThat(FirstAgencyKey.run(List.of(credentials.toString(), "ap", keyFile))).isEqualTo(1);
        assertThat(Files.readString(credentials, StandardCharsets.UTF_8)).isEqualTo("garbage\n");
    }

    @Test
    void runAsRootOnSomeoneElsesFolderTheFilesGoToTheFoldersOwner() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("unix"), "a unix file system");
        Path probe = Files.createFile(dir.resolve("probe"));
        assumeTrue((Integer) Files.getAttribute(probe, "unix:uid") == 0, "running as root, as the init container does");
        Path mounted = Files.createDirectory(dir.resolve("config"));
        Files.setAttribute(mounted, "unix:uid", 4321);
        Files.setAttribute(mounted, "unix:gid", 4322);

        FirstAgencyKey.ensure(mounted.resolve("credentials"), "reuters", mounted.resolve("reuters.key"), CLOCK);

        for (String file : List.of("credentials", "reuters.key")) {
            assertThat(Files.getAttribute(mounted.resolve(file), "unix:uid")).as(file).isEqualTo(4321);
            assertThat(Files.getAttribute(mounted.resolve(file), "unix:gid")).as(file).isEqualTo(4322);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mounted.resolve("credentials")))).isEqualTo("rw-r--r--");
    }
}

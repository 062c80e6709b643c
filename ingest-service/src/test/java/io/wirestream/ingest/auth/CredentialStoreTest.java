package io.wirestream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path dir;

    @Test
    void findsTheAgencyOfAKeyFromItsHashOnly() throws Exception {
        Path file = dir.resolve("creds.txt");
        Files.writeString(file, "# test agencies\n" + ApiKeyHash.credentialsLine("alpha", "key-a") + "\n"
                + ApiKeyHash.credentialsLine("beta", "key-b") + "   # second\n\n");
        CredentialStore store = new CredentialStore(file, Duration.ZERO, Clock.systemUTC());

        assertThat(store.agencyFor("key-a")).contains("alpha");
        assertThat(store.agencyFor("key-b")).contains("beta");
        assertThat(store.agencyFor("key-c")).isEmpty();
        assertThat(store.agencyFor("")).isEmpty();
        assertThat(store.agencyFor(null)).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("key-a");
    }

    @Test
    void rotatesKeysWhenTheFileChangesWithoutARestart() throws Exception {
        Path file = dir.resolve("creds.txt");
        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "old-key") + "\n");
        CredentialStore store = new CredentialStore(file, Duration.ZERO, Clock.systemUTC());
        assertThat(store.agencyFor("old-key")).contains("alpha");

        // during rotation both keys work
        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "old-key") + "\n" + ApiKeyHash.credentialsLine("alpha", "new-key") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        store.reloadIfChanged(); // a change is applied once two re-reads find the same
        assertThat(store.agencyFor("new-key")).contains("alpha");
        assertThat(store.agencyFor("old-key")).contains("alpha");

        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "new-key") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        store.reloadIfChanged();
        assertThat(store.agencyFor("old-key")).isEmpty();
        assertThat(store.agencyFor("new-key")).contains("alpha");
    }

    /**
     * Rotating a key in place (one hash for another: the same agency, the same length) gives a file of the same size.
     * If it also has the same time stamp as the version loaded (a file system that keeps seconds, a copy that keeps
     * the source's time, two saves within the clock's tick), the store skipped the re-read on time stamp and size, and
     * kept the withdrawn key in force until some later save changed one of them.
     */
    @Test
    void aKeyRotatedInPlaceIsAppliedEvenWithTheSameSizeAndTimeStamp() throws Exception {
        Path file = dir.resolve("creds.txt");
        String oldLine = ApiKeyHash.credentialsLine("alpha", "old-key");
        String newLine = ApiKeyHash.credentialsLine("alpha", "new-key");
        assertThat(newLine).hasSameSizeAs(oldLine);
        Files.writeString(file, oldLine + "\n");
        FileTime saved = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(file, saved);
        CredentialStore store = new CredentialStore(file, Duration.ofHours(1), Clock.systemUTC());
        assertThat(store.agencyFor("old-key")).contains("alpha");

        Files.writeString(file, newLine + "\n");
        Files.setLastModifiedTime(file, saved);
        store.reloadIfChanged();

        assertThat(store.agencyFor("new-key")).contains("alpha");
        assertThat(store.agencyFor("old-key")).isEmpty();
    }

    /**
     * A re-read in the middle of a save (an editor or script that truncates the file, then writes it) found an empty
     * file, which is valid, and applied it: every agency's pushes were refused with 401 until the next re-read. A file
     * cut after its first line would have dropped the agencies below it the same way.
     */
    @Test
    void aFileReadInTheMiddleOfASaveDoesNotWithdrawAnyKey() throws Exception {
        Path file = dir.resolve("creds.txt");
        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "key-a") + "\n" + ApiKeyHash.credentialsLine("beta", "key-b") + "\n");
        // re-read only when the test says (the service re-reads every second; a save takes milliseconds)
        CredentialStore store = new CredentialStore(file, Duration.ofHours(1), Clock.systemUTC());
        assertThat(store.agencyFor("key-b")).contains("beta");

        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        store.reloadIfChanged();
        assertThat(store.agencyFor("key-a")).as("an empty file, read once").contains("alpha");
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(6)));
        store.reloadIfChanged();
        assertThat(store.agencyFor("key-a")).as("an empty file again, in the next save (seen live: saves as often as re-reads)")
                .contains("alpha");

        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "key-a") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        store.reloadIfChanged();
        assertThat(store.agencyFor("key-b")).as("a cut file, read once").contains("beta");

        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "key-a") + "\n" + ApiKeyHash.credentialsLine("beta", "key-b") + "\n"
                + ApiKeyHash.credentialsLine("gamma", "key-c") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(15)));
        store.reloadIfChanged();
        store.reloadIfChanged();
        assertThat(store.agencyFor("key-c")).as("the whole file, read twice").contains("gamma");
        assertThat(store.agencyFor("key-a")).contains("alpha");
    }

    @Test
    void keepsThePreviousKeysWhenTheNewFileIsBroken() throws Exception {
        Path file = dir.resolve("creds.txt");
        Files.writeString(file, ApiKeyHash.credentialsLine("alpha", "key-a") + "\n");
        CredentialStore store = new CredentialStore(file, Duration.ZERO, Clock.systemUTC());

        Files.writeString(file, "alpha key-in-clear-text\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(store.agencyFor("key-a")).contains("alpha");
    }

    @Test
    void refusesEveryKeyWhenTheFileIsMissing() {
        CredentialStore store = new CredentialStore(dir.resolve("absent.txt"), Duration.ZERO, Clock.systemUTC());
        assertThat(store.agencyFor("anything")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void rejectsLinesThatAreNotAgencyAndHash() {
        assertThatThrownBy(() -> CredentialStore.parse(List.of("alpha")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> CredentialStore.parse(List.of("bad agency! " + ApiKeyHash.hash("k"))))
                .hasMessageContaining("line 1");
        String hash = ApiKeyHash.hash("shared");
        assertThatThrownBy(() -> CredentialStore.parse(List.of("alpha " + hash, "beta " + hash)))
                .hasMessageContaining("alpha").hasMessageContaining("beta");
    }

    @Test
    void newKeysAreLongRandomAndHashToTheDocumentedForm() {
        String a = ApiKeyHash.newKey();
        String b = ApiKeyHash.newKey();
        assertThat(a).hasSize(43).isNotEqualTo(b).matches("[A-Za-z0-9_-]+");
        assertThat(ApiKeyHash.hash(a)).matches("sha256:[0-9a-f]{64}");
        // SHA-256 of "abc" is a published test vector
        assertThat(ApiKeyHash.hash("abc")).isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /**
     * A key is typed or pasted as a command-line argument (the push scripts, curl, `wire` commands); one starting
     * with '-' is read as an option there. One generated key in 64 started so before this was fixed: `./wire up`
     * gave an agency such a key, and `scripts/push-reuters.py 18000 KEY` then failed with "the following arguments are
     * required: key".
     */
    @Test
    void aNewKeyNeverStartsWithADash() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(ApiKeyHash.newKey()).hasSize(43).doesNotStartWith("-");
        }
    }
}

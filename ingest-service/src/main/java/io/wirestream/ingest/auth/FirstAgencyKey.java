package io.wirestream.ingest.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The first agency key of a new deployment. ingest-service is ready only once its credentials file holds a key, so a
 * fresh stack needs one before it can pass its health check; the compose stack runs this once before ingest-service
 * starts (service {@code ingest-keys}):
 *
 * <pre>java -cp ingest-service.jar:lib/* io.wirestream.ingest.auth.FirstAgencyKey CREDENTIALS_FILE AGENCY KEY_FILE</pre>
 *
 * <p>When the credentials file holds no key (missing, empty or comments only) it makes a random key, writes the key
 * itself to {@code KEY_FILE} (a new file, readable by its owner only) and appends the key's hashed line to the
 * credentials file. When the file already holds a key it changes nothing, so running it on every start is safe. It
 * never overwrites a file: a key file left from an earlier run while the credentials file holds no key is refused,
 * since its key was perhaps withdrawn on purpose. Run as root on a mounted folder, it hands the files it creates to
 * the folder's owner, so the operator can read the key on the host.
 */
public final class FirstAgencyKey {

    /** What a run did. */
    public enum Outcome { CREATED, ALREADY_KEYED }

    public record Result(Outcome outcome, int keys, String message) {}

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private FirstAgencyKey() {}

    /**
     * Makes the first key when {@code credentials} holds none.
     *
     * @throws IllegalArgumentException for an agency name that is not allowed
     * @throws IllegalStateException    when the credentials file does not parse, or a key file is already there
     */
    public static Result ensure(Path credentials, String agency, Path keyFile, Clock clock) throws IOException {
        if (!AgencyName.isValid(agency)) {
            throw new IllegalArgumentException("agency names are 1-64 letters, digits, '.', '_' and '-': '" + agency + "'");
        }
        int keys = 0;
        if (Files.exists(credentials)) {
            try {
                keys = CredentialStore.parse(Files.readAllLines(credentials, StandardCharsets.UTF_8)).size();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("credentials file " + credentials + " does not parse (" + e.getMessage()
                        + "); it was left as it is");
            }
        }
        if (keys > 0) {
            return new Result(Outcome.ALREADY_KEYED, keys, "credentials file " + credentials + " holds " + keys
                    + " key(s); no key made");
        }
        if (Files.exists(keyFile)) {
            throw new IllegalStateException("credentials file " + credentials + " holds no key, but " + keyFile
                    + " is there from an earlier run. Either put its key back (the line `wire keys " + agency
                    + " --key KEY` prints) or delete " + keyFile + " to have a new key made");
        }

        String key = ApiKeyHash.newKey();
        String line = ApiKeyHash.credentialsLine(agency, key);
        Path folder = credentials.toAbsolutePath().getParent();
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            Files.writeString(keyFile, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(keyFile + " appeared while the key was being made; nothing was changed");
        }
        permissions(keyFile, OWNER_ONLY);
        handToOwnerOf(keyFile, keyFile.toAbsolutePath().getParent());

        boolean created = !Files.exists(credentials);
        String existing = created ? "" : Files.readString(credentials, StandardCharsets.UTF_8);
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        Files.writeString(credentials, separator + "# " + agency + ": first key of this deployment, made "
                        + clock.instant() + " by FirstAgencyKey (the key went to " + keyFile.getFileName() + ")\n" + line + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (created) {
            permissions(credentials, READABLE);
            handToOwnerOf(credentials, folder);
        }
        return new Result(Outcome.CREATED, 1, "made the first API key, for agency " + agency + ": its hash is in "
                + credentials + ", the key itself in " + keyFile + " (readable by its owner only). Give the key to "
                + agency + " and delete " + keyFile + "; add more keys with `wire keys AGENCY`");
    }

    private static void permissions(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    /** When this process made the file as another user than the folder's owner (root in a container), give it to the owner. */
    static void handToOwnerOf(Path file, Path folder) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("unix")) {
            return;
        }
        int owner = (Integer) Files.getAttribute(folder, "unix:uid");
        int group = (Integer) Files.getAttribute(folder, "unix:gid");
        int mine = (Integer) Files.getAttribute(file, "unix:uid");
        if (mine == 0 && owner != 0) {
            Files.setAttribute(file, "unix:gid", group);
            Files.setAttribute(file, "unix:uid", owner);
        }
    }

    /** Exit 0: a key was made or one was there already. 1: nothing could be done safely. 2: wrong arguments. */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.size() != 3) {
            System.err.println("usage: FirstAgencyKey CREDENTIALS_FILE AGENCY KEY_FILE   (makes the first key when the file holds none)");
            return 2;
        }
        try {
            Result result = ensure(Path.of(args.get(0)), args.get(1), Path.of(args.get(2)), Clock.systemUTC());
            System.out.println("FirstAgencyKey: " + result.message());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("FirstAgencyKey: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | IOException e) {
            System.err.println("FirstAgencyKey: " + e.getMessage());
            return 1;
        }
    }
}

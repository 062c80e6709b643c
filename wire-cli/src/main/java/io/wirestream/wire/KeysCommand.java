package io.wirestream.wire;

import io.wirestream.ingest.auth.ApiKeyHash;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes agency API keys: prints the key once and the hashed line for the credentials file. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Create an API key for an agency.",
                "Prints the key (give it to the agency; it is not stored) and the line to append to the",
                "ingest credentials file (ingest.credentials.file), which holds only the key's SHA-256 hash.",
                "The file is re-read on change, so keys rotate without a restart: add the new line, let the",
                "agency switch, then delete the old line."})
public final class KeysCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "AGENCY", description = "Agency name (letters, digits, '.', '_', '-')")
    String agency;

    @Option(names = "--key", paramLabel = "KEY", description = "Use this key instead of a new random one")
    String key;

    @Override
    public Integer call() {
        String apiKey = key != null ? key : ApiKeyHash.newKey();
        String line;
        try {
            line = ApiKeyHash.credentialsLine(agency, apiKey);
        } catch (IllegalArgumentException e) {
            System.err.println("wire keys: " + e.getMessage());
            return 2;
        }
        System.out.println("API key for " + agency + " (shown once): " + apiKey);
        System.out.println("Append to the credentials file:");
        System.out.println(line);
        return 0;
    }
}

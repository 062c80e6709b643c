package io.wirestream.wire;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wire} command: local mode and the operator's tools. */
@Command(name = "wire", mixinStandardHelpOptions = true, versionProvider = WireVersion.class,
        description = "Wirestream: a wire-ingestion pipeline for newsrooms on Apache Kafka.",
        subcommands = {UpCommand.class, InspectCommand.class, io.wirestream.ops.cli.LagCommand.class, QualityCommand.class,
                io.wirestream.wire.bench.BenchCommand.class, io.wirestream.wire.faults.FaultsCommand.class, KeysCommand.class, ConfigCommand.class,
                TraceCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start here:  ./wire up --demo     (runs the whole pipeline locally and pushes sample items)"})
public final class WireCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Selects the command's own log configuration (a main that runs a command calls this first). */
    public static void configureLogging() {
        CliLogging.configure(System.getenv());
    }

    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    /**
     * Avro 1.12 refuses to build classes outside trusted packages. {@code ./wire} passes the property, a plain
     * {@code java -cp ...} may not, and then every cluster record of the local pipeline failed with a
     * SecurityException. As ServiceMain does: trust the contracts' package unless the JVM was told otherwise.
     */
    static void trustAvroPackage() {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, "io.wirestream.avro");
        }
    }

    public static void main(String[] args) {
        trustAvroPackage();
        configureLogging();
        int code = 1;
        try {
            code = new CommandLine(new WireCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        } catch (Throwable e) {
            // picocli passes Errors through; without this exit the broker's threads would keep a failed run alive
            System.err.println("wire: failed: " + e);
            e.printStackTrace();
        } finally {
            System.exit(code); // broker threads are not daemons: leave explicitly
        }
    }
}

package io.wirestream.wire;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wire inspect FILE...}: the canonical article of each file, without Kafka, for onboarding a new feed. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the canonical article of each file as ninjs JSON, without Kafka.",
                "Runs the same normaliser as enrich-stream (format detection, parser, text hygiene), so a new feed",
                "can be checked before it is switched on. A file that cannot be read as news prints the stage and",
                "reason it would be rejected with. Exit code 0 when every file gave an article, 1 otherwise."})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files as an agency would deliver them")
    List<Path> files;

    @Option(names = "--agency", defaultValue = "inspect", description = "Agency to attribute the items to (default: ${DEFAULT-VALUE})")
    String agency;

    @Option(names = "--format-hint", paramLabel = "FORMAT", description = "Format hint, as an agency could send it (a hint only)")
    String formatHint;

    @Option(names = "--pipeline-fields", description = "Include Wirestream's own fields (under the 'wirestream' property)")
    boolean pipelineFields;

    @Override
    public Integer call() {
        WireItemNormaliser normaliser = new WireItemNormaliser();
        NinjsWriter writer = pipelineFields ? NinjsWriter.withPipelineExtension() : NinjsWriter.official();
        int failures = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                System.err.println(file + ": cannot read: " + e.getMessage());
                failures++;
                continue;
            }
            RawItem raw = RawItem.newBuilder().setItemId("inspect:" + file.getFileName()).setAgency(agency)
                    .setReceivedAt(Instant.now()).setChannel(IngestChannel.OTHER).setFormatHint(formatHint)
                    .setTransport(Map.of("file", file.toString())).setPayload(ByteBuffer.wrap(bytes)).build();
            try {
                List<Article> articles = normaliser.normalise(raw);
                for (Article a : articles) {
                    if (files.size() > 1 || articles.size() > 1) {
                        System.out.println("# " + file + (articles.size() > 1 ? " (" + (articles.indexOf(a) + 1) + " of " + articles.size() + ")" : ""));
                    }
                    System.out.println(writer.toJson(a));
                }
            } catch (NormalisationException e) {
                System.err.println(file + ": would be rejected at stage '" + e.stage() + "', reason '" + e.reason() + "': " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}

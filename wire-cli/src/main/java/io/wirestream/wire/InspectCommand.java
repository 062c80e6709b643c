package io.wirestream.wire;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.ArticleDiagnostics;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wire inspect FILE...}: the canonical article of each file, without Kafka, for onboarding a new feed. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the canonical article of each file as ninjs JSON, without Kafka.",
                "Runs the same normaliser as enrich-stream (format detection, parser, text hygiene), so a new feed",
                "can be checked before it is switched on. A file that cannot be read as news prints the stage and",
                "reason it would be rejected with. For each article, standard error also says which provider the",
                "item names (and the known agency that is), where its language came from, and which rights it",
                "carries (copyright holder, notice, usage terms: from the item or a configured default). With",
                "--pipeline-fields the provider also appears under 'wirestream'. Exit code 0 when",
                "every file gave an article, 1 otherwise."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NinjsWriter writer = pipelineFields ? NinjsWriter.withPipelineExtension() : NinjsWriter.official();
        int failures = 0;
        try (WireItemNormaliser normaliser = new WireItemNormaliser()) {
            for (Path file : files) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    failures++;
                    continue;
                }
                RawItem raw = RawItem.newBuilder().setItemId("inspect:" + file.getFileName()).setAgency(agency)
                        .setReceivedAt(Instant.now()).setChannel(IngestChannel.OTHER).setFormatHint(formatHint)
                        .setTransport(Map.of("file", file.toString())).setPayload(ByteBuffer.wrap(bytes)).build();
                try {
                    NormalisationResult result = normaliser.normaliseDetailed(raw);
                    List<Article> articles = result.articles();
                    for (int i = 0; i < articles.size(); i++) {
                        String which = file + (articles.size() > 1 ? " (" + (i + 1) + " of " + articles.size() + ")" : "");
                        if (files.size() > 1 || articles.size() > 1) {
                            out.println("# " + which);
                        }
                        out.println(writer.toJson(articles.get(i)));
                        err.println(which + ": " + sourceLine(articles.get(i), result.diagnostics().get(i)));
                    }
                } catch (NormalisationException e) {
                    err.println(file + ": would be rejected at stage '" + e.stage() + "', reason '" + e.reason() + "': " + e.getMessage());
                    failures++;
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * "provider dpa (IPTC 7901 header, known as dpa); language en (detected); rights: holder dpa (item), usage terms
     * (the default configured for agency feed-7)".
     */
    static String sourceLine(Article article, ArticleDiagnostics d) {
        String provider = d.provider() == null ? "provider not named in the item" : "provider " + d.provider();
        String language = article.getLanguage() == null ? "no language (" + d.languageSource() + ")"
                : "language " + article.getLanguage() + " (" + languageFrom(d) + ")";
        return provider + "; " + language + "; " + rights(article, d);
    }

    /** Which rights the article carries and whether each came from the item or a configured default. */
    private static String rights(Article article, ArticleDiagnostics d) {
        List<String> parts = new java.util.ArrayList<>();
        if (article.getCopyrightholder() != null) {
            parts.add("holder " + article.getCopyrightholder() + " (" + rightsFrom(d, "copyright holder") + ")");
        }
        if (article.getCopyrightnotice() != null) {
            parts.add("notice (" + rightsFrom(d, "copyright notice") + ")");
        }
        if (article.getUsageterms() != null) {
            parts.add("usage terms (" + rightsFrom(d, "usage terms") + ")");
        }
        return parts.isEmpty() ? "no rights" : "rights: " + String.join(", ", parts);
    }

    private static String rightsFrom(ArticleDiagnostics d, String field) {
        // the note the normaliser wrote: "usage terms: the default configured for agency feed-7"
        return d.notes().stream().filter(n -> n.startsWith(field + ": the default "))
                .map(n -> n.substring(field.length() + 2)).findFirst().orElse("item");
    }

    private static String languageFrom(ArticleDiagnostics d) {
        if (!d.languageSource().equals("default")) {
            return d.languageSource().equals("item") ? "declared" : d.languageSource();
        }
        // the note the normaliser wrote: "language en: the default configured for provider aap"
        return d.notes().stream().filter(n -> n.startsWith("language ") && n.contains(": the default "))
                .map(n -> n.substring(n.indexOf(": ") + 2)).findFirst().orElse("default");
    }
}

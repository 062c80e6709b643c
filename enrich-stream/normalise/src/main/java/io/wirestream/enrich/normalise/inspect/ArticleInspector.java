package io.wirestream.enrich.normalise.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.ArticleDiagnostics;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.enrich.normalise.text.ContentHash;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code wire inspect FILE...} runs: one file through the normaliser, no Kafka, and the canonical articles
 * rendered as ninjs JSON (with {@link NinjsWriter}, the same renderer publish-service uses). An operator onboarding
 * a feed sees at once what the pipeline will make of it; a refusal comes back as the {@link NormalisationException}
 * the topology would put on the rejected topic.
 */
public final class ArticleInspector implements AutoCloseable {

    private final WireItemNormaliser normaliser;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ArticleInspector() {
        this(Clock.systemUTC(), NormaliserLimits.defaults());
    }

    public ArticleInspector(Clock clock, NormaliserLimits limits) {
        this.clock = clock;
        this.normaliser = new WireItemNormaliser(clock, limits);
    }

    /** The canonical articles of one file, delivered as if by {@code agency}. */
    public List<Article> inspect(Path file, String agency) throws IOException, NormalisationException {
        return inspectDetailed(file, agency).articles();
    }

    /** Like {@link #inspect} with the normaliser's diagnostics. */
    public NormalisationResult inspectDetailed(Path file, String agency) throws IOException, NormalisationException {
        byte[] bytes = Files.readAllBytes(file);
        return normaliser.normaliseDetailed(rawItem(file, bytes, agency, clock.instant()));
    }

    /**
     * The raw item a file stands for: receipt id derived from the bytes (the same file always gets the same one),
     * no declared content type or hint (the detector decides), the file name as transport metadata.
     */
    public static RawItem rawItem(Path file, byte[] bytes, String agency, Instant receivedAt) {
        Map<String, String> transport = new HashMap<>();
        transport.put("file", file.toString());
        return RawItem.newBuilder()
                .setItemId("inspect-" + ContentHash.of(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).substring(0, 16))
                .setAgency(agency)
                .setSourceItemId(null)
                .setSourceVersion(null)
                .setReceivedAt(receivedAt)
                .setContentType(null)
                .setFormatHint(null)
                .setChannel(IngestChannel.OTHER)
                .setTransport(transport)
                .setPayload(ByteBuffer.wrap(bytes))
                .build();
    }

    /**
     * Articles as pretty-printed ninjs: one document for one article, an array for several.
     *
     * @param extended include the pipeline's "wirestream" extension (agency, signals, dateline parts, keywords,
     *                 related links); without it the documents are official ninjs 2.x
     */
    public String toJson(List<Article> articles, boolean extended) {
        NinjsWriter writer = extended ? NinjsWriter.withPipelineExtension() : NinjsWriter.official();
        try {
            if (articles.size() == 1) {
                return mapper.writeValueAsString(writer.toTree(articles.get(0)));
            }
            ArrayNode array = mapper.createArrayNode();
            for (Article a : articles) {
                array.add(writer.toTree(a));
            }
            return mapper.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render ninjs", e);
        }
    }

    /** A result with its diagnostics as JSON: detection, articles (extended ninjs), per-article notes, skipped items. */
    public String toDiagnosticJson(NormalisationResult result) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("detection").put("format", result.detection().format().label())
                .put("confidence", result.detection().confidence()).put("reason", result.detection().reason());
        ArrayNode arts = root.putArray("articles");
        NinjsWriter writer = NinjsWriter.withPipelineExtension();
        for (int i = 0; i < result.articles().size(); i++) {
            ObjectNode entry = arts.addObject();
            entry.set("ninjs", writer.toTree(result.articles().get(i)));
            ArticleDiagnostics d = result.diagnostics().get(i);
            ObjectNode diag = entry.putObject("diagnostics");
            diag.put("versioncreatedFrom", d.versionCreatedSource().name());
            diag.put("headlineDerived", d.headlineDerived());
            diag.put("language", d.languageSource());
            if (d.provider() != null) {
                diag.putObject("provider").put("name", d.provider().name()).put("from", d.provider().from())
                        .put("key", d.provider().key());
            }
            if (d.assumedZone() != null) {
                diag.put("zoneAssumed", d.assumedZone().toString());
            }
            ArrayNode notes = diag.putArray("notes");
            d.notes().forEach(notes::add);
        }
        ArrayNode skipped = root.putArray("skipped");
        result.skipped().forEach(skipped::add);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render diagnostics", e);
        }
    }

    @Override
    public void close() {
        normaliser.close();
    }
}

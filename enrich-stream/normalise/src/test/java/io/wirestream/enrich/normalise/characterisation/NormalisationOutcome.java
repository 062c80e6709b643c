package io.wirestream.enrich.normalise.characterisation;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.ArticleDiagnostics;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What the normaliser makes of one raw item, written as text so two runs can be compared line by line: every article
 * in full (its Avro {@code toString}) with a digest of its Avro binary encoding, the diagnostics, the skipped items,
 * or the refusal (stage, reason, message).
 */
final class NormalisationOutcome {

    private NormalisationOutcome() {}

    /** Raw items as written by {@link #writeItem}: one Avro JSON record per line. */
    static List<RawItem> readItems(Reader source) throws IOException {
        SpecificDatumReader<RawItem> reader = new SpecificDatumReader<>(RawItem.class);
        List<RawItem> items = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    items.add(reader.read(null, DecoderFactory.get().jsonDecoder(RawItem.getClassSchema(), line)));
                }
            }
        }
        return items;
    }

    static String describe(WireItemNormaliser normaliser, RawItem raw) {
        StringBuilder out = new StringBuilder();
        try {
            NormalisationResult result = normaliser.normaliseDetailed(raw);
            out.append("format ").append(result.detection().format().label()).append('\n');
            for (int i = 0; i < result.articles().size(); i++) {
                Article a = result.articles().get(i);
                ArticleDiagnostics d = result.diagnostics().get(i);
                out.append("article avro-sha256 ").append(binaryDigest(a)).append('\n');
                out.append(a).append('\n');
                out.append("diagnostics ").append(d.versionCreatedSource()).append(" derived=")
                        .append(d.headlineDerived()).append(" language=").append(d.languageSource()).append('\n');
                if (d.provider() != null) {
                    out.append("  provider ").append(d.provider()).append('\n');
                }
                for (String note : d.notes()) {
                    out.append("  note ").append(note).append('\n');
                }
            }
            for (String skipped : result.skipped()) {
                out.append("skipped ").append(skipped).append('\n');
            }
        } catch (NormalisationException e) {
            out.append("refused ").append(e.stage()).append('/').append(e.reason()).append(": ")
                    .append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** SHA-256 of the article's Avro binary encoding: the bytes the pipeline would write. */
    private static String binaryDigest(Article a) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(Article.class).write(a, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

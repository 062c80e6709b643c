package io.wirestream.subscribers.fanout;

import io.wirestream.avro.Article;
import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import io.wirestream.subscriptions.EditorialState;
import io.wirestream.subscriptions.OutputFormat;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a story version as a subscriber takes it: official ninjs ({@link NinjsWriter#official()}) or extended
 * ninjs ({@link NinjsWriter#withPipelineExtension()}), both carrying the story's rights ({@code copyrightholder},
 * {@code copyrightnotice}, {@code usageterms}), the distributor and the provider ({@code infosources}); a kill as the withdrawn marker (uri, version, {@code pubstatus: canceled},
 * nothing of the withdrawn text). A withheld notice is already without text on {@code wire.articles} and is written
 * as it is ({@code pubstatus: withheld}).
 */
public class Renderer {

    private final Map<OutputFormat, NinjsWriter> writers = new EnumMap<>(OutputFormat.class);

    public Renderer() {
        for (OutputFormat f : OutputFormat.values()) {
            writers.put(f, new NinjsWriter(f.profile()));
        }
    }

    public byte[] render(Article article, EditorialState state, OutputFormat format) {
        NinjsWriter writer = writers.get(format);
        String json = state == EditorialState.KILLED ? writer.toWithdrawnMarkerJson(article) : writer.toJson(article);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Short content digest of a rendered document: a same-version revision with other content is told apart by it. */
    public static String digest(byte[] body) {
        return Sha256.hexPrefix(body, 12);
    }

    /**
     * The idempotency key of a delivery: derived from the story uri, the version and the content, so a retry, a
     * redelivery after a crash and a replay carry the same key, and a new version or a kill carries a new one.
     */
    public static String idempotencyKey(String uri, long version, String digest) {
        return Sha256.hexPrefix((uri + "\n" + version + "\n" + digest).getBytes(StandardCharsets.UTF_8), 16);
    }
}

package io.wirestream.enrich.normalise;

import io.wirestream.avro.Article;
import io.wirestream.newsformats.format.Detection;
import java.util.List;

/**
 * Articles from one payload with what the normaliser observed: the format detection, per-article diagnostics (same
 * order as the articles) and the items it skipped (pictures in a newsMessage, entries without text) with why.
 */
public record NormalisationResult(
        Detection detection,
        List<Article> articles,
        List<ArticleDiagnostics> diagnostics,
        List<String> skipped,
        List<String> notes) {

    public NormalisationResult {
        articles = List.copyOf(articles);
        diagnostics = List.copyOf(diagnostics);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}

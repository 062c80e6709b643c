package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.newsformats.format.WireFormat;
import java.util.List;

/**
 * One wire-format family. A parser reads what its format carries into drafts (one per story; a newsMessage or a feed
 * holds several) and leaves the shared normalisation to {@link io.wirestream.enrich.normalise.ArticleAssembler}.
 * Items that are not text stories are returned with {@code textItem = false} so the caller can say why they were
 * skipped. Refusals are {@link NormalisationException}s with stage "parse".
 */
public interface FormatParser {

    WireFormat format();

    List<DraftArticle> parse(ParseInput in) throws NormalisationException;
}

package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.web.WebCopyCleaner;
import io.wirestream.newsformats.format.WireFormat;
import java.util.List;

/**
 * Scraped web copy as plain text: the page's text with its furniture still in it. {@link WebCopyCleaner} does the
 * work; the transport's title (when the scraper kept one) is the headline. One page is one story.
 */
public final class WebTextParser implements FormatParser {

    @Override
    public WireFormat format() {
        return WireFormat.WEB_TEXT;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        String text = in.plainText();
        DraftArticle d = new DraftArticle();
        d.setItemClass("web page");
        if (in.raw().getTransport() != null) {
            String title = in.raw().getTransport().get("title");
            if (title != null && !title.isBlank()) {
                d.setHeadline(title.trim());
            }
        }
        WebCopyCleaner.clean(WebCopyCleaner.linesOf(text), d, in.zone(), in.reference(), true);
        if (!d.hasBody() && d.headline() == null) {
            throw ParseInput.refusal("no-story-text", "nothing but page furniture in the text");
        }
        return List.of(d);
    }
}

package io.wirestream.enrich.normalise.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.json.SafeJson;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.enrich.normalise.web.WebCopyCleaner;
import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Scraped web pages as HTML. Page metadata first (Open Graph, article:* meta, JSON-LD NewsArticle, canonical link,
 * html lang), then the story container (the article element, else the element whose paragraphs hold the most text),
 * with furniture elements removed by tag and by class/id (share, social, comments, related, promo, newsletter, ads,
 * cookie banners, players), then the same line cleaning as plain-text web copy ({@link WebCopyCleaner}), keeping the
 * hrefs of READ MORE teasers.
 */
public final class WebHtmlParser implements FormatParser {

    private static final Pattern FURNITURE_CLASS = Pattern.compile(
            "(?i)(share|social|comment|related|promo|newsletter|subscribe|advert|\\bads?\\b|\\bad-|-ad\\b|cookie|"
                    + "breadcrumb|sidebar|popup|modal|player|widget|outbrain|taboola|recommend|most-?read|trending|"
                    + "footer|masthead|navbar|\\bnav\\b|byline-social|paywall)");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,40}$");

    @Override
    public WireFormat format() {
        return WireFormat.WEB_HTML;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        Document doc = in.htmlDocument();
        String base = in.transportUrl();
        ZoneId zone = in.zone();
        DraftArticle d = new DraftArticle();
        d.setItemClass("web page");

        // metadata
        d.setHeadline(firstNonBlank(meta(doc, "property", "og:title"), meta(doc, "name", "twitter:title")));
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        d.setFormatId(firstNonBlank(canonical, meta(doc, "property", "og:url")));
        if (base.isEmpty() && d.formatId() != null && d.formatId().matches("(?i)https?://.*")) {
            base = d.formatId();
            doc.setBaseUri(base);
        }
        d.addSourceId("web:url", d.formatId());
        d.setDescription(firstNonBlank(meta(doc, "property", "og:description"), meta(doc, "name", "description")));
        d.setByline(firstNonBlank(meta(doc, "name", "author"), meta(doc, "property", "article:author")));
        d.setCopyrightNotice(meta(doc, "name", "copyright"));
        d.setLanguage(firstNonBlank(doc.select("html").attr("lang"), meta(doc, "http-equiv", "content-language")));
        d.setVersionCreated(WireDates.parse(firstNonBlank(meta(doc, "property", "article:modified_time"),
                meta(doc, "property", "article:published_time"), meta(doc, "name", "pubdate"),
                meta(doc, "name", "date"), meta(doc, "name", "dc.date")), zone));
        d.setFirstCreated(WireDates.parse(meta(doc, "property", "article:published_time"), zone));
        for (String k : (meta(doc, "name", "news_keywords") + "," + meta(doc, "name", "keywords")).split(",")) {
            if (!k.isBlank() && !k.equals("null")) {
                d.addKeyword(k);
            }
        }
        for (Element tag : doc.select("meta[property=article:tag]")) {
            d.addKeyword(tag.attr("content"));
        }
        readJsonLd(doc, d, in);
        for (Element a : doc.select("a[rel=tag], .tags a, .tag-list a")) {
            d.addKeyword(a.text());
        }

        // container
        Element article = chooseContainer(doc);
        if (d.headline() == null) {
            Element h1 = article.selectFirst("h1");
            if (h1 == null) {
                h1 = doc.selectFirst("h1");
            }
            d.setHeadline(h1 != null ? h1.text() : stripSiteName(doc.title()));
        }
        if (d.versionCreated() == null) {
            Element time = article.selectFirst("time[datetime]");
            if (time == null) {
                time = doc.selectFirst("time[datetime]");
            }
            if (time != null) {
                d.setVersionCreated(WireDates.parse(time.attr("datetime"), zone));
            }
        }
        removeFurniture(article);
        article.select("h1").remove();

        List<WebCopyCleaner.Line> lines = new ArrayList<>();
        for (BodyBlock b : HtmlBlocks.blocks(article, Set.of("aside"))) {
            String href = null;
            if (b.html() != null) {
                Element a = Jsoup.parseBodyFragment(b.html(), base).selectFirst("a[href]");
                href = a == null ? null : a.attr("abs:href").isEmpty() ? a.attr("href") : a.attr("abs:href");
            }
            lines.add(new WebCopyCleaner.Line(b.text(), true, href, b.kind(), b.html()));
        }
        WebCopyCleaner.clean(lines, d, zone, in.reference(), false);
        if (!d.hasBody() && d.headline() == null) {
            throw ParseInput.refusal("no-story-text", "no story text found in the page");
        }
        return List.of(d);
    }

    private static void readJsonLd(Document doc, DraftArticle d, ParseInput in) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = SafeJson.parse(script.data(), in.limits());
                List<JsonNode> candidates = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(candidates::add);
                } else {
                    candidates.add(node);
                    SafeJson.items(node, "@graph").forEach(candidates::add);
                }
                for (JsonNode n : candidates) {
                    String type = SafeJson.text(n, "@type");
                    if (type == null || !type.matches("(?i).*(NewsArticle|Article|ReportageNewsArticle|BlogPosting).*")) {
                        continue;
                    }
                    if (d.headline() == null) {
                        d.setHeadline(SafeJson.text(n, "headline"));
                    }
                    WireTime modified = WireDates.parse(SafeJson.text(n, "dateModified"), in.zone());
                    WireTime published = WireDates.parse(SafeJson.text(n, "datePublished"), in.zone());
                    if (modified != null || published != null) {
                        d.setVersionCreated(modified != null ? modified : published);
                        d.setFirstCreated(published);
                    }
                    if (d.language() == null) {
                        d.setLanguage(SafeJson.text(n, "inLanguage"));
                    }
                    JsonNode author = SafeJson.field(n, "author");
                    if (d.byline() == null && author != null) {
                        d.setByline(author.isArray() && author.size() > 0 ? SafeJson.text(author.get(0), "name")
                                : author.isObject() ? SafeJson.text(author, "name") : author.asText(null));
                    }
                    String keywords = SafeJson.text(n, "keywords");
                    if (keywords != null) {
                        for (String k : keywords.split(",")) {
                            d.addKeyword(k);
                        }
                    }
                }
            } catch (NormalisationException | RuntimeException e) {
                d.addNote("JSON-LD ignored: " + e.getMessage());
            }
        }
    }

    private static Element chooseContainer(Document doc) {
        Elements articles = doc.select("article");
        Element best = null;
        int bestScore = 0;
        for (Element a : articles) {
            int s = paragraphText(a);
            if (s > bestScore) {
                best = a;
                bestScore = s;
            }
        }
        if (best != null && bestScore > 200) {
            return best;
        }
        for (Element e : doc.select("main, div, section, td")) {
            int s = directParagraphText(e);
            if (s > bestScore) {
                best = e;
                bestScore = s;
            }
        }
        return best != null ? best : doc.body();
    }

    private static int paragraphText(Element e) {
        int n = 0;
        for (Element p : e.select("p")) {
            n += p.text().length();
        }
        return n;
    }

    private static int directParagraphText(Element e) {
        int n = 0;
        for (Element c : e.children()) {
            if (c.normalName().equals("p")) {
                n += c.text().length();
            }
        }
        return n;
    }

    private static void removeFurniture(Element container) {
        container.select("script, style, noscript, nav, footer, aside, form, iframe, button, svg, figure, header").remove();
        for (Element e : new ArrayList<>(container.getAllElements())) {
            if (e == container || e.parent() == null) {
                continue;
            }
            String marker = e.className() + " " + e.id();
            if (!marker.isBlank() && FURNITURE_CLASS.matcher(marker).find() && !e.normalName().equals("p")) {
                e.remove();
            }
        }
    }

    private static String meta(Document doc, String attr, String name) {
        Element m = doc.selectFirst("meta[" + attr + "=" + name + "]");
        if (m == null) {
            m = doc.selectFirst("meta[" + attr + "~=(?i)^" + Pattern.quote(name) + "$]");
        }
        String c = m == null ? null : m.attr("content");
        return c == null || c.isBlank() ? null : TextHygiene.clean(c);
    }

    private static String stripSiteName(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        return TITLE_SUFFIX.matcher(title.trim()).replaceFirst("");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

package io.wirestream.enrich.normalise;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.SourceId;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.html.HtmlBlocks;
import io.wirestream.enrich.normalise.lang.LanguageGuesser;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.EditorialState;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.subject.SubjectMapper;
import io.wirestream.enrich.normalise.text.ContentHash;
import io.wirestream.enrich.normalise.text.Datelines;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.newsformats.format.WireFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The normalisation every format shares: text hygiene on every field, the dateline read off the lead, sign-off lines
 * dropped, headline fallbacks, editorial prefixes turned into signals, language declared or detected, source
 * subjects mapped to Media Topics, a deterministic uri, version and UTC times, sanitised body HTML.
 */
public final class ArticleAssembler {

    /** Result of assembling one draft. */
    public record Assembled(Article article, ArticleDiagnostics diagnostics) {}

    private static final int DERIVED_HEADLINE_MAX = 200;
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?i)^(?:-*\\s*ends?\\s*-*|\\(?end\\)?|-0-|xxx+|#\\s?#\\s?#|-\\s*more\\s*-|more|[a-z]{1,4}(?:/[a-z]{1,4}){1,8}"
                    + "|(?:AAP|AP|dpa|AFP|PA|RTV|ANP|APA|SDA|TT|NTB|STT|ANSA|EFE)(?: [A-Za-z0-9]{1,5}){1,6})$");
    /** Lines that address the desk: "Eds: ...", "EDITORS: ...", "EMBARGOED until ...", "Sperrfrist ...". */
    private static final Pattern ADVICE = Pattern.compile(
            "^(?:(?i:eds?|editors?|editor's note|note to editors|attention editors|hinweis an die redaktion)\\s*:"
                    + "|(?:EMBARGO|EMBARGOED|SPERRFRIST|Sperrfrist|HOLD FOR RELEASE|ATTENTION|ACHTUNG)\\b)");
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^by\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"”’»)]*\\s+(?=[\"“‘«(]?\\p{Lu})");

    private final Clock clock;

    public ArticleAssembler(Clock clock) {
        this.clock = clock;
    }

    /**
     * Builds the article. Throws when the draft has nothing a headline can be taken from.
     */
    public Assembled assemble(DraftArticle d, RawItem raw, WireFormat format) throws NormalisationException {
        return assemble(d, raw, format, ZoneOffset.UTC);
    }

    /**
     * Builds the article; {@code zone} is the agency's zone for times written without one (embargo lines such as
     * "do not use before 0600").
     */
    public Assembled assemble(DraftArticle d, RawItem raw, WireFormat format, java.time.ZoneId zone)
            throws NormalisationException {
        List<String> notes = new ArrayList<>(d.notes);

        // ---- body blocks: hygiene, sign-offs, dateline
        List<BodyBlock> blocks = new ArrayList<>();
        List<BodyBlock> source = new ArrayList<>(d.body);
        if (source.isEmpty() && d.bodyHtml != null) {
            source.addAll(HtmlBlocks.blocks(d.bodyHtml));
        }
        for (BodyBlock b : source) {
            String t = TextHygiene.clean(b.text());
            if (t.isEmpty() || TextHygiene.isRule(t)) {
                continue;
            }
            blocks.add(t.equals(b.text()) ? b : new BodyBlock(b.kind(), t, b.html()));
        }
        // an editors' note or embargo line at the top of the text is advice to the desk, not story
        Set<String> adviceSignals = new LinkedHashSet<>();
        List<String> embargoMarkers = new ArrayList<>(d.embargoMarkers);
        while (!blocks.isEmpty() && blocks.get(0).text().length() < 300 && ADVICE.matcher(blocks.get(0).text()).find()) {
            String advice = blocks.remove(0).text();
            adviceSignals.addAll(EditorialSignals.fromAdvisoryText(advice));
            if (io.wirestream.enrich.normalise.text.Embargoes.isMarker(advice)) {
                embargoMarkers.add(advice);
            }
            notes.add("editors' note removed from the body: " + advice);
        }
        while (!blocks.isEmpty() && SIGN_OFF.matcher(blocks.get(blocks.size() - 1).text()).matches()) {
            notes.add("sign-off line dropped: " + blocks.remove(blocks.size() - 1).text());
        }

        String dateline = clean(d.dateline);
        if (dateline != null && Datelines.parseField(dateline) == null
                && io.wirestream.enrich.normalise.text.WireDates.parseLoose(dateline, java.time.ZoneOffset.UTC, null) != null) {
            notes.add("dateline field holds only a time (" + dateline + "); not kept as a dateline");
            dateline = null;
        }
        String located = clean(d.located);
        String datelineSource = clean(d.datelineSource);
        Datelines.Dateline field = Datelines.parseField(dateline);
        int lead = firstParagraph(blocks);
        Datelines.Dateline inLead = lead < 0 ? null : Datelines.find(blocks.get(lead).text());
        if (inLead != null) {
            BodyBlock b = blocks.get(lead);
            String rest = b.text().substring(Math.min(inLead.end(), b.text().length())).trim();
            if (rest.isEmpty()) {
                blocks.remove(lead);
            } else {
                blocks.set(lead, new BodyBlock(b.kind(), rest, stripLeading(b.html(), inLead.written(), rest)));
            }
            if (dateline == null || field == null) {
                dateline = inLead.written();
            }
            if (inLead.place() != null) {
                located = inLead.place();
            }
            if (datelineSource == null) {
                datelineSource = inLead.source();
            }
        } else if (field != null) {
            if (located == null || field.source() != null) {
                located = field.place(); // the place the dateline names
            }
            if (datelineSource == null) {
                datelineSource = field.source();
            }
        }

        // ---- headline
        Set<String> signals = new LinkedHashSet<>(d.signals);
        signals.addAll(adviceSignals);
        List<Headline> headlines = new ArrayList<>();
        String headline = clean(d.headline);
        boolean derived = false;
        if (headline != null) {
            EditorialSignals.HeadlinePrefix prefix = EditorialSignals.headlinePrefix(headline);
            if (prefix != null) {
                signals.addAll(prefix.signals());
                headlines.add(new Headline("as-sent", headline));
                headline = prefix.headline();
            }
        }
        if (headline == null) {
            for (String candidate : new String[] {d.title, d.slug, d.description}) {
                String c = clean(candidate);
                if (c != null) {
                    headline = c;
                    notes.add("headline taken from " + (candidate == d.title ? "the title"
                            : candidate == d.slug ? "the slug" : "the description"));
                    break;
                }
            }
        }
        if (headline == null && lead >= 0) {
            headline = firstSentence(blocks.get(lead).text());
            derived = true;
            notes.add("headline derived from the lead paragraph");
        }
        if (headline != null && !blocks.isEmpty() && !derived
                && blocks.get(0).text().replaceAll("[.\\s]+$", "").equalsIgnoreCase(headline)) {
            blocks.remove(0);
            notes.add("first body block repeated the headline; dropped");
        }
        if (headline == null || headline.isBlank()) {
            throw new NormalisationException("normalise", "no-headline",
                    "no headline, title, slug, description or body text to take one from"
                            + (d.itemClass == null ? "" : " (item class " + d.itemClass + ")"));
        }
        headlines.add(0, new Headline("main", headline));
        for (String[] h : d.headlines) {
            String v = clean(h[1]);
            if (v != null && !v.equals(headline)) {
                headlines.add(new Headline(h[0] == null ? "other" : h[0], v));
            }
        }

        // ---- text fields
        String description = clean(d.description);
        if (description != null && description.equals(headline)) {
            description = null;
        }
        String byline = clean(d.byline);
        if (byline != null) {
            byline = BY_PREFIX.matcher(byline).replaceFirst("").replaceAll("[\\s,;:–—-]+$", "").trim();
            if (byline.isEmpty()) {
                byline = null;
            }
        }
        List<String> paragraphs = new ArrayList<>(blocks.size());
        for (BodyBlock b : blocks) {
            paragraphs.add(b.text());
        }
        String bodyHtml = blocks.isEmpty() ? "" : HtmlBlocks.render(blocks);

        // ---- language
        String language = LanguageGuesser.normaliseTag(d.language);
        String languageSource = language == null ? "none" : "item";
        if (language == null) {
            StringBuilder sample = new StringBuilder(headline);
            for (String p : paragraphs) {
                if (sample.length() > 1500) {
                    break;
                }
                sample.append('\n').append(p);
            }
            language = LanguageGuesser.detect(sample.toString());
            if (language != null) {
                languageSource = "detected";
            }
        }

        // ---- subjects, keywords, related, source ids
        List<Subject> subjects = subjects(d);
        List<String> keywords = new ArrayList<>();
        Set<String> seenKeywords = new HashSet<>();
        for (String k : d.keywords) {
            String c = clean(k);
            if (c != null && seenKeywords.add(c.toLowerCase(Locale.ROOT))) {
                keywords.add(c);
            }
        }
        List<RelatedLink> related = new ArrayList<>();
        Set<String> seenRelated = new HashSet<>();
        for (String[] r : d.related) {
            String title = clean(r[1]);
            String uri = r[0] == null ? null : r[0].trim();
            if (seenRelated.add(uri + "|" + title)) {
                related.add(RelatedLink.newBuilder().setUri(uri).setTitle(title).setScore(0.0)
                        .setReason(r[2] == null ? "publisher link" : r[2]).setOrigin("publisher").build());
            }
        }
        List<SourceId> sourceIds = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (String[] s : d.sourceIds) {
            if (s[1] != null && seenIds.add(s[0] + "|" + s[1])) {
                sourceIds.add(new SourceId(s[0], s[1]));
            }
        }
        if (raw.getSourceItemId() != null && seenIds.add("ingest-source-item-id|" + raw.getSourceItemId())) {
            sourceIds.add(new SourceId("ingest-source-item-id", raw.getSourceItemId()));
        }

        // ---- times, version, status
        WireTime versionCreated = d.versionCreated;
        if (versionCreated == null && d.firstCreated != null) {
            versionCreated = d.firstCreated;
            notes.add("versioncreated taken from firstcreated");
        }
        if (versionCreated == null) {
            versionCreated = new WireTime(raw.getReceivedAt(), TimeSource.RECEIVED);
            notes.add("no time in the item: versioncreated is the ingest receipt time");
        } else if (versionCreated.source() == TimeSource.ITEM_NO_ZONE) {
            notes.add("versioncreated written without a zone; read in the agency's configured zone");
        }
        if (versionCreated.instant().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            notes.add("versioncreated is more than a day in the future");
        }
        Long version = d.version;
        if (version == null && raw.getSourceVersion() != null && raw.getSourceVersion().trim().matches("\\d{1,18}")) {
            version = Long.parseLong(raw.getSourceVersion().trim());
        }
        if (version == null) {
            version = versionCreated.instant().getEpochSecond();
        }
        EditorialState state = EditorialState.resolve(d.pubStatus, signals, d.embargoed, embargoMarkers,
                versionCreated.source() == TimeSource.RECEIVED ? null : versionCreated.instant(), zone);
        if (state.signals().contains(EditorialSignals.EMBARGO_UNREADABLE)) {
            notes.add("embargo announced but its time cannot be read; withheld: " + embargoMarkers);
        }
        Integer urgency = d.urgency == null || d.urgency < 1 || d.urgency > 9 ? null : d.urgency;

        // ---- identity
        String uri = uri(raw, d, headline, paragraphs);

        Article article = Article.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setVersioncreated(versionCreated.instant())
                .setFirstcreated(d.firstCreated == null ? null : d.firstCreated.instant())
                .setPubstatus(state.pubStatus())
                .setSignals(new ArrayList<>(state.signals()))
                .setUrgency(urgency)
                .setEmbargoed(state.embargoed())
                .setHeadline(headline)
                .setHeadlines(headlines)
                .setDescription(description)
                .setByline(byline)
                .setDateline(dateline)
                .setLocated(located)
                .setDatelineSource(datelineSource)
                .setTagline(clean(d.tagline))
                .setLanguage(language)
                .setBodyParagraphs(paragraphs)
                .setBodyHtml(bodyHtml)
                .setSubjects(subjects)
                .setKeywords(keywords)
                .setEntities(new ArrayList<>())
                .setRelated(related)
                .setDuplicates(null)
                .setAgency(raw.getAgency())
                .setSourceIds(sourceIds)
                .setSourceFormat(format.label())
                .setCopyrightnotice(clean(d.copyrightnotice))
                .setRaw(RawRef.newBuilder().setItemId(raw.getItemId()).setAgency(raw.getAgency()).build())
                .setReceivedAt(raw.getReceivedAt())
                .setProcessedAt(null)
                .build();
        return new Assembled(article, new ArticleDiagnostics(uri, versionCreated.source(), derived, languageSource, notes));
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = TextHygiene.clean(s);
        return c.isEmpty() ? null : c;
    }

    private static int firstParagraph(List<BodyBlock> blocks) {
        for (int i = 0; i < blocks.size() && i < 3; i++) {
            if (blocks.get(i).kind() == BodyBlock.Kind.PARAGRAPH) {
                return i;
            }
        }
        return -1;
    }

    /** First sentence of a paragraph, without its full stop; shortened at a word boundary when very long. */
    static String firstSentence(String paragraph) {
        String p = paragraph.trim();
        java.util.regex.Matcher m = SENTENCE_END.matcher(p);
        String s = m.find() ? p.substring(0, m.start()) : p;
        s = s.replaceAll("[.]$", "").trim();
        return TextHygiene.shorten(s, DERIVED_HEADLINE_MAX);
    }

    /** Removes the dateline from the start of a block's inline HTML; falls back to plain text when unsure. */
    static String stripLeading(String html, String written, String rest) {
        if (html == null) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        int toConsume = written.replaceAll("\\s+", "").length();
        List<TextNode> texts = new ArrayList<>();
        collectText(body, texts);
        for (TextNode t : texts) {
            if (toConsume <= 0) {
                break;
            }
            String s = t.getWholeText();
            int i = 0;
            while (i < s.length() && toConsume > 0) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    toConsume--;
                }
                i++;
            }
            t.text(s.substring(i));
        }
        for (Element e : body.getAllElements()) {
            if (e != body && e.text().isBlank() && e.childrenSize() == 0 && !e.normalName().equals("br")) {
                e.remove();
            }
        }
        String out = body.html().trim();
        String plain = TextHygiene.clean(Jsoup.parseBodyFragment(out).text());
        return plain.replace(" ", "").equals(rest.replace(" ", "")) ? out.replaceFirst("^\\s+", "") : null;
    }

    private static void collectText(Node n, List<TextNode> out) {
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) {
                out.add(t);
            } else {
                collectText(c, out);
            }
        }
    }

    private static List<Subject> subjects(DraftArticle d) {
        Map<String, Subject> out = new LinkedHashMap<>();
        List<String[]> mappedFrom = new ArrayList<>();
        for (String[] s : d.subjects) {
            String code = s[0];
            if (!out.containsKey(code)) {
                out.put(code, Subject.newBuilder().setCode(code).setName(s[1]).setRelevance(null).setOrigin("source").build());
            } else if (out.get(code).getName() == null && s[1] != null) {
                out.get(code).setName(s[1]);
            }
            mappedFrom.add(s);
        }
        for (String[] s : mappedFrom) {
            for (SubjectMapper.Topic t : SubjectMapper.map(s[0])) {
                out.putIfAbsent(t.code(), Subject.newBuilder().setCode(t.code()).setName(t.name()).setRelevance(null)
                        .setOrigin("mapped").build());
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * urn:wirestream:&lt;agency&gt;:&lt;format id&gt; when the format (or ingest) gave an id, else
     * urn:wirestream:&lt;agency&gt;:hash:&lt;content hash&gt;. Characters a URI cannot hold are percent-encoded.
     */
    static String uri(RawItem raw, DraftArticle d, String headline, List<String> paragraphs) {
        String agency = agencyKey(raw.getAgency());
        String id = d.guid;
        if (id == null || id.isBlank()) {
            id = raw.getSourceItemId();
        }
        if (id == null || id.isBlank()) {
            String url = transportUrl(raw);
            id = url;
        }
        if (id == null || id.isBlank()) {
            return "urn:wirestream:" + agency + ":hash:" + ContentHash.of(d.slug, headline, String.join("\n", paragraphs));
        }
        return "urn:wirestream:" + agency + ":" + encode(id.trim());
    }

    /** The story uri an agency's own id maps to (used for package members and other references). */
    public static String storyUri(String agency, String id) {
        return "urn:wirestream:" + agencyKey(agency) + ":" + encode(id.trim());
    }

    private static String transportUrl(RawItem raw) {
        if (raw.getTransport() == null) {
            return null;
        }
        for (String key : new String[] {"url", "source-url", "sourceUrl", "page-url", "link"}) {
            String v = raw.getTransport().get(key);
            if (v != null && v.matches("(?i)https?://\\S+")) {
                return v;
            }
        }
        return null;
    }

    /**
     * The agency as it stands in story uris. Agencies are case-sensitive names (credentials say "AP" and "ap" are two
     * agencies), so two agencies must never share a key. A name that is already a plain lower-case key
     * ({@code [a-z0-9._-]+}) is its own key, as it always was, so stored uris stay valid. Any other name keeps the old
     * readable form and adds {@code ~} (which no plain key holds) and a digest of the exact name: "AP" becomes
     * "ap~" + 16 hex digits, distinct from "ap" and from "Ap".
     */
    public static String agencyKey(String agency) {
        if (agency == null) {
            return "unknown";
        }
        if (PLAIN_AGENCY.matcher(agency).matches()) {
            return agency;
        }
        String a = agency.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return (a.isEmpty() ? "unknown" : a) + "~" + ContentHash.hex(agency, 16);
    }

    private static final Pattern PLAIN_AGENCY = Pattern.compile("[a-z0-9._-]+");

    private static String encode(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#@!$&'()*+,;=%".indexOf(c) >= 0;
            if (ok && c != '%') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        String s = sb.toString();
        try {
            new URI("urn:x:" + s);
            return s;
        } catch (URISyntaxException e) {
            return s.replace("#", "%23");
        }
    }
}

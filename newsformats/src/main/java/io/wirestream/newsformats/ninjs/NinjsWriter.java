package io.wirestream.newsformats.ninjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.Entity;
import io.wirestream.avro.Headline;
import io.wirestream.avro.Provider;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.SourceId;
import io.wirestream.avro.Subject;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Renders a canonical {@link Article} as an IPTC ninjs 2.x JSON document.
 *
 * <p>Only properties defined by ninjs 2.0 are used for the standard part (2.1 and 2.2 only added properties), so
 * an {@link NinjsProfile#OFFICIAL} document validates against every official 2.x schema. What the story says about
 * its origin goes into ninjs's own fields: the dateline place is {@code located}; the agency that sent the story, the
 * provider the item names and the source named in the dateline are {@code infosources} with their role from the IPTC
 * Content Production Party Role NewsCodes ({@value #ROLE_DISTRIBUTOR}, {@value #ROLE_ORIGINATING_CONTENT},
 * {@value #ROLE_ORIGINATING_SOURCE}); the rights are {@code copyrightholder}, {@code copyrightnotice} and
 * {@code usageterms}; the publisher's tag line is a description with the role {@value #TAGLINE_ROLE}; and keywords, for which ninjs 2.x has no property of its own
 * (no ninjs version has one), are subjects whose literal is {@value #KEYWORD_PREFIX} and the keyword.
 * Fields that ninjs has no property for (signals, the dateline as written, full entities, related links, the
 * duplicate cluster, raw reference, receipt and processing times, and the provider with the field it was read from)
 * are kept under the single
 * {@value #EXTENSION_PROPERTY} property when the {@link NinjsProfile#WITH_PIPELINE_EXTENSION} profile is asked for;
 * the extension also keeps its own copy of the dateline source, tag line and keywords as before.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NinjsWriter {

    /** The one namespaced property that holds pipeline-only fields. */
    public static final String EXTENSION_PROPERTY = "wirestream";
    /** ninjs version the standard part follows. */
    public static final String NINJS_VERSION = "2.2";
    public static final String NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    /** Scheme used when a story id is not an absolute URI: ninjs requires {@code uri} to be one. */
    public static final String URN_PREFIX = "urn:wirestream:story:";
    /** IPTC Content Production Party Role NewsCodes: the party that distributed the content (the agency that sent it). */
    public static final String ROLE_DISTRIBUTOR = "http://cv.iptc.org/newscodes/contentprodpartyrole/distributor";
    /** IPTC Content Production Party Role NewsCodes: the party that originated the content (the provider the item names). */
    public static final String ROLE_ORIGINATING_CONTENT = "http://cv.iptc.org/newscodes/contentprodpartyrole/origcont";
    /** IPTC Content Production Party Role NewsCodes: the originating source of the information (the dateline's source). */
    public static final String ROLE_ORIGINATING_SOURCE = "http://cv.iptc.org/newscodes/contentprodpartyrole/originfo";
    /** The description role of the publisher's tag line (ninjs description roles are free text). */
    public static final String TAGLINE_ROLE = "tagline";
    /** The literal prefix of a subject that is one of the story's keywords. */
    public static final String KEYWORD_PREFIX = "keyword:";
    private static final String MEDIATOPIC_PREFIX = "medtop:";
    private static final String MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/";
    private static final java.util.regex.Pattern RFC3986_CHARACTERS =
            java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

    private final ObjectMapper mapper;
    private final NinjsProfile profile;

    public NinjsWriter(NinjsProfile profile) {
        this(profile, new ObjectMapper());
    }

    public NinjsWriter(NinjsProfile profile, ObjectMapper mapper) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.mapper = mapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Standard ninjs only. */
    public static NinjsWriter official() {
        return new NinjsWriter(NinjsProfile.OFFICIAL);
    }

    /** Standard ninjs plus the {@value #EXTENSION_PROPERTY} property. */
    public static NinjsWriter withPipelineExtension() {
        return new NinjsWriter(NinjsProfile.WITH_PIPELINE_EXTENSION);
    }

    public NinjsProfile profile() {
        return profile;
    }

    /** The document as a compact JSON string. */
    public String toJson(Article article) {
        return write(toTree(article));
    }

    /** The document as UTF-8 JSON bytes. */
    public byte[] toBytes(Article article) {
        return toJson(article).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The marker that replaces a killed story: just enough for a consumer to know the story is withdrawn (uri,
     * version, pubstatus canceled) and nothing of the withdrawn content.
     */
    public String toWithdrawnMarkerJson(Article kill) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("uri", ninjsUri(kill.getUri()));
        doc.put("type", "text");
        doc.put("version", Long.toString(kill.getVersion()));
        doc.put("versioncreated", instant(kill.getVersioncreated()));
        doc.put("pubstatus", PubStatus.canceled.name());
        doc.put("ednote", "This story has been withdrawn.");
        addAltIds(doc, kill);
        doc.set("standard", standard());
        if (profile == NinjsProfile.WITH_PIPELINE_EXTENSION) {
            ObjectNode ext = doc.putObject(EXTENSION_PROPERTY);
            ext.put("storyUri", kill.getUri());
            ext.put("agency", kill.getAgency());
            ext.put("withdrawn", true);
        }
        return write(doc);
    }

    /** The document as a Jackson tree, for callers that embed it in a larger response. */
    public ObjectNode toTree(Article a) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("uri", ninjsUri(a.getUri()));
        doc.put("type", "text");
        doc.put("representationtype", "full");
        doc.put("version", Long.toString(a.getVersion()));
        if (a.getFirstcreated() != null) {
            doc.put("firstcreated", instant(a.getFirstcreated()));
        }
        doc.put("versioncreated", instant(a.getVersioncreated()));
        if (a.getEmbargoed() != null) {
            doc.put("embargoed", instant(a.getEmbargoed()));
        }
        doc.put("pubstatus", a.getPubstatus() == null ? PubStatus.usable.name() : a.getPubstatus().name());
        if (a.getUrgency() != null) {
            doc.put("urgency", a.getUrgency());
        }
        putIfPresent(doc, "copyrightholder", a.getCopyrightholder());
        putIfPresent(doc, "copyrightnotice", a.getCopyrightnotice());
        putIfPresent(doc, "usageterms", a.getUsageterms());
        putIfPresent(doc, "language", a.getLanguage());
        putIfPresent(doc, "by", a.getByline());
        putIfPresent(doc, "located", a.getLocated());

        ArrayNode headlines = doc.putArray("headlines");
        headlines.addObject().put("role", "main").put("value", a.getHeadline());
        for (Headline h : nullSafe(a.getHeadlines())) {
            if (!"main".equals(h.getRole()) || !h.getValue().equals(a.getHeadline())) {
                headlines.addObject().put("role", h.getRole()).put("value", h.getValue());
            }
        }
        addDescriptions(doc, a);
        addBodies(doc, a);
        addSubjects(doc, a);
        addEntities(doc, a);
        addInfoSources(doc, a);
        addAltIds(doc, a);
        doc.set("standard", standard());

        if (profile == NinjsProfile.WITH_PIPELINE_EXTENSION) {
            doc.set(EXTENSION_PROPERTY, pipelineExtension(a));
        }
        return doc;
    }

    /** The uri a ninjs document carries for a story id; the id itself if it is already an absolute URI. */
    public static String ninjsUri(String storyUri) {
        if (isAbsoluteUri(storyUri)) {
            return storyUri;
        }
        return URN_PREFIX + URLEncoder.encode(storyUri, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void addBodies(ObjectNode doc, Article a) {
        String text = String.join("\n\n", nullSafe(a.getBodyParagraphs()));
        boolean hasHtml = a.getBodyHtml() != null && !a.getBodyHtml().isBlank();
        if (text.isEmpty() && !hasHtml) {
            return;
        }
        ArrayNode bodies = doc.putArray("bodies");
        if (hasHtml) {
            bodies.addObject().put("role", "main").put("contenttype", "text/html")
                    .put("charcount", text.length()).put("wordcount", wordCount(text))
                    .put("value", a.getBodyHtml());
        }
        if (!text.isEmpty()) {
            bodies.addObject().put("role", "text").put("contenttype", "text/plain")
                    .put("charcount", text.length()).put("wordcount", wordCount(text))
                    .put("value", text);
        }
    }

    private static void addDescriptions(ObjectNode doc, Article a) {
        boolean summary = a.getDescription() != null && !a.getDescription().isBlank();
        boolean tagline = a.getTagline() != null && !a.getTagline().isBlank();
        if (!summary && !tagline) {
            return;
        }
        ArrayNode descriptions = doc.putArray("descriptions");
        if (summary) {
            descriptions.addObject().put("role", "summary").put("value", a.getDescription());
        }
        if (tagline) {
            descriptions.addObject().put("role", TAGLINE_ROLE).put("value", a.getTagline());
        }
    }

    /**
     * The agency that sent the story, the provider the item names as who wrote it, and the source its dateline names
     * ("MOSCOW (Sputnik) -"), each with its role; the provider's known agency key, when it has one, is its literal.
     */
    private static void addInfoSources(ObjectNode doc, Article a) {
        boolean agency = a.getAgency() != null && !a.getAgency().isBlank();
        Provider provider = a.getProvider();
        boolean named = provider != null && provider.getName() != null && !provider.getName().isBlank();
        boolean datelineSource = a.getDatelineSource() != null && !a.getDatelineSource().isBlank();
        if (!agency && !named && !datelineSource) {
            return;
        }
        ArrayNode infosources = doc.putArray("infosources");
        if (agency) {
            infosources.addObject().put("name", a.getAgency()).put("role", ROLE_DISTRIBUTOR);
        }
        if (named) {
            ObjectNode node = infosources.addObject().put("name", provider.getName()).put("role", ROLE_ORIGINATING_CONTENT);
            putIfPresent(node, "literal", provider.getKey());
        }
        if (datelineSource) {
            infosources.addObject().put("name", a.getDatelineSource()).put("role", ROLE_ORIGINATING_SOURCE);
        }
    }

    private void addSubjects(ObjectNode doc, Article a) {
        List<Subject> subjects = nullSafe(a.getSubjects());
        List<String> keywords = nullSafe(a.getKeywords()).stream().filter(k -> k != null && !k.isBlank()).toList();
        if (subjects.isEmpty() && keywords.isEmpty()) {
            return;
        }
        ArrayNode out = doc.putArray("subjects");
        for (Subject s : subjects) {
            ObjectNode node = out.addObject();
            putIfPresent(node, "name", s.getName());
            node.put("literal", s.getCode());
            if (s.getCode().startsWith(MEDIATOPIC_PREFIX)) {
                String topicUri = MEDIATOPIC_URI + s.getCode().substring(MEDIATOPIC_PREFIX.length());
                if (isAbsoluteUri(topicUri)) {
                    node.put("uri", topicUri);
                }
            }
            // ninjs has no relevance or origin on a subject; 'rel' says how we came to it (source/mapped/inferred)
            node.put("rel", s.getOrigin());
        }
        for (String keyword : keywords) {
            // ninjs 2.x has no keywords property: a keyword is a subject without a code, as providers send them
            out.addObject().put("name", keyword).put("literal", KEYWORD_PREFIX + keyword).put("rel", "source");
        }
    }

    private void addEntities(ObjectNode doc, Article a) {
        ArrayNode people = null;
        ArrayNode organisations = null;
        ArrayNode places = null;
        for (Entity e : nullSafe(a.getEntities())) {
            ArrayNode target = switch (e.getType()) {
                case PERSON -> people == null ? (people = doc.putArray("people")) : people;
                case ORGANISATION -> organisations == null ? (organisations = doc.putArray("organisations")) : organisations;
                case PLACE -> places == null ? (places = doc.putArray("places")) : places;
                case OTHER -> null; // no ninjs home; kept in the extension
            };
            if (target == null) {
                continue;
            }
            ObjectNode node = target.addObject().put("name", e.getName()).put("rel", "mentioned");
            if (e.getUri() != null && isAbsoluteUri(e.getUri())) {
                node.put("uri", e.getUri());
            }
        }
    }

    private static void addAltIds(ObjectNode doc, Article a) {
        List<SourceId> ids = nullSafe(a.getSourceIds());
        boolean wrapped = !ninjsUri(a.getUri()).equals(a.getUri());
        if (ids.isEmpty() && !wrapped) {
            return;
        }
        ArrayNode altids = doc.putArray("altids");
        if (wrapped) {
            altids.addObject().put("role", "wirestream-story-id").put("value", a.getUri());
        }
        for (SourceId id : ids) {
            altids.addObject().put("role", id.getScheme()).put("value", id.getValue());
        }
    }

    private ObjectNode standard() {
        ObjectNode std = mapper.createObjectNode();
        std.put("name", "ninjs").put("version", NINJS_VERSION).put("schema", NINJS_SCHEMA_URI);
        return std;
    }

    private ObjectNode pipelineExtension(Article a) {
        ObjectNode ext = mapper.createObjectNode();
        ext.put("storyUri", a.getUri());
        ext.put("version", a.getVersion());
        ext.put("agency", a.getAgency());
        putIfPresent(ext, "sourceFormat", a.getSourceFormat());
        Provider provider = a.getProvider();
        if (provider != null) {
            ObjectNode node = ext.putObject("provider").put("name", provider.getName());
            putIfPresent(node, "key", provider.getKey());
            putIfPresent(node, "from", provider.getFrom());
        }
        stringArray(ext, "signals", a.getSignals());
        putIfPresent(ext, "dateline", a.getDateline());
        putIfPresent(ext, "datelineSource", a.getDatelineSource());
        putIfPresent(ext, "tagline", a.getTagline());
        stringArray(ext, "keywords", a.getKeywords());
        ArrayNode subjects = ext.putArray("subjects");
        for (Subject s : nullSafe(a.getSubjects())) {
            ObjectNode node = subjects.addObject().put("code", s.getCode()).put("origin", s.getOrigin());
            if (s.getRelevance() != null) {
                node.put("relevance", s.getRelevance());
            }
        }
        ArrayNode entities = ext.putArray("entities");
        for (Entity e : nullSafe(a.getEntities())) {
            ObjectNode node = entities.addObject().put("name", e.getName()).put("type", e.getType().name())
                    .put("mentionCount", e.getMentionCount()).put("confidence", e.getConfidence());
            putIfPresent(node, "uri", e.getUri());
            stringArray(node, "mentions", e.getMentions());
        }
        ArrayNode related = ext.putArray("related");
        for (RelatedLink r : nullSafe(a.getRelated())) {
            ObjectNode node = related.addObject();
            putIfPresent(node, "uri", r.getUri());
            putIfPresent(node, "title", r.getTitle());
            node.put("score", r.getScore()).put("reason", r.getReason()).put("origin", r.getOrigin());
        }
        DuplicateCluster d = a.getDuplicates();
        if (d != null) {
            ObjectNode node = ext.putObject("duplicates");
            node.put("clusterId", d.getClusterId()).put("firstUri", d.getFirstUri())
                    .put("firstAgency", d.getFirstAgency()).put("firstWiredAt", instant(d.getFirstWiredAt()));
            stringArray(node, "alsoCarriedBy", d.getAlsoCarriedBy());
            stringArray(node, "memberUris", d.getMemberUris());
        }
        RawRef raw = a.getRaw();
        if (raw != null) {
            ObjectNode node = ext.putObject("raw");
            node.put("itemId", raw.getItemId());
            putIfPresent(node, "agency", raw.getAgency());
            putIfPresent(node, "topic", raw.getTopic());
            if (raw.getPartition() != null) {
                node.put("partition", raw.getPartition());
            }
            if (raw.getOffset() != null) {
                node.put("offset", raw.getOffset());
            }
        }
        if (a.getReceivedAt() != null) {
            ext.put("receivedAt", instant(a.getReceivedAt()));
        }
        if (a.getProcessedAt() != null) {
            ext.put("processedAt", instant(a.getProcessedAt()));
        }
        return ext;
    }

    private String write(ObjectNode doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; this would be a Jackson bug
            throw new IllegalStateException("cannot serialise ninjs document", e);
        }
    }

    /**
     * An absolute URI as RFC 3986 (and so the ninjs schema's {@code format: uri}) means it: java.net.URI alone also
     * accepts non-ASCII characters, which RFC 3986 does not.
     */
    static boolean isAbsoluteUri(String s) {
        if (s == null || !RFC3986_CHARACTERS.matcher(s).matches()) {
            return false;
        }
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static void stringArray(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        for (String v : nullSafe(values)) {
            array.add(v);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package io.wirestream.enrich.normalise.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.SourceDefaults;
import io.wirestream.enrich.normalise.json.SafeJson;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.TextDecoder;
import io.wirestream.enrich.normalise.xml.Dom;
import io.wirestream.enrich.normalise.xml.SafeXml;
import io.wirestream.newsformats.format.Detection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.w3c.dom.Element;

/**
 * Everything a parser may look at for one payload, and the opening every parser shares: decoding (so every format
 * follows one charset policy), reading the payload as XML, JSON or HTML within the safety limits and the time budget,
 * refusing a root the format does not have, and reading one draft per story with a budget check before each.
 */
public final class ParseInput {

    /** Reads one story of a payload into a draft; {@code null} when the element holds no story to read. */
    @FunctionalInterface
    public interface StoryReader<T> {
        DraftArticle read(T story) throws NormalisationException;
    }

    private final RawItem raw;
    private final byte[] payload;
    private final Detection detection;
    private final NormaliserLimits limits;
    private final Deadline deadline;
    private final List<String> notes = new ArrayList<>();

    public ParseInput(RawItem raw, byte[] payload, Detection detection, NormaliserLimits limits, Deadline deadline) {
        this.raw = raw;
        this.payload = payload;
        this.detection = detection;
        this.limits = limits;
        this.deadline = deadline;
    }

    public RawItem raw() {
        return raw;
    }

    public byte[] payload() {
        return payload;
    }

    public Detection detection() {
        return detection;
    }

    public NormaliserLimits limits() {
        return limits;
    }

    public Deadline deadline() {
        return deadline;
    }

    public String agency() {
        return raw.getAgency();
    }

    /**
     * The zone times written without one are read in while parsing: the one configured for the pushing agency, else
     * for the format, else UTC. The assembler may move them to the zone of the provider the item names.
     */
    public ZoneId zone() {
        return limits.sources().zoneBeforeParse(raw.getAgency(), detection.format())
                .map(SourceDefaults.AssumedZone::zone).orElse(java.time.ZoneOffset.UTC);
    }

    /** Reference instant for dates written without a year or with two digits: the ingest receipt time. */
    public Instant reference() {
        return raw.getReceivedAt();
    }

    /** Decoding notes and other payload-level observations. */
    public List<String> notes() {
        return notes;
    }

    /** XML text: the encoding declaration, else the Content-Type charset, else sniffed. */
    public String xmlText() {
        String declared = TextDecoder.xmlDeclaredEncoding(payload);
        if (declared == null) {
            declared = TextDecoder.contentTypeCharset(raw.getContentType());
        }
        return decode(declared);
    }

    /** HTML text: the meta charset, else the Content-Type charset, else sniffed. */
    public String htmlText() {
        String declared = TextDecoder.htmlDeclaredCharset(payload);
        if (declared == null) {
            declared = TextDecoder.contentTypeCharset(raw.getContentType());
        }
        return decode(declared);
    }

    /** Other text (JSON, plain text, wire envelopes): the Content-Type charset, else sniffed. */
    public String plainText() {
        return decode(TextDecoder.contentTypeCharset(raw.getContentType()));
    }

    /** The payload as XML (entities refused, depth and size bounded): its root element, read within the budget. */
    public Element xmlRoot() throws NormalisationException {
        Element root = SafeXml.parse(xmlText(), limits).getDocumentElement();
        deadline.check();
        return root;
    }

    /** Like {@link #xmlRoot()}, refused as {@code unexpected-root} unless the root is {@code <expectedRoot>}. */
    public Element xmlRoot(String expectedRoot, String formatName) throws NormalisationException {
        Element root = xmlRoot();
        if (!expectedRoot.equals(Dom.local(root))) {
            throw refusal("unexpected-root", formatName + " expected, root is <" + Dom.local(root) + ">");
        }
        return root;
    }

    /** The payload as JSON (depth, string and number length bounded), read within the budget. */
    public JsonNode jsonRoot() throws NormalisationException {
        JsonNode root = SafeJson.parse(plainText(), limits);
        deadline.check();
        return root;
    }

    /** The payload as an HTML page, links resolved against the transport's {@code url} when ingest gave one. */
    public Document htmlDocument() {
        Document doc = Jsoup.parse(htmlText(), transportUrl());
        deadline.check();
        return doc;
    }

    /** The page url ingest recorded for the item, or "" when there is none. */
    public String transportUrl() {
        return raw.getTransport() == null ? "" : raw.getTransport().getOrDefault("url", "");
    }

    /** One draft per story, in order, with a budget check before each; a story read as {@code null} is left out. */
    public <T> List<DraftArticle> readEach(Collection<T> stories, StoryReader<T> reader) throws NormalisationException {
        List<DraftArticle> out = new ArrayList<>();
        for (T story : stories) {
            deadline.check();
            DraftArticle d = reader.read(story);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** A parse-stage refusal: the bytes do not hold what the format needs ({@code malformed-anpa}, ...). */
    public static NormalisationException refusal(String reason, String detail) {
        return new NormalisationException("parse", reason, detail);
    }

    private String decode(String declared) {
        TextDecoder.Decoded d = TextDecoder.decode(payload, declared);
        if (d.note() != null) {
            notes.add("charset: " + d.note());
        }
        return d.text();
    }
}

package io.wirestream.enrich.normalise.parse;

import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.text.TextDecoder;
import io.wirestream.newsformats.format.Detection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Everything a parser may look at for one payload. Decoding is done here so every format follows one charset policy. */
public final class ParseInput {

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

    /** The zone this agency means when it writes a time without one. */
    public ZoneId zone() {
        return limits.zoneFor(raw.getAgency());
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

    private String decode(String declared) {
        TextDecoder.Decoded d = TextDecoder.decode(payload, declared);
        if (d.note() != null) {
            notes.add("charset: " + d.note());
        }
        return d.text();
    }
}

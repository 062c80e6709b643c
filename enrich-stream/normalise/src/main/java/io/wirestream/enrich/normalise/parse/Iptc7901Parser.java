package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.model.DraftHeadline;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.provider.ProviderChoice;
import io.wirestream.enrich.normalise.text.EditorialSignals;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextHygiene;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.newsformats.format.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPTC 7901 (dpa's English service and others), CRLF text framed by control characters: SOH and a header line
 * (source and sequence, priority digit, category of one to three letters, word count, optional information: address,
 * the agency's name, its own number), keyword lines ending in '/',
 * STX and the headline (terminated by " ="; a short all-capitals line above it is a kicker such as EXTRA), indented
 * paragraphs with hard-wrapped lines, and ETX followed by the filing time as DDHHMM GMT Mon YY. A "# Notebook"
 * section after the story is not body: its markdown links become publisher links, and everything after a
 * "not for publication" line is dropped. The format has no story id, so the assembler derives one from the content.
 */
public final class Iptc7901Parser implements FormatParser {

    private static final Pattern HEADER = Pattern.compile(
            "^\\x16*\\x01([A-Za-z]{0,10})(\\d{0,6})\\s+(\\d)\\s+([A-Za-z]{1,3})\\s+(\\d+)\\s*(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]{1,200})\\]\\((https?://[^)\\s]+)\\)");
    private static final Pattern NOT_FOR_PUBLICATION = Pattern.compile(
            "(?i)(not (intended )?for publication|nicht zur ver[öo]ffentlichung)");

    @Override
    public WireFormat format() {
        return WireFormat.IPTC_7901;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        String all = in.plainText();
        List<DraftArticle> out = new ArrayList<>();
        int from = all.indexOf('\u0001');
        if (from < 0) {
            from = 0;
        }
        while (from < all.length()) {
            in.deadline().check();
            int next = all.indexOf('\u0001', from + 1);
            String msg = all.substring(from, next < 0 ? all.length() : next);
            DraftArticle d = read(msg, in);
            if (d != null) {
                out.add(d);
            }
            if (next < 0) {
                break;
            }
            from = next;
        }
        if (out.isEmpty()) {
            throw ParseInput.refusal("malformed-7901", "no STX-framed IPTC 7901 text in the payload");
        }
        return out;
    }

    private DraftArticle read(String msg, ParseInput in) {
        int stx = msg.indexOf('\u0002');
        if (stx < 0) {
            return null;
        }
        DraftArticle d = new DraftArticle();
        d.setItemClass("iptc-7901 text");
        List<String> headerLines = TextHygiene.lines(msg.substring(0, stx));
        if (!headerLines.isEmpty()) {
            Matcher h = HEADER.matcher(msg.substring(0, msg.indexOf('\n') < 0 ? stx : Math.min(stx, msg.indexOf('\n')))
                    .replace("\r", ""));
            if (h.find()) {
                if (!h.group(1).isEmpty()) {
                    d.addSourceId("iptc7901:source", h.group(1));
                }
                if (!h.group(2).isEmpty()) {
                    d.addSourceId("iptc7901:sequence", h.group(2));
                }
                d.setUrgency(Integer.parseInt(h.group(3)));
                d.addSubject("iptc7901-category:" + h.group(4).toLowerCase(Locale.ROOT), null);
                d.addSourceId("iptc7901:word-count", h.group(5));
                String extra = h.group(6).trim().replaceAll("\\s+", " ");
                if (!extra.isEmpty()) {
                    d.addSourceId("iptc7901:address", extra);
                }
                readProvider(extra, d);
            }
        }
        List<String> slugParts = new ArrayList<>();
        for (int i = 1; i < headerLines.size(); i++) {
            String line = headerLines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            slugParts.add(line);
        }
        if (!slugParts.isEmpty()) {
            String slug = String.join(" ", slugParts).replaceAll("/+$", "").trim();
            d.setSlug(slug);
            d.addSourceId("iptc7901:keyword", slug);
            for (String k : slug.split("/")) {
                d.addKeyword(k);
            }
            for (String part : slug.split("/")) {
                d.addSignals(EditorialSignals.fromAdvisoryText(part)); // capitals only: "STORNO", "KORREKTUR"
            }
        }

        int etx = msg.indexOf('\u0003', stx);
        String text = msg.substring(stx + 1, etx < 0 ? msg.length() : etx);
        if (etx >= 0) {
            d.setVersionCreated(WireDates.parse7901Trailer(msg.substring(etx + 1), in.zone(), in.reference()));
        }
        List<String> lines = TextHygiene.lines(text);

        // headline: lines up to the one ending in '=' (or up to the first blank line)
        List<String> head = new ArrayList<>();
        int i = 0;
        boolean terminated = false;
        for (; i < lines.size() && head.size() < 6; i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                if (!head.isEmpty()) {
                    break;
                }
                continue;
            }
            if (line.endsWith("=")) {
                head.add(line.substring(0, line.length() - 1).trim());
                terminated = true;
                i++;
                break;
            }
            head.add(line);
        }
        if (!terminated && head.size() > 1) {
            // no terminator: only the first line is the headline
            i -= head.size() - 1;
            head = new ArrayList<>(head.subList(0, 1));
        }
        if (head.size() > 1 && isKicker(head.get(0))) {
            String kicker = head.remove(0);
            d.addHeadline("kicker", kicker);
            EditorialSignals.readAdvisory(d, kicker);
        }
        if (!head.isEmpty()) {
            d.setHeadline(TextHygiene.reflow(head));
        }
        List<String> embargoLines = new ArrayList<>(headerLines);
        for (DraftHeadline h : d.headlines()) {
            embargoLines.add(h.text());
        }
        for (String line : embargoLines) {
            if (!io.wirestream.enrich.normalise.text.Embargoes.isMarker(line)) {
                continue;
            }
            WireTime t = io.wirestream.enrich.normalise.text.Embargoes.find(line, in.zone(), in.reference());
            if (t != null && d.embargoed() == null) {
                d.setEmbargoed(t);
            } else if (!d.embargoMarkers().contains(line.trim())) {
                d.addEmbargoMarker(line.trim()); // read against the item's own time by the assembler
            }
        }

        // body and notebook
        StringBuilder body = new StringBuilder();
        boolean notebook = false;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.trim();
            if (NOT_FOR_PUBLICATION.matcher(t).find()) {
                break;
            }
            if (t.startsWith("#")) {
                notebook = true;
                continue;
            }
            if (notebook) {
                Matcher link = LINK.matcher(t);
                while (link.find()) {
                    d.addRelated(link.group(2), link.group(1), "publisher link (notebook)");
                }
                continue;
            }
            body.append(line).append('\n');
        }
        for (String p : PlainTextParagraphs.of(body.toString())) {
            if (!TextHygiene.isRule(p)) {
                d.addBodyBlock(BodyBlock.paragraph(p));
            }
        }
        return d;
    }

    /**
     * The provider, from the header's optional information: 7901 has no provider field, and its source
     * identification letters ({@code xyz} in {@code xyz042}) are the sender's own channel codes, which no public list
     * maps to an agency. Agencies write their name there after the address ({@code abcde   dpa 061},
     * {@code abcde KNA 240115-99-000042#2}); the first word that is a known agency's name is the provider, and with
     * none the provider stays unknown.
     */
    static void readProvider(String optionalInformation, DraftArticle d) {
        ProviderChoice choice = new ProviderChoice();
        for (String word : optionalInformation.split(" ")) {
            choice.ifKnown(word, "IPTC 7901 header");
        }
        choice.applyTo(d);
    }

    /** "EXTRA", "URGENT", "CORRECTION": one to three words, all capitals. */
    static boolean isKicker(String line) {
        String t = line.trim();
        return t.length() <= 30 && t.split("\\s+").length <= 3 && t.equals(t.toUpperCase(Locale.ROOT))
                && t.chars().anyMatch(Character::isLetter);
    }
}

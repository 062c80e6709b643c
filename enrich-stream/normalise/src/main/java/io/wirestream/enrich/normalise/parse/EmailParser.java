package io.wirestream.enrich.normalise.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.json.SafeJson;
import io.wirestream.enrich.normalise.model.BodyBlock;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.PlainTextParagraphs;
import io.wirestream.enrich.normalise.text.TextDecoder;
import io.wirestream.enrich.normalise.text.WireDates;
import io.wirestream.newsformats.format.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stories submitted by e-mail (RFC 5322 with MIME). The story is the message's text: a JSON part (a ninjs-like
 * object, read as ninjs) first, else the text/plain part, else a form submission
 * ({@code application/x-www-form-urlencoded} with headline and body fields), else the text/html part; attachments
 * other than JSON are not story text. The message header fills what the story does not say itself: Subject is the
 * headline (without "Re:"/"Fwd:"), Date the version time, Message-ID the story id, the From display name the
 * byline (the address is kept as a source id), Keywords and Content-Language as sent. A signature after the
 * "-- " line, the header block of a forwarded message at the top and a quoted earlier message at the end are not
 * story text.
 */
public final class EmailParser implements FormatParser {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i:(?:re|fwd?|aw|wg|sv|vs)\\s*(?:\\[\\d+\\])?:\\s*)+");
    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>|([^\\s<>\"(),;]+@[^\\s<>\"(),;]+)");
    private static final Pattern COMMENT = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^-- ?\\r?$");
    /** The line a mail program puts above a forwarded message's header block. */
    private static final Pattern FORWARD_MARKER = Pattern.compile("(?i)^\\s*(?:-{2,}\\s*(?:forwarded message|original message"
            + "|weitergeleitete nachricht|urspr\u00fcngliche nachricht|message transf\u00e9r\u00e9|videresendt melding"
            + "|vidarebefordrat meddelande)\\s*-{2,}|begin forwarded message:)\\s*$");
    private static final Pattern HEADER_FIELD = Pattern.compile("^\\s*\\*?[\\p{L}-]{2,20}\\*?:\\s.*$");
    private static final Pattern QUOTE_INTRO = Pattern.compile("(?i)^(?:on .{5,200} wrote:|am .{5,200} schrieb .{1,100}:)\\s*$");

    @Override
    public WireFormat format() {
        return WireFormat.EMAIL;
    }

    @Override
    public List<DraftArticle> parse(ParseInput in) throws NormalisationException {
        MailMessage message = MailMessage.parse(in.payload(), in.deadline());
        MailMessage story = storyPart(message);
        List<DraftArticle> drafts = story == null ? new ArrayList<>() : read(story, in);
        if (drafts.isEmpty()) {
            // a message with only attachments (or none of the parts read) still has its subject to go by
            drafts = List.of(new DraftArticle());
            drafts.get(0).addNote("e-mail without a readable text part; only the header was read");
        }
        for (DraftArticle d : drafts) {
            fillFromHeader(d, message, in);
        }
        return drafts;
    }

    /** The part that holds the story: JSON, then text/plain, then a form, then HTML; depth first, in order. */
    static MailMessage storyPart(MailMessage message) {
        List<MailMessage> leaves = new ArrayList<>();
        collectLeaves(message, leaves);
        for (String wanted : new String[] {"json", "text/plain", "application/x-www-form-urlencoded", "text/html"}) {
            for (MailMessage leaf : leaves) {
                MailMessage.MediaType type = leaf.mediaType();
                boolean json = type.isJson();
                if (leaf.isAttachment() && !json) {
                    continue;
                }
                if (wanted.equals("json") ? json : type.type().equals(wanted)) {
                    return leaf;
                }
            }
        }
        return null;
    }

    private static void collectLeaves(MailMessage m, List<MailMessage> out) {
        if (m.mediaType().isMultipart()) {
            for (MailMessage part : m.parts()) {
                collectLeaves(part, out);
            }
        } else {
            out.add(m);
        }
    }

    private static List<DraftArticle> read(MailMessage part, ParseInput in) throws NormalisationException {
        MailMessage.MediaType type = part.mediaType();
        TextDecoder.Decoded decoded = part.text();
        if (decoded.note() != null) {
            in.notes().add("charset: " + decoded.note());
        }
        String text = decoded.text();
        String trimmed = text.strip();
        boolean jsonObject = trimmed.startsWith("{") && trimmed.endsWith("}");
        if (type.isJson() || type.type().equals("text/plain") && jsonObject) {
            List<DraftArticle> fromJson = readJson(trimmed, in, type.isJson());
            if (fromJson != null) {
                return fromJson;
            }
        }
        DraftArticle d = new DraftArticle();
        switch (type.type()) {
            case "application/x-www-form-urlencoded" -> FormSubmission.read(trimmed, type.charset(), d);
            case "text/html" -> d.setBodyHtml(text);
            default -> {
                for (String p : PlainTextParagraphs.of(withoutQuotedReply(withoutForwardHeader(withoutSignature(text))))) {
                    d.addBodyBlock(BodyBlock.paragraph(p));
                }
            }
        }
        return List.of(d);
    }

    /** A ninjs-like object (or an array of them); {@code null} when text/plain only looked like JSON. */
    private static List<DraftArticle> readJson(String json, ParseInput in, boolean declared)
            throws NormalisationException {
        JsonNode root;
        try {
            root = SafeJson.parse(json, in.limits());
        } catch (NormalisationException e) {
            if (declared || !e.reason().equals("malformed-json")) {
                throw e;
            }
            return null;
        }
        List<JsonNode> objects = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(objects::add);
        } else {
            objects.add(root);
        }
        return in.readEach(objects, o -> o.isObject() ? NinjsParser.read(o, in) : null);
    }

    private static void fillFromHeader(DraftArticle d, MailMessage message, ParseInput in) {
        d.setItemClass(d.textItem() && d.itemClass() != null && d.itemClass().startsWith("ninjs")
                ? "email " + d.itemClass() : d.textItem() ? "email text" : d.itemClass());
        String messageId = message.header("Message-ID");
        if (messageId != null) {
            String id = messageId.replaceAll("^<|>$", "").trim();
            d.addSourceId("email:message-id", id);
            if (d.formatId() == null && !id.isEmpty()) {
                d.setFormatId(id);
            }
        }
        String subject = message.header("Subject");
        if (subject != null) {
            String headline = REPLY_PREFIX.matcher(subject).replaceFirst("").trim();
            if (d.headline() == null && !headline.isEmpty()) {
                d.setHeadline(headline);
            } else if (d.headline() != null && !headline.isEmpty() && !headline.equals(d.headline())) {
                d.addHeadline("subject", headline);
            }
        }
        String date = message.header("Date");
        if (d.versionCreated() == null && date != null) {
            d.setVersionCreated(WireDates.parse(COMMENT.matcher(date).replaceAll(""), in.zone()));
        }
        String from = message.header("From");
        if (from != null) {
            Matcher m = ADDRESS.matcher(from);
            String address = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
            d.addSourceId("email:from", address != null ? address : from);
            String name = displayName(from);
            if (d.byline() == null && name != null) {
                d.setByline(name);
            }
        }
        String keywords = message.header("Keywords");
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                d.addKeyword(k.trim());
            }
        }
        if (d.language() == null) {
            d.setLanguage(message.header("Content-Language"));
        }
    }

    /** "Jane Doe <jane@example.org>" -> "Jane Doe"; "jane@example.org (Jane Doe)" -> "Jane Doe"; a bare address -> none. */
    static String displayName(String from) {
        String f = from.trim();
        int lt = f.indexOf('<');
        String name = null;
        if (lt > 0) {
            name = f.substring(0, lt);
        } else {
            Matcher c = Pattern.compile("\\(([^()]+)\\)").matcher(f);
            if (c.find()) {
                name = c.group(1);
            }
        }
        if (name == null) {
            return null;
        }
        name = name.trim().replaceAll("^\"|\"$", "").replace("\\\"", "\"").trim();
        return name.isEmpty() || name.contains("@") ? null : name;
    }

    /**
     * The text without the header block of a forwarded message at its top ("---------- Forwarded message ---------",
     * then From:, Date:, Subject:, To: lines up to a blank line): a story forwarded to the desk starts after it.
     */
    static String withoutForwardHeader(String text) {
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !FORWARD_MARKER.matcher(lines.get(i)).matches()) {
            return text;
        }
        i++;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++; // Apple Mail leaves a blank line under "Begin forwarded message:"
        }
        int fields = 0;
        while (i < lines.size() && HEADER_FIELD.matcher(lines.get(i)).matches()) {
            i++;
            fields++;
        }
        if (fields == 0 || i >= lines.size() || !lines.get(i).isBlank()) {
            return text;
        }
        String rest = String.join("\n", lines.subList(i, lines.size()));
        return rest.isBlank() ? text : rest;
    }

    /** The text without a quoted earlier message at its end ("On ... wrote:" and its "&gt; " lines). */
    static String withoutQuotedReply(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && (lines.get(start - 1).startsWith(">") || lines.get(start - 1).isBlank() && start < end)) {
            start--;
        }
        if (start == end) {
            return text;
        }
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        int cut = start;
        int intro = start - 1;
        while (intro >= 0 && lines.get(intro).isBlank()) {
            intro--;
        }
        if (intro >= 0 && QUOTE_INTRO.matcher(lines.get(intro).strip()).matches()) {
            cut = intro;
        }
        String kept = String.join("\n", lines.subList(0, cut));
        return kept.isBlank() ? text : kept;
    }

    /** The text above a "-- " signature line (only when something is left above it). */
    static String withoutSignature(String text) {
        Matcher m = SIGNATURE.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last > 0 && !text.substring(0, last).isBlank() ? text.substring(0, last) : text;
    }
}

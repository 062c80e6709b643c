package io.wirestream.enrich.normalise.parse;

import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.text.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of RFC 5322 and MIME (RFC 2045-2047) that e-mailed stories use: a header block (folded lines unfolded,
 * encoded words decoded, raw UTF-8 accepted), a body decoded from its transfer encoding (quoted-printable, base64,
 * 7bit/8bit/binary), and multipart bodies split at their boundary into parts that are messages of their own.
 * Hostile input is bounded: header lines, parts, nesting and boundary length have limits, and a violation is a
 * {@code malformed-email} refusal rather than a long parse.
 *
 * <p>The message is held as ISO-8859-1 text, one char per byte, so splitting at boundaries never touches the bytes of
 * a body; text is decoded with its declared charset only when a body is read.
 */
final class MailMessage {

    static final int MAX_HEADER_LINES = 1_000;
    static final int MAX_PARTS = 100;
    static final int MAX_DEPTH = 5;
    private static final int MAX_BOUNDARY = 200;
    private static final Pattern FIELD = Pattern.compile("^([!-9;-~]{1,76}):[ \\t]?(.*)$");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(?==\\?)");
    private static final Pattern PARAMETER = Pattern.compile(
            ";\\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

    /** A media type and its parameters (names lower case). */
    record MediaType(String type, Map<String, String> parameters) {

        static final MediaType TEXT_PLAIN = new MediaType("text/plain", Map.of());

        static MediaType parse(String value) {
            if (value == null || value.isBlank()) {
                return TEXT_PLAIN;
            }
            int semi = value.indexOf(';');
            String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            Map<String, String> params = new LinkedHashMap<>();
            if (semi >= 0) {
                Matcher m = PARAMETER.matcher(value.substring(semi));
                while (m.find() && params.size() < 32) {
                    String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
                    params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v);
                }
            }
            return new MediaType(type.isEmpty() || !type.contains("/") ? "text/plain" : type, params);
        }

        String charset() {
            return parameters.get("charset");
        }

        boolean isMultipart() {
            return type.startsWith("multipart/");
        }

        boolean isJson() {
            return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
        }
    }

    private record Field(String name, String value) {}

    private final List<Field> fields;
    private final String body;
    private final List<MailMessage> parts;

    private MailMessage(List<Field> fields, String body, List<MailMessage> parts) {
        this.fields = fields;
        this.body = body;
        this.parts = parts;
    }

    /** Reads a whole message, its multipart parts included. */
    static MailMessage parse(byte[] bytes, Deadline deadline) throws NormalisationException {
        int[] partBudget = {MAX_PARTS};
        MailMessage m = parse(new String(bytes, StandardCharsets.ISO_8859_1), 0, partBudget, deadline, true);
        if (m.fields.isEmpty()) {
            throw ParseInput.refusal("malformed-email", "no RFC 822 header fields before the body");
        }
        return m;
    }

    private static MailMessage parse(String raw, int depth, int[] partBudget, Deadline deadline, boolean top)
            throws NormalisationException {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        int lines = 0;
        if (top && raw.startsWith("From ")) {
            pos = nextLine(raw, 0); // an mbox separator line, not a header field
        }
        while (pos < raw.length()) {
            int end = nextLine(raw, pos);
            String line = stripEol(raw.substring(pos, end));
            if (line.isEmpty()) {
                pos = end;
                break;
            }
            if (++lines > MAX_HEADER_LINES) {
                throw ParseInput.refusal("malformed-email", "more than " + MAX_HEADER_LINES + " header lines");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.name(), last.value() + " " + line.trim()));
            } else {
                Matcher m = FIELD.matcher(line);
                if (!m.matches()) {
                    break; // no blank line after the header: what follows is body
                }
                fields.add(new Field(m.group(1), m.group(2).trim()));
            }
            pos = end;
        }
        String body = raw.substring(Math.min(pos, raw.length()));
        MailMessage message = new MailMessage(fields, body, new ArrayList<>());
        MediaType type = message.mediaType();
        if (type.isMultipart()) {
            if (depth >= MAX_DEPTH) {
                throw ParseInput.refusal("malformed-email", "multipart nested deeper than " + MAX_DEPTH + " levels");
            }
            String boundary = type.parameters().get("boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
                throw ParseInput.refusal("malformed-email", type.type() + " without a usable boundary");
            }
            for (String part : split(body, boundary)) {
                deadline.check();
                if (--partBudget[0] < 0) {
                    throw ParseInput.refusal("malformed-email", "more than " + MAX_PARTS + " MIME parts");
                }
                message.parts.add(parse(part, depth + 1, partBudget, deadline, false));
            }
        }
        return message;
    }

    /** The parts between the first delimiter line and the closing one (or the end, when it is missing). */
    private static List<String> split(String body, String boundary) {
        String delimiter = "--" + boundary;
        List<String> out = new ArrayList<>();
        int partStart = -1;
        int pos = 0;
        while (pos < body.length()) {
            int end = nextLine(body, pos);
            String line = stripEol(body.substring(pos, end));
            if (line.startsWith(delimiter)) {
                String after = line.substring(delimiter.length()).strip();
                boolean closing = after.startsWith("--");
                if (closing || after.isEmpty()) {
                    if (partStart >= 0) {
                        out.add(withoutFinalEol(body.substring(partStart, pos)));
                    }
                    if (closing) {
                        return out;
                    }
                    partStart = end;
                }
            }
            pos = end;
        }
        if (partStart >= 0 && partStart < body.length()) {
            out.add(body.substring(partStart));
        }
        return out;
    }

    /** The first value of a header field (case-insensitive), unfolded and decoded; {@code null} when absent. */
    String header(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                String v = decodeWords(TextDecoder.decode(f.value().getBytes(StandardCharsets.ISO_8859_1), null).text());
                return v.isBlank() ? null : v.trim();
            }
        }
        return null;
    }

    MediaType mediaType() {
        return MediaType.parse(header("Content-Type"));
    }

    /** True when the part is sent as an attachment rather than as the message text. */
    boolean isAttachment() {
        String disposition = header("Content-Disposition");
        return disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    List<MailMessage> parts() {
        return parts;
    }

    /** The body's bytes after its transfer encoding is undone. */
    byte[] decodedBody() throws NormalisationException {
        String encoding = header("Content-Transfer-Encoding");
        String e = encoding == null ? "" : encoding.toLowerCase(Locale.ROOT).trim();
        return switch (e) {
            case "base64" -> base64(body);
            case "quoted-printable" -> quotedPrintable(body);
            default -> body.getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    /** The body as text in its declared charset (the house policy decides when none is declared). */
    TextDecoder.Decoded text() throws NormalisationException {
        return TextDecoder.decode(decodedBody(), mediaType().charset());
    }

    static byte[] base64(String body) throws NormalisationException {
        try {
            // the MIME decoder skips line breaks and any character outside the alphabet, as RFC 2045 asks
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw ParseInput.refusal("malformed-email", "base64 body does not decode: " + e.getMessage());
        }
    }

    static byte[] quotedPrintable(String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '=') {
                if (i + 1 < body.length() && (body.charAt(i + 1) == '\n' || body.charAt(i + 1) == '\r')) {
                    i += body.charAt(i + 1) == '\r' && i + 2 < body.length() && body.charAt(i + 2) == '\n' ? 2 : 1;
                    continue; // soft line break
                }
                int trailing = i + 1;
                while (trailing < body.length() && (body.charAt(trailing) == ' ' || body.charAt(trailing) == '\t')) {
                    trailing++;
                }
                if (trailing > i + 1 && (trailing == body.length() || body.charAt(trailing) == '\r'
                        || body.charAt(trailing) == '\n')) {
                    i = trailing + (trailing + 1 < body.length() && body.charAt(trailing) == '\r'
                            && body.charAt(trailing + 1) == '\n' ? 1 : 0);
                    continue; // a soft break that gained white space in transit
                }
                int hi = i + 2 < body.length() ? Character.digit(body.charAt(i + 1), 16) : -1;
                int lo = i + 2 < body.length() ? Character.digit(body.charAt(i + 2), 16) : -1;
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(c & 0xff); // a literal '=' that encodes nothing is kept, as RFC 2045 advises
        }
        return out.toByteArray();
    }

    /** RFC 2047 encoded words ("=?utf-8?Q?Caf=C3=A9?=", "=?iso-8859-1?B?...?="); unknown charsets stay as written. */
    static String decodeWords(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        String joined = BETWEEN_ENCODED_WORDS.matcher(value).replaceAll("$1");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String decoded;
            try {
                byte[] bytes = m.group(2).equalsIgnoreCase("B")
                        ? Base64.getDecoder().decode(m.group(3))
                        : quotedPrintable(m.group(3).replace('_', ' '));
                String charset = m.group(1).replaceAll("\\*.*$", ""); // RFC 2231 language suffix
                decoded = TextDecoder.decode(bytes, charset).text();
            } catch (IllegalArgumentException e) {
                decoded = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int nextLine(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl + 1;
    }

    private static String stripEol(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The line break before a delimiter belongs to the delimiter (RFC 2046). */
    private static String withoutFinalEol(String part) {
        if (part.endsWith("\r\n")) {
            return part.substring(0, part.length() - 2);
        }
        return part.endsWith("\n") ? part.substring(0, part.length() - 1) : part;
    }
}

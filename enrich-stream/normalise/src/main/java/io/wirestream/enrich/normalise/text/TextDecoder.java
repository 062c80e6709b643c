package io.wirestream.enrich.normalise.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text with declared and sniffed charsets. Policy:
 * <ol>
 *   <li>a byte-order mark wins;</li>
 *   <li>a declared Western single-byte charset (latin-1, cp1252, ascii) is read as windows-1252, as browsers do,
 *       unless the bytes are clearly UTF-8 (valid multi-byte sequences and nothing else), which is a common mislabel;</li>
 *   <li>another declared charset the JVM supports is used as declared;</li>
 *   <li>otherwise (UTF-8, nothing or something unknown declared) every valid UTF-8 sequence is read as UTF-8 and every
 *       byte that is not part of one as windows-1252, so a lone latin-1 byte in UTF-8 copy survives as its letter.</li>
 * </ol>
 * Control characters are kept: envelope formats need them; {@link TextHygiene} removes them later.
 */
public final class TextDecoder {

    public record Decoded(String text, String charset, String note) {}

    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTML_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern CT_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
    private static final char[] CP1252 = new char[256];

    static {
        Charset cp = Charset.forName("windows-1252");
        for (int i = 0; i < 256; i++) {
            String s = new String(new byte[] {(byte) i}, cp);
            char c = s.charAt(0);
            CP1252[i] = c == '\uFFFD' ? (char) i : c; // 0x81, 0x8D, 0x8F, 0x90, 0x9D: keep the latin-1 code point
        }
    }

    private TextDecoder() {}

    /** Charset named by an XML declaration at the start of the bytes, or {@code null}. */
    public static String xmlDeclaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        Matcher m = XML_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Charset named by an HTML meta element in the first 4 KiB, or {@code null}. */
    public static String htmlDeclaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = HTML_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Charset parameter of a Content-Type, or {@code null}. */
    public static String contentTypeCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CT_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    public static Decoded decode(byte[] bytes, String declared) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return mixedUtf8(bytes, 3, "UTF-8 (byte-order mark)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", null);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", null);
        }
        String d = declared == null ? null : declared.trim().toLowerCase(Locale.ROOT);
        if (d != null && !d.isEmpty()) {
            if (isWesternSingleByte(d)) {
                if (isCleanMultiByteUtf8(bytes)) {
                    return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8",
                            "declared " + declared + " but the bytes are UTF-8");
                }
                return new Decoded(cp1252(bytes, 0), "windows-1252",
                        d.contains("1252") ? null : "declared " + declared + ", read as windows-1252");
            }
            if (!d.equals("utf-8") && !d.equals("utf8")) {
                Charset cs = lookup(d);
                if (cs != null) {
                    return new Decoded(decodeReplacing(bytes, cs), cs.name(), null);
                }
                Decoded sniffed = mixedUtf8(bytes, 0, "sniffed");
                return new Decoded(sniffed.text(), sniffed.charset(),
                        "declared charset " + declared + " is unknown; " + (sniffed.note() == null ? "read as UTF-8" : sniffed.note()));
            }
        }
        return mixedUtf8(bytes, 0, null);
    }

    private static boolean isWesternSingleByte(String d) {
        return switch (d) {
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
                    "windows-1252", "cp1252", "cp-1252", "x-cp1252", "us-ascii", "ascii", "iso646-us" -> true;
            default -> false;
        };
    }

    private static Charset lookup(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String decodeReplacing(byte[] bytes, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return dec.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, cs);
        }
    }

    /** True when the bytes decode strictly as UTF-8 and hold at least one multi-byte sequence. */
    static boolean isCleanMultiByteUtf8(byte[] bytes) {
        boolean multi = false;
        for (byte b : bytes) {
            if (b < 0) {
                multi = true;
                break;
            }
        }
        if (!multi) {
            return false;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer ignored = dec.decode(ByteBuffer.wrap(bytes));
            return ignored != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String cp1252(byte[] b, int from) {
        StringBuilder sb = new StringBuilder(b.length - from);
        for (int i = from; i < b.length; i++) {
            sb.append(CP1252[b[i] & 0xff]);
        }
        return sb.toString();
    }

    /** UTF-8 where the bytes form valid sequences, windows-1252 for any byte that does not. */
    private static Decoded mixedUtf8(byte[] b, int from, String label) {
        StringBuilder sb = new StringBuilder(b.length);
        int fallback = 0;
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
            if (len > 0 && i + len <= b.length && continuation(b, i + 1, len - 1)) {
                int cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
                for (int k = 1; k < len; k++) {
                    cp = (cp << 6) | (b[i + k] & 0x3F);
                }
                boolean overlong = (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
                boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
                if (!overlong && !surrogate) {
                    sb.appendCodePoint(cp);
                    i += len;
                    continue;
                }
            }
            sb.append(CP1252[c]);
            fallback++;
            i++;
        }
        String note = fallback == 0 ? null : fallback + " byte(s) that are not UTF-8 read as windows-1252";
        return new Decoded(sb.toString(), fallback == 0 ? "UTF-8" : "UTF-8+windows-1252",
                label == null ? note : note == null ? null : label + ": " + note);
    }

    private static boolean continuation(byte[] b, int from, int count) {
        for (int k = 0; k < count; k++) {
            if ((b[from + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}

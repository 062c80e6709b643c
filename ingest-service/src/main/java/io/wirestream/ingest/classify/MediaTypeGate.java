package io.wirestream.ingest.classify;

import java.util.Locale;
import java.util.Set;

/**
 * The 415 decision: media the pipeline never takes, whether declared (images, audio, video, PDF, archives, office
 * documents) or given away by their first bytes. Everything else goes on to format detection, whose "no" is a 422.
 */
public final class MediaTypeGate {

    private static final Set<String> REFUSED_PREFIXES = Set.of("image/", "audio/", "video/", "font/", "model/");
    private static final Set<String> REFUSED_TYPES = Set.of("application/pdf", "application/zip",
            "application/gzip", "application/x-gzip", "application/x-tar", "application/x-7z-compressed",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword");

    private MediaTypeGate() {}

    /** The reason to refuse with 415, or null when the payload may be news. */
    public static String refusal(byte[] payload, String contentType) {
        String mediaType = mediaType(contentType);
        if (mediaType != null && (REFUSED_TYPES.contains(mediaType) || REFUSED_PREFIXES.stream().anyMatch(mediaType::startsWith))) {
            return "Content-Type " + mediaType + " is not a news text format; send XML, JSON, text or ANPA/IPTC 7901 bytes";
        }
        String binary = payload == null ? null : binarySignature(payload);
        return binary == null ? null : "the body is " + binary + ", not a news text format";
    }

    private static String binarySignature(byte[] p) {
        if (startsWith(p, 0x89, 'P', 'N', 'G')) return "a PNG image";
        if (startsWith(p, 0xFF, 0xD8, 0xFF)) return "a JPEG image";
        if (startsWith(p, 'G', 'I', 'F', '8')) return "a GIF image";
        if (startsWith(p, '%', 'P', 'D', 'F')) return "a PDF document";
        if (startsWith(p, 'P', 'K', 3, 4)) return "a ZIP archive";
        if (startsWith(p, 0x1F, 0x8B)) return "gzip-compressed data";
        return null;
    }

    private static boolean startsWith(byte[] p, int... prefix) {
        if (p.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((p[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    }
}

package io.wirestream.enrich.tagging.subjects;

import java.util.Locale;
import java.util.Optional;

/**
 * Maps an agency's own subject code to a Media Topic. IPTC Subject Codes (the older NewsCodes, written
 * {@code subj:15000000} or {@code iptc:15000000}) share their 17 top-level numbers with Media Topics, so the top level
 * maps exactly; narrower subject codes map to their top level. Media Topic codes pass through unchanged.
 */
public final class SourceSubjectMapper {

    public Optional<String> toMediaTopic(String sourceCode) {
        if (sourceCode == null) {
            return Optional.empty();
        }
        String code = sourceCode.trim().toLowerCase(Locale.ROOT);
        if (code.startsWith("medtop:")) {
            return Optional.of(code);
        }
        int colon = code.lastIndexOf(':');
        String scheme = colon < 0 ? "" : code.substring(0, colon);
        String number = colon < 0 ? code : code.substring(colon + 1);
        boolean subjectScheme = scheme.isEmpty() || scheme.equals("subj") || scheme.equals("iptc")
                || scheme.equals("subject") || scheme.endsWith("subjectcode");
        if (!subjectScheme || !number.matches("\\d{8}")) {
            return Optional.empty();
        }
        int top = Integer.parseInt(number.substring(0, 2));
        if (top < 1 || top > 17) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "medtop:%02d000000", top));
    }
}

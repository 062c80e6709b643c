package io.wirestream.enrich.normalise.subject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps source subject codes to IPTC Media Topics using the table in {@code medtop-mapping.properties} (read it for
 * what is and is not mapped, and why). Also qualifies bare codes: an 8-digit code from a format whose vocabulary is
 * the IPTC Subject Codes becomes {@code subj:NNNNNNNN}; a Media Topic URI becomes {@code medtop:NNNNNNNN}.
 */
public final class SubjectMapper {

    /** A mapped topic: qualified code and English name. */
    public record Topic(String code, String name) {}

    private static final Pattern SUBJ = Pattern.compile("^subj:(\\d{8})$");
    private static final Pattern ANPA = Pattern.compile("^(?:anpa-category|ap-category):([a-z])$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDTOP_URI = Pattern.compile("^https?://cv\\.iptc\\.org/newscodes/mediatopic/(\\d{8})/?$");
    private static final Pattern SUBJ_URI = Pattern.compile("^https?://cv\\.iptc\\.org/newscodes/subjectcode/(\\d{8})/?$");
    private static final Properties TABLE = load();

    private SubjectMapper() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SubjectMapper.class.getResourceAsStream("medtop-mapping.properties")) {
            if (in == null) {
                throw new IllegalStateException("medtop-mapping.properties missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read medtop-mapping.properties", e);
        }
        return p;
    }

    /**
     * Qualifies a code as a source sent it: URIs of the IPTC vocabularies become qcodes; a bare 8-digit code becomes
     * {@code subj:} when {@code bareIsSubjectCode}; anything else is returned trimmed.
     */
    public static String qualify(String code, boolean bareIsSubjectCode) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        Matcher m = MEDTOP_URI.matcher(c);
        if (m.matches()) {
            return "medtop:" + m.group(1);
        }
        m = SUBJ_URI.matcher(c);
        if (m.matches()) {
            return "subj:" + m.group(1);
        }
        if (bareIsSubjectCode && c.matches("\\d{8}")) {
            return "subj:" + c;
        }
        return c;
    }

    /** The Media Topics a source code maps to (most specific first); empty when the table has no honest mapping. */
    public static List<Topic> map(String code) {
        List<Topic> out = new ArrayList<>();
        if (code == null) {
            return out;
        }
        Matcher m = SUBJ.matcher(code.trim());
        if (m.matches()) {
            String detail = TABLE.getProperty("subj." + m.group(1));
            if (detail != null) {
                out.add(topic(detail));
            }
            String top = TABLE.getProperty("top." + m.group(1).substring(0, 2));
            if (top != null) {
                Topic t = topic(top);
                if (out.stream().noneMatch(x -> x.code().equals(t.code()))) {
                    out.add(t);
                }
            }
            return out;
        }
        m = ANPA.matcher(code.trim());
        if (m.matches()) {
            String v = TABLE.getProperty("anpa." + m.group(1).toLowerCase(Locale.ROOT));
            if (v != null) {
                out.add(topic(v));
            }
        }
        return out;
    }

    private static Topic topic(String v) {
        int bar = v.indexOf('|');
        return bar < 0 ? new Topic(v.trim(), null) : new Topic(v.substring(0, bar).trim(), v.substring(bar + 1).trim());
    }
}

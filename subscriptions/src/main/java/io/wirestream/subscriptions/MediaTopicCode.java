package io.wirestream.subscriptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPTC Media Topic codes in the one form products and subjects are compared in: {@code medtop:} and eight digits. */
public final class MediaTopicCode {

    private static final Pattern CODE = Pattern.compile(
            "(?:medtop:|https?://cv\\.iptc\\.org/newscodes/mediatopic/)?(\\d{8})/?", Pattern.CASE_INSENSITIVE);

    private MediaTopicCode() {}

    /**
     * {@code medtop:NNNNNNNN} for {@code medtop:NNNNNNNN}, {@code NNNNNNNN} or the topic's IPTC URI; null for anything
     * else (another scheme's code, such as an IPTC Subject Code {@code subj:}).
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CODE.matcher(text.strip());
        return m.matches() ? "medtop:" + m.group(1) : null;
    }
}

package io.wirestream.enrich.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language an article is tagged as, and what that allows. Only English copy gets the full recogniser (names found
 * by their shape, English cue words, English keywords): those rules were written for English and give nonsense on
 * other languages ("Lisäksi Ylen", "Das Spiel"). Copy in any other language is tagged with names the knowledge base
 * knows and nothing else, after stripping the few inflections the language puts on names ({@link #baseForms}).
 *
 * @param code the key of the language's names in the knowledge base: the BCP-47 primary subtag in lower case, with
 *             Norwegian's "no" and "nn" read as "nb"; "en" for English
 */
public record TextLanguage(String code) {

    /** English: what copy without a language is taken to be (normalise has already tried to detect one). */
    public static final TextLanguage ENGLISH = new TextLanguage("en");

    /**
     * The language of a BCP-47 tag ("en-GB", "fi", "nb-NO"). No tag, or one without a language, means English: the
     * normaliser detects the language of copy that does not declare one, so a missing tag is copy it could not tell.
     */
    public static TextLanguage of(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) {
            return ENGLISH;
        }
        String primary = bcp47.trim().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "", "en", "und" -> ENGLISH;
            case "no", "nn" -> new TextLanguage("nb");
            default -> new TextLanguage(primary);
        };
    }

    /** True for English, the only language whose names are also found by their shape. */
    public boolean english() {
        return "en".equals(code);
    }

    /**
     * Base forms a capitalised word may be an inflection of, most likely first, not including the word itself: the
     * cheap, safe part of each language's inflection of names. They are only ever compared with names the knowledge
     * base knows, so a wrong guess finds nothing.
     * <ul>
     *   <li>Finnish: case endings ("Trumpin", "Trumpille" -> "Trump"; "Niinistön" -> "Niinistö"; "Suomen",
     *       "Suomessa" -> "Suomi"; "Saksassa" -> "Saksa").</li>
     *   <li>German, Norwegian, Danish, Swedish: the genitive -s ("Merkels", "Norges", "FNs").</li>
     *   <li>French and Italian: an elided article or preposition ("d'Emmanuel", "l'Allemagne") is handled by the
     *       recogniser, which needs to move the name's start.</li>
     * </ul>
     */
    public List<String> baseForms(String word) {
        List<String> out = new ArrayList<>(4);
        switch (code) {
            case "fi" -> finnish(word, out);
            case "de", "nb", "da", "sv" -> {
                if (word.length() >= 3 && word.endsWith("s") && !word.endsWith("ss")) {
                    out.add(word.substring(0, word.length() - 1));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Article or preposition elided onto a name in French and Italian ("l'", "d'", "dell'"), or 0. */
    public int elisionLength(String word) {
        if (!code.equals("fr") && !code.equals("it")) {
            return 0;
        }
        int apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
        if (apostrophe <= 0 || apostrophe > 5 || apostrophe + 1 >= word.length()
                || !Character.isUpperCase(word.charAt(apostrophe + 1))) {
            return 0;
        }
        String head = word.substring(0, apostrophe).toLowerCase(Locale.ROOT);
        return switch (head) {
            case "l", "d", "j", "qu", "jusqu", "lorsqu", "dell", "all", "dall", "nell", "sull", "un" -> apostrophe + 1;
            default -> 0;
        };
    }

    /** Finnish case endings, longest first; each may follow the connecting -i- of a name ending in a consonant. */
    private static final String[] FINNISH_ENDINGS = {"ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle",
        "ksi", "na", "nä", "n", "a", "ä"};

    private static void finnish(String word, List<String> out) {
        for (String ending : FINNISH_ENDINGS) {
            if (word.length() - ending.length() < 2 || !word.endsWith(ending)) {
                continue;
            }
            String stem = word.substring(0, word.length() - ending.length());
            if (ending.length() > 1 || ending.equals("n")) { // a bare -a/-ä is only a partitive after -i-: "Trumpia"
                add(out, stem);
                if (stem.endsWith("e")) { // "Suomen" -> "Suomi": a stem in -e- of a name in -i
                    add(out, stem.substring(0, stem.length() - 1) + "i");
                }
            }
            if (stem.length() >= 3 && stem.endsWith("i")) { // "Trumpin" -> "Trump", "Putinia" -> "Putin"
                add(out, stem.substring(0, stem.length() - 1));
            }
        }
    }

    private static void add(List<String> out, String form) {
        if (form.length() >= 2 && !out.contains(form)) {
            out.add(form);
        }
    }
}

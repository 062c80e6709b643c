package io.wirestream.enrich.tagging.text;

/**
 * One word or punctuation mark of a text, with its character offsets.
 *
 * @param text the characters as written
 * @param start offset of the first character
 * @param end offset after the last character
 * @param sentenceStart true for the first word of a sentence, where capitalisation says nothing about names
 * @param allCapsLine true when the token sits in a line written in capitals (headlines, slugs), where case is no evidence
 * @param titleCaseLine true when the token sits in a line Written In Title Case (web headlines), where case is no
 *                      evidence of a name either
 * @param lower the text in lower case ({@code Locale.ROOT}), computed once: the knowledge look-ups, the Media Topic
 *              cues and the keywords all read it, several times per token
 */
public record Token(String text, int start, int end, boolean sentenceStart, boolean allCapsLine, boolean titleCaseLine,
                    String lower) {

    public Token(String text, int start, int end, boolean sentenceStart, boolean allCapsLine, boolean titleCaseLine) {
        this(text, start, end, sentenceStart, allCapsLine, titleCaseLine, text.toLowerCase(java.util.Locale.ROOT));
    }

    /** Capitalisation in this line says nothing about names. */
    public boolean caseUninformative() {
        return allCapsLine || titleCaseLine;
    }

    public boolean isWord() {
        return Character.isLetterOrDigit(text.charAt(0));
    }

    /** Starts with an upper-case letter. */
    public boolean isCapitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** Two or more letters, all upper case (an acronym or a word in a capitals line). */
    public boolean isAllCaps() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}

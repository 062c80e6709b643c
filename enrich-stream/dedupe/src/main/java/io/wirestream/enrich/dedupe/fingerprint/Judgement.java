package io.wirestream.enrich.dedupe.fingerprint;

import java.util.Optional;

/**
 * The verdict on one pair of stories and why, so an audit can say what merged them and a report can count what kept
 * candidates apart.
 *
 * @param kind how they matched; empty when they are two stories
 * @param reason why
 */
public record Judgement(Optional<MatchKind> kind, Reason reason) {

    /** Why a pair was merged or kept apart. */
    public enum Reason {
        /** Merged: same canonical headline and body. */
        SAME_TEXT("same text"),
        /** Merged: similar text, and subject, figures and direction agree. */
        SAME_STORY("similar text; same names, tickers, figures and direction"),
        /**
         * Merged: less similar text (a paragraph dropped and another added), but the same names and figures in
         * headline and lead, and nothing else differs.
         */
        SAME_OPENING("less similar text, but the same names and figures in headline and lead; nothing differs"),
        /** Merged: similar text about the same names, and one says it corrects the other's kind of story. */
        CORRECTION("correction of the same story: similar text, same names"),
        /** Merged: similar text, one of them filed before traits were kept (similarity alone decided). */
        SIMILAR_TEXT_ONLY("similar text (filed before names and figures were kept)"),
        /** Apart: not similar enough to be a copy. */
        DISSIMILAR("text not similar enough"),
        /** Apart: a name of one lead is missing from the other story. */
        SUBJECT_DIFFERS("names differ"),
        /** Apart: a ticker of one lead is missing from the other story. */
        TICKER_DIFFERS("tickers differ"),
        /** Apart: a figure (amount, date, period, count) of one lead is missing from the other story. */
        FIGURES_DIFFER("figures differ"),
        /** Apart: one raises where the other cuts (wins/loses, starts/ends, buys/sells). */
        DIRECTION_DIFFERS("opposite directions");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    static Judgement merged(MatchKind kind, Reason reason) {
        return new Judgement(Optional.of(kind), reason);
    }

    static Judgement apart(Reason reason) {
        return new Judgement(Optional.empty(), reason);
    }

    public boolean same() {
        return kind.isPresent();
    }
}

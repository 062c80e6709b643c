package io.wirestream.enrich.dedupe.fingerprint;

import io.wirestream.enrich.dedupe.text.FingerprintText;
import io.wirestream.enrich.dedupe.text.SalientText;
import io.wirestream.enrich.dedupe.text.SalientText.Direction;
import io.wirestream.enrich.dedupe.text.SalientText.Kind;
import io.wirestream.enrich.dedupe.text.SalientText.Term;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a story says that a template does not: the names, tickers and figures of its headline and lead paragraph, the
 * directions it states there, every such term anywhere in the story, and whether it corrects an earlier story.
 * Terms are kept as 16-bit hashes (no text), so the index stays small; a chance collision can only make two stories
 * look more alike, never split a copy.
 *
 * <p>The lead is where wire copy states its news: a copy (refiled, rewritten, truncated, with a paragraph added)
 * keeps its lead terms somewhere, while two stories from one template differ there. So two stories are told apart
 * when each has a lead term (name, ticker, figure) the whole of the other lacks: a substitution, not a paragraph
 * more or less on one side.
 *
 * @param leadNames names in the lead paragraph; when it has none (a table), the headline's
 * @param leadTickers tickers in the headline and lead
 * @param leadFigures figures in the headline and the first two paragraphs, in order
 * @param openingFigures how many of them are the headline's and the first paragraph's
 * @param present every term of the story (all headline words count as names), sorted; at most {@link #MAX_PRESENT}
 * @param presentComplete false when the story had more terms than are kept
 * @param directions bits of {@link Direction} ordinals stated in the headline and lead
 * @param correction the story says it corrects an earlier one
 * @param sketch {@code present} holds the smallest hashes (a bottom-k sketch, so a term below the largest kept hash is
 *     known present or absent even when the story had more), the two low bits of each say its kind (name, figure, or
 *     a figure in its place: see {@link #slot}); false for traits filed before (the first terms kept, kinds unknown)
 * @param placesComplete every figure's place is kept: places fill the room the terms leave (a few reserved), and when
 *     cut short the smallest are kept
 */
public record StoryTraits(short[] leadNames, short[] leadTickers, short[] leadFigures, int openingFigures,
        short[] present, boolean presentComplete, int directions, boolean correction, boolean sketch,
        boolean placesComplete) {

    public static final int MAX_PRESENT = 96;
    private static final int MAX_LEAD = 32;
    private static final int FIGURE_PARAGRAPHS = 2;
    // a paragraph added in a copy brings several names; a template's next issue changes a figure and at most a name
    // or two (another official chairs the meeting)
    private static final int SWAPPED_NAMES = 3;
    private static final int RESERVED_PLACES = 24;
    private static final int KIND_BITS = 3;
    private static final int NAME = 0;
    private static final int FIGURE = 1;
    private static final int SLOT = 2;
    private static final java.util.regex.Pattern INITIALS_AT_END = java.util.regex.Pattern.compile("\\b(?:\\p{Lu}\\.){2,}$");

    /** Where two stories' traits disagree. */
    public enum Difference { SUBJECT, TICKER, FIGURES, DIRECTION }

    /**
     * Plain copy hard-wrapped at about 60 columns reaches us one line per paragraph (until the normaliser reflows it),
     * and then "the lead" and "the first two paragraphs" would be two lines, with a daily report's telling figure in
     * the third. A line that does not end a sentence runs on into the next, so wrapped copy is judged by the same
     * paragraphs as the copy it was wrapped from; paragraphs that end their sentences are left as they are.
     */
    static List<String> unwrapped(List<String> body) {
        if (!looksHardWrapped(body)) {
            return body;
        }
        List<String> joined = new java.util.ArrayList<>();
        StringBuilder open = null;
        for (String paragraph : body) {
            if (open == null) {
                open = new StringBuilder(paragraph);
            } else {
                open.append(' ').append(paragraph);
            }
            if (endsSentence(paragraph)) {
                joined.add(open.toString());
                open = null;
            }
        }
        if (open != null) {
            joined.add(open.toString());
        }
        return joined;
    }

    /**
     * A line broken inside a sentence, where the rest of the copy is not hard-wrapped: an intro wrapped over two lines
     * above a results table ("Results of ... soccer" then "matches played on Sunday:"). A paragraph that stops without
     * ending its sentence, followed by one that opens in lower case, is one sentence; otherwise the lead would be a
     * fragment with no name or figure, and two match days of one league would look like one story.
     */
    static List<String> runOnJoined(List<String> body) {
        List<String> joined = null;
        for (int i = 0; i < body.size(); i++) {
            if (joined == null && !runsOn(body, i)) {
                continue;
            }
            if (joined == null) {
                joined = new java.util.ArrayList<>(body.subList(0, i));
            }
            StringBuilder sentence = new StringBuilder(body.get(i).strip());
            while (runsOn(body, i)) {
                i++;
                sentence.append(' ').append(body.get(i).strip());
            }
            joined.add(sentence.toString());
        }
        return joined == null ? body : joined;
    }

    /** Paragraph {@code i} stops mid-sentence (not at an end or a colon) and the next opens in lower case. */
    private static boolean runsOn(List<String> body, int i) {
        String paragraph = body.get(i);
        return i + 1 < body.size() && !endsSentence(paragraph) && !paragraph.strip().endsWith(":")
                && opensLowerCase(body.get(i + 1));
    }

    private static boolean opensLowerCase(String paragraph) {
        String trimmed = paragraph.strip();
        return !trimmed.isEmpty() && Character.isLowerCase(trimmed.codePointAt(0));
    }

    /** Many paragraphs one line of prose wide and stopping mid-sentence: wrapped copy, not paragraphs nor a table. */
    private static boolean looksHardWrapped(List<String> body) {
        if (body.size() < 3) {
            return false;
        }
        int shortRunOn = 0;
        for (String paragraph : body) {
            // a wrapped prose line fills most of its width; the short rows of a results table do not
            if (paragraph.length() >= 40 && paragraph.length() <= 80 && !endsSentence(paragraph)) {
                shortRunOn++;
            }
        }
        return shortRunOn * 5 >= body.size() * 2;
    }

    static boolean endsSentence(String paragraph) {
        String trimmed = paragraph.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (".!?\"')\u201d\u2019".indexOf(last) < 0) {
            return false;
        }
        // "... entered the U.S." wrapped before "Government securities market ...". The pattern's search tries every
        // position of the paragraph, and this runs for each paragraph of every story, so it is asked only when the
        // paragraph ends as it must for a match: two capitals, each followed by a full stop
        return !(endsWithTwoInitials(trimmed) && INITIALS_AT_END.matcher(trimmed).find());
    }

    /** Ends with "X.Y." where X and Y are upper-case letters (Unicode category Lu, as {@code \p{Lu}}). */
    private static boolean endsWithTwoInitials(String text) {
        int end = text.length();
        for (int initial = 0; initial < 2; initial++) {
            if (end < 2 || text.charAt(end - 1) != '.') {
                return false;
            }
            int letter = text.codePointBefore(end - 1);
            if (Character.getType(letter) != Character.UPPERCASE_LETTER) {
                return false;
            }
            end -= 1 + Character.charCount(letter);
        }
        return true;
    }

    public static StoryTraits of(String headline, List<String> paragraphs) {
        List<String> body = runOnJoined(unwrapped(FingerprintText.bodyParagraphs(paragraphs)));
        String lead = body.isEmpty() ? "" : body.get(0);
        String title = SalientText.withoutSlug(headline);
        List<Term> headlineTerms = SalientText.terms(title, true);
        List<Term> leadTerms = SalientText.terms(lead, false);

        Set<Short> names = new LinkedHashSet<>();
        Set<Short> tickers = new LinkedHashSet<>();
        List<Short> figures = new java.util.ArrayList<>();
        for (Term term : headlineTerms) {
            if (term.kind() == Kind.TICKER) {
                tickers.add(hash(term));
            } else if (term.kind() == Kind.FIGURE) {
                figures.add(hash(term));
            }
        }

        for (Term term : leadTerms) {
            switch (term.kind()) {
                case NAME -> names.add(hash(term));
                case TICKER -> tickers.add(hash(term));
                case FIGURE -> figures.add(hash(term));
            }
        }
        int opening = Math.min(figures.size(), MAX_LEAD);
        // a daily report states its figures over its first paragraphs ("... 1.5 billion dlrs of repurchases.
        // Fed funds were trading at 6-1/16 pct ..."); names are read from the first only
        for (int i = 1; i < Math.min(FIGURE_PARAGRAPHS, body.size()); i++) {
            for (Term term : SalientText.terms(body.get(i), false)) {
                if (term.kind() == Kind.FIGURE) {
                    figures.add(hash(term));
                }
            }
        }
        if (names.isEmpty()) {
            // a lead without names is a table ("Qtly div 12 cts vs 12 cts prior ..."): the headline carries the
            // subject, and an all-caps wire headline ("FRANKLIN PUERTO RICO TAX-FREE SETS PAYOUT") hides its names
            // in capitals
            for (Term term : SalientText.headlineNames(title)) {
                names.add(hash(term));
            }
        }
        Set<Short> present = new LinkedHashSet<>();
        Set<Short> places = new LinkedHashSet<>();
        headlineTerms.forEach(t -> present.add(hash(t)));
        // every headline word, whatever its case: a desk that lower-cases a headline has not changed its subject
        SalientText.headlineNames(title.toUpperCase(java.util.Locale.ROOT)).forEach(t -> present.add(hash(t)));
        for (int i = 0; i < body.size(); i++) {
            for (Term term : SalientText.terms(body.get(i), true)) {
                present.add(hash(term));
            }
            if (i >= 1) {
                // the opening's figures are compared in order above; places tell a changed figure from a paragraph
                // swapped for another one below it (the second paragraph included)
                addSlots(body.get(i), places);
            }
        }
        // the smallest hashes, not the first terms: two overflowing stories then hold the same slice of hash space,
        // and a term below both cut-offs is known present or absent in each (a long rate table, a results table).
        // Places fill the room the terms leave, with a few reserved so that a long table still shows its changed rates.
        short[] terms = smallest(present, MAX_PRESENT - Math.min(places.size(), RESERVED_PLACES));
        short[] placed = smallest(places, MAX_PRESENT - terms.length);
        short[] kept = Arrays.copyOf(terms, terms.length + placed.length);
        System.arraycopy(placed, 0, kept, terms.length, placed.length);
        Arrays.sort(kept);
        boolean complete = present.size() == terms.length;
        int directions = 0;
        for (Direction direction : SalientText.directions(title + " " + lead)) {
            directions |= 1 << direction.ordinal();
        }
        return new StoryTraits(toArray(names, MAX_LEAD), toArray(tickers, MAX_LEAD), toArray(figures), opening, kept,
                complete, directions, SalientText.correction(headline, paragraphs), true,
                places.size() == placed.length);
    }

    /**
     * The first way the two stories differ, if any: a lead name, ticker or figure of one that the other never
     * mentions, or opposite directions (one raises and does not cut, the other cuts and does not raise).
     */
    public java.util.Optional<Difference> differenceFrom(StoryTraits other) {
        // Each side must miss something of the other's: a copy that only dropped or added a paragraph misses terms
        // on one side alone, a second story from the template has its own name or figure where the first had one.
        if (missingFrom(leadNames, other) || other.missingFrom(other.leadNames, this)) {
            return java.util.Optional.of(Difference.SUBJECT);
        }
        // a ticker added to a later copy ("LAC MINERALS" then "LAC <LAC>") is not another company
        if (leadTickers.length > 0 && other.leadTickers.length > 0
                && missingFrom(leadTickers, other) && other.missingFrom(other.leadTickers, this)) {
            return java.util.Optional.of(Difference.TICKER);
        }
        boolean figuresMissing = missingFrom(leadFigures, other);
        boolean otherFiguresMissing = other.missingFrom(other.leadFigures, this);
        // opening figures in order: as many figures in both openings but one changed ("seven ships loading and six
        // waiting" then "six ... and six") is a new report, though every figure of one appears in the other
        boolean substituted = openingFigures == other.openingFigures
                && !Arrays.equals(leadFigures, 0, openingFigures, other.leadFigures, 0, other.openingFigures);
        // headline and first paragraph state the same figures, so the figures differ in the second paragraph alone: a
        // desk that swapped that paragraph for its own (new figures in new places) has not changed the story, a next
        // issue of a daily report (another rate where the first had one) has; the places below tell them apart
        // (only when the second paragraph of one is mostly gone from the other, not a rate or two of a table changed,
        // and the rest of the bodies agree on a figure in its place: a two-paragraph daily report that reworded its
        // second paragraph around another figure is another day's report)
        boolean sameOpening = openingFigures == other.openingFigures && !substituted && sketch && other.sketch
                && (secondParagraphGone(other) || other.secondParagraphGone(this)) && sharePlace(other);
        if (!sameOpening && ((figuresMissing && otherFiguresMissing) || (substituted && (figuresMissing || otherFiguresMissing)))) {
            return java.util.Optional.of(Difference.FIGURES);
        }
        if (figuresSubstituted(other)) {
            return java.util.Optional.of(Difference.FIGURES);
        }
        if (opposite(directions, other.directions)) {
            return java.util.Optional.of(Difference.DIRECTION);
        }
        return java.util.Optional.empty();
    }

    /**
     * The same names, tickers and figures in the headline and lead paragraph, in the same order, and enough of them
     * to name a story: at least one figure and three terms (a lead without figures, such as "the central bank is
     * expected to add reserves", opens every day's report alike).
     */
    public boolean sameOpening(StoryTraits other) {
        return openingFigures >= 1 && leadNames.length + openingFigures >= 3
                && Arrays.equals(leadNames, other.leadNames) && Arrays.equals(leadTickers, other.leadTickers)
                && openingFigures == other.openingFigures
                && Arrays.equals(leadFigures, 0, openingFigures, other.leadFigures, 0, other.openingFigures);
    }

    private boolean missingFrom(short[] terms, StoryTraits other) {
        for (short term : terms) {
            if (other.knownAbsent(term)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Figures beyond the lead: a recurring notice or a rate table states its news further down ("the next meeting is
     * on April 16", a table of new rates under an unchanged lead). Apart when each story has a figure the other lacks
     * while their names agree; a copy that swapped a paragraph for another one lacks names on both sides as well.
     */
    private boolean figuresSubstituted(StoryTraits other) {
        if (!sketch || !other.sketch) {
            return false; // filed before kinds were marked: figures cannot be told from names
        }
        // and a figure of each stands where the other has another one: a changed figure, not a paragraph swapped for
        // another (when either story had more places than it keeps, that cannot be told and the figures decide)
        return lacking(other, true) > 0 && other.lacking(this, true) > 0 && !swappedParagraph(other)
                && (figureReplacedInPlace(other) || !placesComplete || !other.placesComplete);
    }

    private boolean swappedParagraph(StoryTraits other) {
        if (!sketch || !other.sketch) {
            return false;
        }
        return Math.max(lacking(other, false), other.lacking(this, false)) >= SWAPPED_NAMES;
    }

    /** How many kept terms of this story of one kind (figures or not) the other is known not to hold. */
    int lacking(StoryTraits other, boolean figures) {
        int count = 0;
        for (short term : present) {
            int kind = term & KIND_BITS;
            if (kind != SLOT && (kind == FIGURE) == figures && other.knownAbsent(term)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the story is known not to hold the term. Hashes are compared without their two low bits (the kind), so
     * traits filed before the mark still compare with new ones. A story that had more terms than it keeps only knows
     * the terms below its largest kept hash (bottom-k); one filed before the sketch knows none it lacks.
     */
    private boolean knownAbsent(short term) {
        int key = term >> 2;
        int low = 0;
        int high = present.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int value = present[mid] >> 2;
            if (value < key) {
                low = mid + 1;
            } else if (value > key) {
                high = mid - 1;
            } else {
                return false;
            }
        }
        boolean place = sketch && (term & KIND_BITS) == SLOT;
        if (place ? placesComplete : presentComplete) {
            return true;
        }
        if (!sketch) {
            return false;
        }
        // cut short: only below the largest kept hash of the same sort (places, or names and figures) is it known
        for (int i = present.length - 1; i >= 0; i--) {
            if (((present[i] & KIND_BITS) == SLOT) == place) {
                return key < (present[i] >> 2);
            }
        }
        return false;
    }

    /**
     * A figure in its place: the words either side of it in the high byte, the figure in the next six bits. Two
     * issues of a template put other figures in the same places ("scheduled for April 2." and "... April 16."; a rate
     * table's rows); a copy that swapped a paragraph for another has figures in places the original does not.
     */
    static short slot(String before, String figure, String after) {
        long place = Mix.mix64(((long) before.hashCode() << 32) ^ after.hashCode() ^ 0x51075L);
        long value = Mix.mix64(figure.hashCode() ^ 0xf16L);
        return (short) ((place & 0xff00) | (value & 0xfc) | SLOT);
    }

    private static void addSlots(String paragraph, Set<Short> into) {
        List<String> tokens = new java.util.ArrayList<>();
        for (String token : io.wirestream.enrich.dedupe.text.WireTokens.figuresAndWords(java.text.Normalizer
                .normalize(paragraph, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT))) {
            tokens.add(Character.isDigit(token.charAt(0)) ? SalientText.figure(token).get() : token);
        }
        for (int i = 0; i < tokens.size(); i++) {
            // a figure as the terms read it: "6-3/16" is one rate, "six" the figure 6, "26,000" the figure 26000
            java.util.Optional<String> figure = SalientText.figure(tokens.get(i));
            if (figure.isPresent()) {
                into.add(slot(i == 0 ? "" : tokens.get(i - 1), figure.get(),
                        i + 1 == tokens.size() ? "" : tokens.get(i + 1)));
            }
        }
    }

    /**
     * Whether figures of one story were replaced in their places: more than half of the figures-in-place of either
     * story that the other lacks stand where the other has another figure. A template's next issue changes figures
     * where they stood; a copy that swapped a paragraph for another one has its new figures in new places, and the
     * odd one whose stock words ("rose _ pct") happen to match a place of the original does not make a majority.
     */
    private boolean figureReplacedInPlace(StoryTraits other) {
        return mostlyReplacedInPlace(other) || other.mostlyReplacedInPlace(this);
    }

    private boolean mostlyReplacedInPlace(StoryTraits other) {
        int lacking = 0;
        int replaced = 0;
        for (short entry : present) {
            if ((entry & KIND_BITS) != SLOT || !other.knownAbsent(entry)) {
                continue;
            }
            lacking++;
            for (short theirs : other.present) {
                if ((theirs & KIND_BITS) == SLOT && (theirs & 0xff00) == (entry & 0xff00) && knownAbsent(theirs)) {
                    replaced++;
                    break;
                }
            }
        }
        return replaced > 0 && replaced * 2 > lacking;
    }

    /** Whether most figures of this story's second paragraph are missing from the other (the paragraph, not a figure). */
    private boolean secondParagraphGone(StoryTraits other) {
        int gone = 0;
        for (int i = openingFigures; i < leadFigures.length; i++) {
            if (other.knownAbsent(leadFigures[i])) {
                gone++;
            }
        }
        return gone > 0 && gone * 2 > leadFigures.length - openingFigures;
    }

    /** Whether both stories hold one figure in one place below the opening: the rest of their bodies agree somewhere. */
    private boolean sharePlace(StoryTraits other) {
        for (short entry : present) {
            if ((entry & KIND_BITS) == SLOT && Arrays.binarySearch(other.present, entry) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static short[] smallest(Set<Short> hashes, int max) {
        short[] all = toArray(hashes, hashes.size());
        Arrays.sort(all);
        return Arrays.copyOf(all, Math.min(all.length, max));
    }

    private static boolean opposite(int a, int b) {
        Direction[] all = Direction.values();
        for (int i = 0; i + 1 < all.length; i += 2) {
            int one = 1 << all[i].ordinal();
            int two = 1 << all[i + 1].ordinal();
            boolean aOne = (a & one) != 0 && (a & two) == 0;
            boolean aTwo = (a & two) != 0 && (a & one) == 0;
            boolean bOne = (b & one) != 0 && (b & two) == 0;
            boolean bTwo = (b & two) != 0 && (b & one) == 0;
            if ((aOne && bTwo) || (aTwo && bOne)) {
                return true;
            }
        }
        return false;
    }

    static short hash(Term term) {
        long h = Mix.mix64(((long) term.kind().ordinal() << 40) ^ term.text().hashCode() ^ 0x5a17e5L);
        // the two low bits mark the kind; the other 14 are the hash traits filed before the mark also carry
        return (short) ((h & ~KIND_BITS) | (term.kind() == Kind.FIGURE ? FIGURE : NAME));
    }

    private static short[] toArray(List<Short> inOrder) {
        short[] array = new short[Math.min(inOrder.size(), MAX_LEAD)];
        for (int i = 0; i < array.length; i++) {
            array[i] = inOrder.get(i);
        }
        return array;
    }

    private static short[] toArray(Set<Short> values, int max) {
        short[] array = new short[Math.min(values.size(), max)];
        int i = 0;
        for (short value : values) {
            if (i == array.length) {
                break;
            }
            array[i++] = value;
        }
        return array;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryTraits t && Arrays.equals(leadNames, t.leadNames)
                && Arrays.equals(leadTickers, t.leadTickers) && Arrays.equals(leadFigures, t.leadFigures) && openingFigures == t.openingFigures
                && Arrays.equals(present, t.present) && presentComplete == t.presentComplete
                && directions == t.directions && correction == t.correction && sketch == t.sketch
                && placesComplete == t.placesComplete;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(present) * 31 + directions;
    }

    @Override
    public String toString() {
        return "StoryTraits[names=" + leadNames.length + ", tickers=" + leadTickers.length + ", figures="
                + leadFigures.length + ", present=" + present.length + (presentComplete ? "" : "+") + ", directions="
                + Integer.toBinaryString(directions) + (correction ? ", correction" : "") + "]";
    }
}

package io.wirestream.enrich.dedupe.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what tells one templated wire story from another: the subject (capitalised names, tickers such as
 * {@code <UNF>}), figures (numbers, number words, ordinals, months, weekdays, periods such as "overnight" or "Q3"),
 * direction words (raises/cuts, wins/loses, starts/ends, buys/sells) and the marks of a correction.
 *
 * <p>Two dividend notices, two days of one market report or a price rise and a price cut share nearly every shingle;
 * these few terms are where they differ. Case matters here, unlike in {@link FingerprintText}: a capitalised word in
 * running text is a name, the same word in lower case is not.
 */
public final class SalientText {

    /** What a salient term is. */
    public enum Kind { NAME, TICKER, FIGURE }

    /** One salient term, normalised (lower case; numbers without thousands separators or trailing decimal zeros). */
    public record Term(Kind kind, String text) {
    }

    /** Opposite directions: a story with one side and not the other is not the story with the other side only. */
    public enum Direction { UP, DOWN, WIN, LOSE, START, END, BUY, SELL }

    // copy-pasted text sometimes gains a space before a thousands separator ("26 ,000"): the figure is still 26000
    private static final Pattern SPLIT_FIGURE = Pattern.compile("(\\p{N})\\s+([.,])(\\p{N})");
    // Desk slugs ahead of a headline say how the copy was filed, not what it says: "UPDATE 2-", "REFILE-", "WRAPUP 1:"
    private static final Pattern SLUG = Pattern.compile(
            "^\\s*(?:(?:update|wrapup|refile|repeat|rpt|corrected|correction|breaking|flash|urgent|exclusive|report"
                    + "|analysis|insight|factbox)\\s*\\d*\\s*[-:\u2013\u2014]\\s*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTION_HEADLINE = Pattern.compile("\\bcorrect(?:ed|ion|s)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTION_NOTE = Pattern.compile("^\\W*(?:corrects|correcting|correction)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("half", "1/2"),
            Map.entry("first", "1st"), Map.entry("second", "2nd"), Map.entry("third", "3rd"), Map.entry("fourth", "4th"),
            Map.entry("single", "1"), Map.entry("double", "x2"), Map.entry("triple", "x3"));
    private static final Set<String> CALENDAR_WORDS = Set.of(
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "overnight",
            "today", "yesterday", "tomorrow", "weekly", "monthly", "quarterly", "annual", "daily");
    private static final Map<String, Direction> DIRECTION_WORDS = directionWords();
    // Capitalised in running text without being a name: sentence openers and the furniture of wire tables.
    private static final Set<String> NOT_NAMES = Set.of(
            "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "for", "to", "by", "with", "from", "as",
            "it", "its", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "his", "her",
            "their", "our", "after", "before", "under", "while", "when", "if", "some", "shares", "net", "shr", "shrs",
            "revs", "qtr", "qtly", "div", "pay", "record", "prior", "vs", "mln", "billion", "dlrs", "note", "oper",
            "avg", "year", "mthly", "qtrly", "semi", "extra", "stock", "cash", "sales", "rev", "says", "said",
            "also", "last", "new", "all", "no", "not", "about", "more", "most");

    // Verbs and nouns of wire headlines that say what kind of story it is, not whose
    private static final Set<String> HEADLINE_FURNITURE = Set.of(
            "sets", "set", "says", "said", "see", "sees", "seen", "to", "in", "of", "for", "on", "at", "by", "qtr",
            "qtly", "net", "loss", "profit", "dividend", "div", "payout", "regular", "initial", "special", "year",
            "shr", "reports", "report", "declares", "plans", "expects", "unit", "inc", "corp", "co", "ltd");

    private SalientText() {
    }

    /** The headline without the desk slugs ahead of it. */
    public static String withoutSlug(String headline) {
        return headline == null ? "" : SLUG.matcher(headline).replaceFirst("");
    }

    /** Whether the headline or a note in the body says the story corrects an earlier one. */
    public static boolean correction(String headline, List<String> paragraphs) {
        if (headline != null && CORRECTION_HEADLINE.matcher(headline).find()) {
            return true;
        }
        for (String paragraph : paragraphs) {
            if (CORRECTION_NOTE.matcher(paragraph).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The salient terms of a line of text. Names are read only where the text is in mixed case; an all-caps line
     * (wire headlines) gives every one of its words as a name when {@code capsWordsAsNames}, else no names.
     */
    public static List<Term> terms(String text, boolean capsWordsAsNames) {
        List<Term> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = WireTokens.maySplitFigure(normal) ? SPLIT_FIGURE.matcher(normal).replaceAll("$1$2$3") : normal;
        boolean caps = mostlyUpperCase(folded);
        for (String token : WireTokens.salient(folded)) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (token.charAt(0) == '<') {
                terms.add(new Term(Kind.TICKER, lower.substring(1, lower.length() - 1)));
            } else if (Character.isDigit(token.charAt(0)) || containsDigit(token)) {
                terms.add(new Term(Kind.FIGURE, figureText(lower)));
            } else if (NUMBER_WORDS.containsKey(lower)) {
                terms.add(new Term(Kind.FIGURE, NUMBER_WORDS.get(lower)));
            } else if (CALENDAR_WORDS.contains(lower)) {
                terms.add(new Term(Kind.FIGURE, lower));
            } else if (token.length() >= 2 && !NOT_NAMES.contains(lower) && !DIRECTION_WORDS.containsKey(lower)) {
                if (caps ? capsWordsAsNames : Character.isUpperCase(token.charAt(0))) {
                    terms.add(new Term(Kind.NAME, lower));
                }
            }
        }
        return terms;
    }

    /**
     * The names of a headline: every word of an all-caps headline that is not a figure, a direction or a common
     * word; in a mixed-case headline the capitalised words after the first.
     */
    public static List<Term> headlineNames(String headline) {
        List<Term> names = new ArrayList<>();
        if (headline == null || headline.isBlank()) {
            return names;
        }
        String folded = Normalizer.normalize(headline, Normalizer.Form.NFKC);
        boolean caps = mostlyUpperCase(folded);
        boolean first = true;
        for (String token : WireTokens.salient(folded)) {
            String lower = token.toLowerCase(Locale.ROOT);
            boolean word = Character.isLetter(token.charAt(0)) && !containsDigit(token) && token.length() >= 2
                    && !NOT_NAMES.contains(lower) && !HEADLINE_FURNITURE.contains(lower)
                    && !DIRECTION_WORDS.containsKey(lower) && !NUMBER_WORDS.containsKey(lower)
                    && !CALENDAR_WORDS.contains(lower);
            if (word && (caps || (!first && Character.isUpperCase(token.charAt(0))))) {
                names.add(new Term(Kind.NAME, lower));
            }
            first = false;
        }
        return names;
    }

    /** The directions a line of text states. */
    public static Set<Direction> directions(String text) {
        Set<Direction> found = java.util.EnumSet.noneOf(Direction.class);
        for (String word : FingerprintText.words(text)) {
            Direction direction = DIRECTION_WORDS.get(word);
            if (direction != null) {
                found.add(direction);
            }
        }
        return found;
    }

    /**
     * The figure a lower-case token stands for, read as {@link #terms} reads it: a number (thousands separators and
     * trailing decimal zeros folded, "6-3/16" whole) or a number word ("six" is 6); empty for any other word.
     */
    public static java.util.Optional<String> figure(String lowerToken) {
        if (lowerToken.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (Character.isDigit(lowerToken.charAt(0))) {
            return java.util.Optional.of(figureText(lowerToken));
        }
        return java.util.Optional.ofNullable(NUMBER_WORDS.get(lowerToken));
    }

    private static String figureText(String token) {
        String plain = token.replace(",", "");
        if (plain.indexOf('.') > 0 && plain.indexOf('/') < 0) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain;
    }

    private static boolean containsDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) { // per UTF-16 unit, as token.chars() gave them
                return true;
            }
        }
        return false;
    }

    private static boolean mostlyUpperCase(String text) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters > 0 && upper * 10 >= letters * 7;
    }

    private static Map<String, Direction> directionWords() {
        Map<String, Direction> words = new java.util.HashMap<>();
        put(words, Direction.UP, "raise", "raises", "raised", "raising", "hike", "hikes", "hiked", "rise", "rises",
                "rose", "risen", "rising", "up", "ups", "upped", "higher", "increase", "increases", "increased",
                "gain", "gains", "gained", "climbs", "climbed", "jumps", "jumped", "lifts", "lifted", "boosts",
                "boosted", "adds");
        put(words, Direction.DOWN, "cut", "cuts", "cutting", "lower", "lowers", "lowered", "reduce", "reduces",
                "reduced", "fall", "falls", "fell", "falling", "down", "drop", "drops", "dropped", "decline",
                "declines", "declined", "decrease", "decreases", "decreased", "slashes", "slashed", "drains",
                "drained");
        put(words, Direction.WIN, "win", "wins", "won");
        put(words, Direction.LOSE, "lose", "loses", "lost");
        put(words, Direction.START, "start", "starts", "started", "begin", "begins", "began");
        put(words, Direction.END, "end", "ends", "ended", "stop", "stops", "stopped", "halt", "halts", "halted",
                "suspend", "suspends", "suspended");
        put(words, Direction.BUY, "buy", "buys", "bought");
        put(words, Direction.SELL, "sell", "sells", "sold");
        return Map.copyOf(words);
    }

    private static void put(Map<String, Direction> words, Direction direction, String... forms) {
        for (String form : forms) {
            words.put(form, direction);
        }
    }
}

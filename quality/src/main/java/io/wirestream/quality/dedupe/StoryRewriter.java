package io.wirestream.quality.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates rewritten copies of a story. Everything it adds (datelines, credits, headline prefixes) is the project's
 * own invented furniture; an added paragraph is taken from another story of the same corpus at run time.
 */
public final class StoryRewriter {

    private static final String[] PLACES = {"PARIS", "NEW YORK", "TOKYO", "FRANKFURT", "SINGAPORE", "LONDON"};
    private static final String[] AGENCIES = {"AFP", "AP", "dpa", "Kyodo", "ANSA", "EFE"};
    private static final String[] CREDITS = {"(Reporting by Ana Ruiz; Editing by Tom Hale)",
            "Copyright 2026 Example Wire. All rights reserved.", "(Writing by Lee Park)", "-- dpa"};
    private static final String[] HEADLINE_PREFIXES = {"UPDATE 1-", "WRAPUP: ", "Report: ", "BREAKING: "};

    private final Random random;

    public StoryRewriter(long seed) {
        this.random = new Random(seed);
    }

    /** Whether a story is long enough for every kind of rewrite (paragraph edits need paragraphs). */
    public static boolean eligible(CorpusStory story) {
        return story.paragraphs().size() >= 4 && story.wordCount() >= 80;
    }

    public CorpusStory rewrite(CorpusStory original, RewriteKind kind, CorpusStory donor, String id) {
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        String headline = original.headline();
        switch (kind) {
            case VERBATIM_NOISE -> {
                paragraphs.replaceAll(StoryRewriter::noise);
                headline = noise(headline) + " ";
            }
            case NEW_DATELINE_AND_CREDIT -> addFurniture(paragraphs);
            case HEADLINE_CHANGED -> headline = pick(HEADLINE_PREFIXES) + headline.toLowerCase();
            case PARAGRAPH_ADDED -> paragraphs.add(1 + random.nextInt(paragraphs.size() - 1), longest(donor));
            case PARAGRAPH_DROPPED -> paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
            case PARAGRAPHS_REORDERED -> {
                int i = 1 + random.nextInt(paragraphs.size() - 2);
                paragraphs.add(i + 1, paragraphs.remove(i));
            }
            case TRUNCATED -> {
                // syndication cuts the tail: keep at least two thirds of the paragraphs
                int keep = Math.max(2, (int) Math.ceil(paragraphs.size() * (2.0 / 3 + random.nextDouble() / 3)));
                paragraphs = new ArrayList<>(paragraphs.subList(0, Math.min(keep, paragraphs.size() - 1)));
            }
            case COMBINED -> {
                headline = pick(HEADLINE_PREFIXES) + headline;
                paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
                paragraphs.add(1 + random.nextInt(paragraphs.size() - 1), longest(donor));
                addFurniture(paragraphs);
            }
        }
        return new CorpusStory(id, original.id(), original.wiredAt(), headline, List.copyOf(paragraphs));
    }

    private void addFurniture(List<String> paragraphs) {
        String dateline = pick(PLACES) + ", March " + (1 + random.nextInt(28)) + " (" + pick(AGENCIES) + ") - ";
        paragraphs.set(0, dateline + paragraphs.get(0));
        paragraphs.add(pick(CREDITS));
    }

    private static String longest(CorpusStory donor) {
        String longest = "";
        for (String paragraph : donor.paragraphs()) {
            if (paragraph.length() > longest.length()) {
                longest = paragraph;
            }
        }
        return longest;
    }

    /** Same text to a reader, different code points: what copy-pasting between systems does. */
    private static String noise(String text) {
        return text.replace(" ", "  ").replace("fi", "\uFB01").replace("0", "\uFF10").replace(",", " ,")
                .replace(". ", ".\u00A0");
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}

package io.wirestream.enrich.service.bench;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented wire stories of wire length for the stage benchmarks (written for them; no agency copy, no corpus text):
 * a dateline lead naming a body, a person, a place and figures, then paragraphs of seeded pseudo-words, so that two
 * stories share almost no shingles, about 2 KB of text each. A near copy is the same story as another agency files
 * it: its own headline, dateline credit and sign-off, the last paragraph cut.
 */
public final class BenchStories {

    public static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");

    static final String[] AGENCIES = {"acme", "northstar", "globe", "meridian"};
    private static final String[] PLACES = {"VARROW", "KELMIN", "ASTBURY", "ORLO BAY", "SENNET", "DOVRIK", "PELLAM",
            "QUARRY HILL"};
    private static final String[] PEOPLE = {"Hana Obrecht", "Tomas Wirral", "Lea Kostner", "Imre Salo",
            "Nadia Fenwick", "Oskar Brandt", "Ruth Amsel", "Pieter Vang"};
    private static final String[] BODIES = {"the harbour board", "the rail operator", "the city council",
            "the grain exchange", "the regional court", "the fire service", "the dockers' union", "the state utility"};
    private static final String[] THINGS = {"the northern pier", "a tram line", "the winter grain contract",
            "the flood wall", "the night ferry", "the cold store", "the bridge toll", "the pension fund"};
    private static final String[] ACTIONS = {"approved", "delayed", "rejected", "reopened", "sold", "cut", "extended",
            "froze"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    private BenchStories() {
    }

    /** Story {@code n} as agency {@code n % 4} first files it, version 1, received at {@code receivedAt}. */
    public static Article story(long n, Instant receivedAt) {
        SplittableRandom random = new SplittableRandom(0x5DEECE66DL * n + 11);
        String agency = AGENCIES[(int) (n % AGENCIES.length)];
        String body = pick(random, BODIES);
        String thing = pick(random, THINGS);
        String action = pick(random, ACTIONS);
        String person = pick(random, PEOPLE);
        int millions = 3 + random.nextInt(400);
        int jobs = 20 + random.nextInt(900);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(pick(random, PLACES) + ", May 4 (" + agency.toUpperCase(java.util.Locale.ROOT) + ") - "
                + capitalised(body) + " " + action + " " + thing + " on " + pick(random, DAYS) + ", a deal worth "
                + millions + " million crowns that covers " + jobs + " jobs, " + person + " told reporters.");
        for (int p = 0; p < 7; p++) {
            paragraphs.add(pseudoSentence(random, 14 + random.nextInt(10)) + " " + pseudoSentence(random, 10 + random.nextInt(8)));
        }
        String headline = capitalised(body) + " " + action + " " + thing + " in " + millions + " mln crown deal";
        return Article.newBuilder()
                .setUri("urn:bench:" + agency + ":story-" + n).setVersion(1).setVersioncreated(receivedAt)
                .setFirstcreated(receivedAt).setPubstatus(PubStatus.usable).setHeadline(headline)
                .setBodyParagraphs(paragraphs).setAgency(agency).setReceivedAt(receivedAt).setLanguage("en").build();
    }

    /** The same story as the next agency files it: own headline, credit and sign-off, the last paragraph cut. */
    public static Article nearCopy(Article original, long n, Instant receivedAt) {
        String agency = AGENCIES[(indexOf(original.getAgency()) + 1) % AGENCIES.length];
        List<String> paragraphs = new ArrayList<>(original.getBodyParagraphs());
        paragraphs.set(0, paragraphs.get(0).replace("(" + original.getAgency().toUpperCase(java.util.Locale.ROOT) + ")",
                "(" + agency.toUpperCase(java.util.Locale.ROOT) + ")"));
        paragraphs.remove(paragraphs.size() - 1);
        paragraphs.add("(Reporting by Mira Calder; editing by Jon Aske)");
        return Article.newBuilder(original)
                .setUri("urn:bench:" + agency + ":copy-" + n).setAgency(agency).setReceivedAt(receivedAt)
                .setVersioncreated(receivedAt).setFirstcreated(receivedAt)
                .setHeadline("UPDATE 1-" + original.getHeadline().replace(" deal", " agreement"))
                .setBodyParagraphs(paragraphs).build();
    }

    private static int indexOf(String agency) {
        for (int i = 0; i < AGENCIES.length; i++) {
            if (AGENCIES[i].equals(agency)) {
                return i;
            }
        }
        return 0;
    }

    private static String pseudoSentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = pseudoWord(random);
            text.append(w == 0 ? "" : " ").append(w == 0 ? capitalised(word) : word);
        }
        return text.append('.').toString();
    }

    /** A lower-case word of one to three consonant-vowel syllables (also the dedupe tests' invented stories). */
    public static String pseudoWord(SplittableRandom random) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int syllables = 1 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())))
                    .append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return word.toString();
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

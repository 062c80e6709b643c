package io.wirestream.wire.bench;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Invented local-news stories as NewsML-G2 items, written here so the benchmark never needs real agency copy.
 * Every story draws its own towns, people and figures from a seeded generator, so unrelated stories share few
 * three-word shingles and dedupe has no reason to merge them; a share of the items are near copies of an earlier
 * story by another agency (same facts, new headline and credit line, one paragraph cut), which dedupe must merge.
 */
public final class InventedStories {

    static final String[] AGENCIES = {"acme", "northstar", "globe", "meridian", "condor", "fieldnotes", "lowlands", "demo"};

    private static final String[] TOWN_STARTS = {"Brack", "Oster", "Wend", "Calder", "Mirren", "Holt", "Ashby", "Tarn",
            "Quill", "Fen", "Rowan", "Silver", "Marl", "Thorn", "Elder", "Crane", "Dun", "Glen", "Harrow", "Kestrel",
            "Lark", "Moss", "Nether", "Orrin", "Pell", "Redd", "Stour", "Tull", "Vale", "Wick", "Yarl", "Zenn"};
    private static final String[] TOWN_ENDS = {"ford", "mouth", "haven", "stead", "wick", "by", "holm", "bridge",
            "field", "minster", "port", "ton", "ley", "dale", "gate", "water"};
    private static final String[] FIRST = {"Anna", "Bram", "Celia", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines",
            "Jonas", "Kaja", "Luis", "Mira", "Niels", "Olga", "Pavel", "Rosa", "Sven", "Tamar", "Ugo", "Vera", "Wim",
            "Yusuf", "Zora", "Aled", "Brigid", "Casimir", "Delphine", "Emeka", "Fionn"};
    private static final String[] SURNAMES = {"Albrecht", "Berrow", "Castellan", "Dunmore", "Ekwueme", "Fairlie",
            "Gaskell", "Halvorsen", "Iversen", "Jovanovic", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura",
            "Okafor", "Petrescu", "Quennell", "Rasmussen", "Szabo", "Tremaine", "Ulloa", "Vasquez", "Whitlock",
            "Xenakis", "Yilmaz", "Zamora", "Abernethy", "Brightwell", "Cordero", "Drummond"};
    private static final String[] INSTITUTIONS = {"town council", "port authority", "water board", "transport agency",
            "hospital trust", "regional assembly", "chamber of commerce", "energy regulator", "school board",
            "fisheries office", "housing association", "planning committee"};
    private static final String[] OBJECTS = {"harbour wall", "tram line", "reservoir", "river bridge", "public library",
            "ferry service", "wind farm", "hospital wing", "rail tunnel", "market hall", "flood barrier", "bus depot",
            "sports stadium", "district heating network", "coastal path", "airport runway", "water treatment plant",
            "night train", "concert hall", "fish market"};
    private static final String[][] VERBS = {{"approves", "approved"}, {"rejects", "rejected"}, {"delays", "delayed"},
            {"backs", "backed"}, {"postpones", "postponed"}, {"extends", "extended"}, {"scraps", "scrapped"},
            {"funds", "funded"}, {"reviews", "reviewed"}, {"shelves", "shelved"}};
    private static final String[] TITLES = {"spokeswoman", "spokesman", "chair", "finance director", "chief engineer",
            "deputy mayor", "project lead", "treasurer"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] ADJECTIVES = {"damning", "long-awaited", "independent", "leaked", "cautious",
            "detailed", "critical", "preliminary"};
    private static final String[] ORGS = {"the national audit office", "a university engineering team",
            "an independent panel", "the regional ombudsman", "consultants hired by the council", "a parliamentary committee"};
    private static final String[] CONDITIONS = {"needed urgent repairs", "was behind schedule", "had cost more than planned",
            "failed safety checks", "was used less than forecast", "could not cope with winter storms"};
    private static final String[] VERDICTS = {"reckless", "overdue", "a costly gamble", "a sensible compromise",
            "far too timid", "a broken promise"};

    private final Random random;
    private final int targetBytes;
    private final String runTag;
    private final Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /**
     * @param seed makes the stories reproducible
     * @param payloadKb rough size of each item in KiB (paragraphs are added until the document reaches it)
     * @param runTag goes into every item id, so two rounds in one pipeline never share a story
     */
    public InventedStories(long seed, double payloadKb, String runTag) {
        this.random = new Random(seed);
        this.targetBytes = (int) Math.max(600, payloadKb * 1024);
        this.runTag = runTag;
    }

    /**
     * {@code count} items, of which {@code round(count * duplicatesShare)} are near copies of an original by another
     * agency. Each copy comes a few positions after its original, as a rewrite would follow a first report.
     */
    public List<BenchItem> items(int count, double duplicatesShare) {
        int copies = (int) Math.round(count * duplicatesShare);
        int originals = count - copies;
        if (copies > originals) {
            throw new IllegalArgumentException("a duplicates share above 0.5 leaves fewer originals than copies");
        }
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            stories.add(story(i));
        }
        // which originals get a copy: spread evenly over the run
        boolean[] copied = new boolean[originals];
        for (int c = 0; c < copies; c++) {
            copied[(int) ((long) c * originals / copies)] = true;
        }
        List<BenchItem> out = new ArrayList<>(count);
        List<BenchItem> pendingCopies = new ArrayList<>();
        List<Integer> dueAt = new ArrayList<>();
        try (WireItemNormaliser normaliser = new WireItemNormaliser()) {
            for (int i = 0; i < originals; i++) {
                Story s = stories.get(i);
                BenchItem original = item(normaliser, s.agency, s.id, s.xml(s.agency, s.headline, s.paragraphs), null);
                out.add(original);
                if (copied[i]) {
                    String copier = AGENCIES[(indexOf(s.agency) + 1 + random.nextInt(AGENCIES.length - 1)) % AGENCIES.length];
                    String copyId = copier.toUpperCase(Locale.ROOT) + "-" + runTag + "-C" + i;
                    List<String> paragraphs = new ArrayList<>(s.paragraphs);
                    paragraphs.set(0, paragraphs.get(0).replace("(" + credit(s.agency) + ")", "(" + credit(copier) + ")"));
                    if (paragraphs.size() > 4) {
                        paragraphs.remove(paragraphs.size() - 1);
                    }
                    paragraphs.add("Reporting by " + person() + "; editing by " + person());
                    Story copy = new Story(copier, copyId, s.rewrittenHeadline, paragraphs, s.rewrittenHeadline);
                    pendingCopies.add(item(normaliser, copier, copyId, copy.xml(copier, copy.headline, paragraphs), original.uri()));
                    dueAt.add(i + 3 + random.nextInt(8));
                }
                for (int p = 0; p < pendingCopies.size(); ) {
                    if (dueAt.get(p) <= i) {
                        out.add(pendingCopies.remove(p));
                        dueAt.remove(p);
                    } else {
                        p++;
                    }
                }
            }
        }
        out.addAll(pendingCopies);
        return out;
    }

    private BenchItem item(WireItemNormaliser normaliser, String agency, String id, byte[] xml, String copyOf) {
        RawItem raw = RawItem.newBuilder().setItemId("bench").setAgency(agency).setReceivedAt(Instant.now())
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(xml)).build();
        try {
            Article a = normaliser.normalise(raw).get(0);
            return new BenchItem(agency, id, xml, a.getUri(), copyOf);
        } catch (Exception e) {
            throw new IllegalStateException("the normaliser refused a generated item (" + id + "): " + e.getMessage(), e);
        }
    }

    private Story story(int n) {
        String agency = AGENCIES[n % AGENCIES.length];
        String id = agency.toUpperCase(Locale.ROOT) + "-" + runTag + "-" + n;
        String town = town();
        String institution = pick(INSTITUTIONS);
        String object = pick(OBJECTS);
        String[] verb = VERBS[random.nextInt(VERBS.length)];
        int millions = 2 + random.nextInt(480);
        String headline = town + " " + institution + " " + verb[0] + " " + millions + " million plan for " + object;
        String rewritten = town + ": " + institution + " " + verb[0] + " " + object + " plan worth " + millions + " million euros";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(town.toUpperCase(Locale.ROOT) + ", " + pick(MONTHS) + " " + (1 + random.nextInt(28)) + " (" + credit(agency)
                + ") - The " + institution + " of " + town + " " + verb[1] + " a " + millions + " million euro plan for the "
                + object + " on " + pick(DAYS) + ", " + pick(TITLES) + " " + person() + " said.");
        Story story = new Story(agency, id, headline, paragraphs, rewritten);
        int size = story.xml(agency, headline, paragraphs).length;
        while (size < targetBytes || paragraphs.size() < 4) {
            String p = paragraph(town, institution, object);
            paragraphs.add(p);
            size += p.getBytes(StandardCharsets.UTF_8).length + "<p></p>\n".length();
        }
        return story;
    }

    private String paragraph(String town, String institution, String object) {
        return switch (random.nextInt(7)) {
            case 0 -> person() + ", who has led the " + pick(INSTITUTIONS) + " since " + (1990 + random.nextInt(35))
                    + ", told reporters the " + object + " would need " + (5 + random.nextInt(400)) + " more workers and "
                    + (2 + random.nextInt(60)) + " months of work.";
            case 1 -> "Residents of " + town() + " and " + town() + " have complained about the " + pick(OBJECTS)
                    + " for years, and " + (100 + random.nextInt(9000)) + " of them signed a petition in " + pick(MONTHS) + ".";
            case 2 -> "The decision follows a " + pick(ADJECTIVES) + " report by " + pick(ORGS) + " that found "
                    + (3 + random.nextInt(90)) + " percent of the " + object + " " + pick(CONDITIONS) + ".";
            case 3 -> capitalise(pick(TITLES)) + " " + person() + " said the " + institution + " would publish the full figures on "
                    + pick(DAYS) + ", adding that a " + pick(OBJECTS) + " in " + town() + " faced similar problems.";
            case 4 -> "Opposition member " + person() + " called the plan " + pick(VERDICTS) + " and said "
                    + (200 + random.nextInt(40000)) + " households in " + town + " would pay " + (1 + random.nextInt(40))
                    + " euros more a month.";
            case 5 -> "Work on the " + object + " is due to start in " + pick(MONTHS) + " " + (2027 + random.nextInt(4))
                    + " and finish by " + (2031 + random.nextInt(9)) + ", according to budget papers seen by reporters.";
            default -> "In " + (1950 + random.nextInt(70)) + " a similar scheme in " + town() + " cost "
                    + (10 + random.nextInt(900)) + " million euros, " + (1 + random.nextInt(12)) + " times its first estimate, "
                    + person() + " of " + pick(ORGS) + " recalled.";
        };
    }

    private String town() {
        return pick(TOWN_STARTS) + pick(TOWN_ENDS);
    }

    private String person() {
        return pick(FIRST) + " " + pick(SURNAMES);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String credit(String agency) {
        return capitalise(agency);
    }

    private static int indexOf(String agency) {
        for (int i = 0; i < AGENCIES.length; i++) {
            if (AGENCIES[i].equals(agency)) {
                return i;
            }
        }
        throw new IllegalArgumentException(agency);
    }

    private final class Story {
        final String agency;
        final String id;
        final String headline;
        final List<String> paragraphs;
        final String rewrittenHeadline;
        final String creator = person();

        Story(String agency, String id, String headline, List<String> paragraphs, String rewrittenHeadline) {
            this.agency = agency;
            this.id = id;
            this.headline = headline;
            this.paragraphs = paragraphs;
            this.rewrittenHeadline = rewrittenHeadline;
        }

        byte[] xml(String agency, String headline, List<String> body) {
            StringBuilder paras = new StringBuilder();
            body.forEach(p -> paras.append("<p>").append(p).append("</p>\n"));
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:" + agency + ".bench.example:" + id
                    + "\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.33\" xml:lang=\"en\">\n"
                    + "<itemMeta><itemClass qcode=\"ninat:text\"/><provider qcode=\"nprov:" + agency.toUpperCase(Locale.ROOT) + "\"/>"
                    + "<versionCreated>" + created + "</versionCreated><firstCreated>" + created + "</firstCreated>"
                    + "<pubStatus qcode=\"stat:usable\"/></itemMeta>\n"
                    + "<contentMeta><urgency>4</urgency><creator><name>" + creator + "</name></creator>"
                    + "<headline>" + headline + "</headline><language tag=\"en\"/></contentMeta>\n"
                    + "<contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n"
                    + paras + "</body></html></inlineXML></contentSet></newsItem>\n";
            return xml.getBytes(StandardCharsets.UTF_8);
        }
    }
}

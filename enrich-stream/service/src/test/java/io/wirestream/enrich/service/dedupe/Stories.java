package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Invented stories for the stage's tests (written for these tests; no agency copy). */
final class Stories {

    static final String HEADLINE = "Ferry runs aground off Port Selwyn, all 212 passengers rescued";
    static final List<String> FERRY = List.of(
            "A passenger ferry carrying 212 people ran aground on a sandbank off Port Selwyn early on Tuesday, and "
                    + "coastguard crews brought every passenger ashore by mid-morning, the harbour authority said.",
            "The Marigold Star, a 90-metre vessel operated by Northway Lines, left the harbour at 5.40 a.m. bound for "
                    + "the island of Kessa and struck the bank about four kilometres out in heavy fog.",
            "Three passengers were treated for minor injuries and a crew member was taken to hospital with a broken "
                    + "wrist, according to harbourmaster Ilse Varga, who said the hull had not been breached.",
            "Northway Lines suspended its Kessa crossings for the rest of the week and said engineers would inspect "
                    + "the ship once tugs had pulled it free on the evening high tide.",
            "The maritime safety board opened an inquiry into why the ferry left port while a fog warning was in "
                    + "force, a spokesman for the board told reporters at the quayside.");

    /** Same kind of event, different story: another ferry, another port, other people and numbers. */
    static final String OTHER_HEADLINE = "Ferry hits rocks near Alderney Point, 48 passengers evacuated";
    static final List<String> OTHER_FERRY = List.of(
            "A ferry with 48 passengers on board hit rocks near Alderney Point late on Friday, and lifeboat crews "
                    + "evacuated everyone to the mainland within two hours, police said.",
            "The Coral Wren, a 40-metre catamaran run by Bluewater Ferries, had been diverted from its usual route "
                    + "because of a storm that closed the northern channel for most of the afternoon.",
            "Paramedics checked several passengers for hypothermia, but nobody needed hospital treatment, said "
                    + "inspector Darius Holm, who led the rescue from the harbour office.",
            "Bluewater Ferries said the catamaran was taking on water and would be towed to a dry dock at Greyhaven "
                    + "for repairs that could take a month.",
            "Local councillors called for a review of the storm diversion rules, which they said sent small vessels "
                    + "too close to the reefs at night.");

    private Stories() {
    }

    static Article article(String uri, String agency, long version, Instant receivedAt, String headline,
            List<String> paragraphs) {
        return Article.newBuilder()
                .setUri(uri).setVersion(version).setVersioncreated(receivedAt).setPubstatus(PubStatus.usable)
                .setHeadline(headline).setBodyParagraphs(new ArrayList<>(paragraphs)).setAgency(agency)
                .setReceivedAt(receivedAt).build();
    }

    static Article ferry(String uri, String agency, long version, Instant receivedAt) {
        return article(uri, agency, version, receivedAt, HEADLINE, FERRY);
    }

    /** The ferry story as a second agency files it: own dateline and credit, same words. */
    static Article ferryResyndicated(String uri, String agency, Instant receivedAt) {
        List<String> paragraphs = new ArrayList<>(FERRY);
        paragraphs.set(0, "PORT SELWYN, March 3 (" + agency + ") - " + paragraphs.get(0));
        paragraphs.add("(Reporting by Mara Lind; Editing by Paul Obi)");
        return article(uri, agency, 1, receivedAt, HEADLINE, paragraphs);
    }

    /** The ferry story lightly rewritten: new headline, a paragraph dropped, one added, two swapped. */
    static Article ferryRewritten(String uri, String agency, Instant receivedAt) {
        List<String> paragraphs = new ArrayList<>(FERRY);
        paragraphs.remove(3);
        paragraphs.add(2, "Fog had closed two other ports on the coast overnight, weather officials said.");
        paragraphs.add(1, paragraphs.remove(2));
        return article(uri, agency, 1, receivedAt, "All passengers safe after ferry grounding in fog", paragraphs);
    }

    static Article otherFerry(String uri, String agency, Instant receivedAt) {
        return article(uri, agency, 1, receivedAt, OTHER_HEADLINE, OTHER_FERRY);
    }

    static Article withSignals(Article article, String... signals) {
        return Article.newBuilder(article).setSignals(List.of(signals)).build();
    }

    static Article killed(Article article) {
        return Article.newBuilder(article).setPubstatus(PubStatus.canceled).build();
    }
}

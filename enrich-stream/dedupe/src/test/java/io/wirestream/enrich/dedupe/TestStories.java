package io.wirestream.enrich.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Invented stories written for these tests. */
public final class TestStories {

    public static final String RULING_HEADLINE = "Court strikes down Halvard toll on river bridge";
    public static final List<String> RULING = List.of(
            "The regional appeals court on Monday struck down the toll that the city of Halvard has charged drivers on "
                    + "the Orrin river bridge since 2019, ruling that the council had never put it to a public vote.",
            "Judge Petra Solberg said the council's decision to raise 4.2 million crowns a year from the crossing "
                    + "breached the municipal charter, which requires a referendum on any new local levy.",
            "The council said it would study the ruling before deciding whether to appeal to the supreme court, and "
                    + "that tolls would not be collected from Wednesday.",
            "Commuters' association chair Rolf Amsel welcomed the judgment and asked the city to refund the 38 crowns "
                    + "a week that regular drivers had paid for five years.",
            "The bridge carries about 26,000 vehicles a day and is the only road link between the old town and the "
                    + "eastern industrial district.");

    /** Same topic, another case: another court, another levy, other people and figures. */
    public static final String OTHER_RULING_HEADLINE = "Supreme court upholds Varna harbour fee for cruise ships";
    public static final List<String> OTHER_RULING = List.of(
            "The supreme court on Thursday upheld the fee that the port of Varna charges cruise ships for each "
                    + "passenger landed, rejecting a challenge brought by three shipping lines.",
            "Justice Emil Raskov wrote that the 12 euro charge was a payment for harbour services, not a tax, and "
                    + "so did not need the approval of parliament.",
            "The shipping lines had argued that the fee, introduced in 2021, cost them 9 million euros a season and "
                    + "would push cruises to other ports on the coast.",
            "The port authority said the money paid for a new passenger terminal that opened last spring and for "
                    + "dredging the outer basin.",
            "Lawyers for the lines said they were considering a complaint to the European Commission.");

    private TestStories() {
    }

    public static Article article(String uri, String agency, long version, Instant receivedAt, String headline,
            List<String> paragraphs) {
        return Article.newBuilder()
                .setUri(uri).setVersion(version).setVersioncreated(receivedAt).setPubstatus(PubStatus.usable)
                .setHeadline(headline).setBodyParagraphs(new ArrayList<>(paragraphs)).setAgency(agency)
                .setReceivedAt(receivedAt).build();
    }

    public static Article ruling(long version) {
        return article("ntb:ruling", "NTB", version, Instant.parse("2026-05-04T09:00:00Z"), RULING_HEADLINE, RULING);
    }
}

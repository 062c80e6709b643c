package io.wirestream.subscriptions.testing;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Subject;
import java.time.Instant;
import java.util.List;

/** Story versions written for these tests (invented; nothing from a corpus). */
public final class Stories {

    public static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
    public static final String SPORT = "medtop:15000000";
    public static final String ECONOMY = "medtop:04000000";
    public static final String POLITICS = "medtop:11000000";

    private Stories() {}

    /** A usable story of one agency on one Media Topic, in English, urgency 5, datelined Oslo. */
    public static Article.Builder story(String uri, long version, String agency, String topic) {
        return Article.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setVersioncreated(T0.plusSeconds(60 * version))
                .setFirstcreated(T0)
                .setPubstatus(PubStatus.usable)
                .setUrgency(5)
                .setHeadline("Story " + uri + " version " + version)
                .setDescription("A test story about " + topic)
                .setLocated("Oslo")
                .setLanguage("en")
                .setBodyParagraphs(List.of("First paragraph of " + uri + ".", "Version " + version + " of the text."))
                .setBodyHtml("<p>First paragraph of " + uri + ".</p><p>Version " + version + " of the text.</p>")
                .setSubjects(List.of(new Subject(topic, null, 1.0, "source")))
                .setKeywords(List.of("harbour"))
                .setEntities(List.of(new Entity("Oslo", EntityType.PLACE, List.of("Oslo"), 1, 0.9, null)))
                .setAgency(agency)
                .setCopyrightnotice("(c) 2026 " + agency + ", all rights reserved")
                .setRaw(new RawRef("raw-" + uri + "-" + version, agency, "wire.raw", 0, version))
                .setReceivedAt(T0.plusSeconds(60 * version + 1))
                .setProcessedAt(T0.plusSeconds(60 * version + 2));
    }

    public static Article usable(String uri, long version, String agency, String topic) {
        return story(uri, version, agency, topic).build();
    }

    /** A correction: the new version keeps nothing a product matched on (other agency field kept, topic gone). */
    public static Article correctionWithoutTopics(String uri, long version, String agency) {
        return story(uri, version, agency, POLITICS).setSubjects(List.of()).setKeywords(List.of())
                .setSignals(List.of("correction")).setHeadline("CORRECTION: story " + uri).build();
    }

    /** A kill as enrich-stream sends it: canceled, signal kill, stripped of subjects, keywords and text. */
    public static Article kill(String uri, long version, String agency) {
        return story(uri, version, agency, SPORT).setPubstatus(PubStatus.canceled).setSignals(List.of("kill"))
                .setSubjects(List.of()).setKeywords(List.of()).setEntities(List.of()).setLanguage(null).setUrgency(null)
                .setHeadline("KILL").setBodyParagraphs(List.of()).setBodyHtml("").build();
    }

    public static Article withheld(String uri, long version, String agency) {
        return story(uri, version, agency, SPORT).setPubstatus(PubStatus.withheld).setSignals(List.of("hold"))
                .setBodyParagraphs(List.of()).setBodyHtml("").build();
    }

    public static Article embargoed(String uri, long version, String agency, String topic, Instant until) {
        return story(uri, version, agency, topic).setEmbargoed(until).build();
    }
}

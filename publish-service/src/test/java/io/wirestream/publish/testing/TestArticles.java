package io.wirestream.publish.testing;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Headline;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.RelatedLink;
import io.wirestream.avro.SourceId;
import io.wirestream.avro.Subject;

import java.time.Instant;
import java.util.List;

/** Articles written for these tests; none is taken from a corpus. */
public final class TestArticles {

    public static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");

    private TestArticles() {}

    public static Article.Builder story(String uri, long version) {
        return Article.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setVersioncreated(T0.plusSeconds(60 * version))
                .setFirstcreated(T0)
                .setPubstatus(PubStatus.usable)
                .setHeadline("Harbour ferry timetable changes for winter, version " + version)
                .setHeadlines(List.of(new Headline("main", "Harbour ferry timetable changes for winter, version " + version)))
                .setDescription("The ferry company publishes its winter timetable.")
                .setByline("Test Desk")
                .setLocated("Portsmouth")
                .setLanguage("en")
                .setBodyParagraphs(List.of(
                        "The harbour ferry will run every forty minutes from November.",
                        "Passengers asked for earlier departures on weekdays (version " + version + ")."))
                .setBodyHtml("<p>The harbour ferry will run every forty minutes from November.</p>"
                        + "<p>Passengers asked for earlier departures on weekdays (version " + version + ").</p>")
                .setSubjects(List.of(new Subject("medtop:20000574", "transport", 0.9, "inferred")))
                .setKeywords(List.of("ferry", "timetable"))
                .setEntities(List.of(new Entity("Portsmouth", EntityType.PLACE, List.of("Portsmouth"), 1, 0.8, null),
                        new Entity("Harbour Ferries Ltd", EntityType.ORGANISATION, List.of("ferry company"), 1, 0.6, null)))
                .setRelated(List.of(new RelatedLink("testwire:ferry-summer", "Summer timetable", 0.4, "shared entities", "computed")))
                .setAgency("testwire")
                .setSourceIds(List.of(new SourceId("guid", uri + "#guid")))
                .setSourceFormat("test")
                .setRaw(new RawRef("raw-" + uri + "-" + version, "testwire", "wire.raw", 0, version))
                .setReceivedAt(T0.plusSeconds(60 * version + 1))
                .setProcessedAt(T0.plusSeconds(60 * version + 2));
    }

    public static Article usable(String uri, long version) {
        return story(uri, version).build();
    }

    public static Article withText(String uri, long version, String headline, String body) {
        return story(uri, version).setHeadline(headline).setHeadlines(List.of())
                .setBodyParagraphs(List.of(body)).setBodyHtml("<p>" + body + "</p>").build();
    }

    public static Article kill(String uri, long version) {
        return story(uri, version).setPubstatus(PubStatus.canceled).setSignals(List.of("kill"))
                .setHeadline("KILL: story withdrawn").setHeadlines(List.of()).build();
    }

    public static Article embargoed(String uri, long version, Instant until) {
        return story(uri, version).setEmbargoed(until).build();
    }
}

package io.wirestream.enrich.service.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 15's ordering properties through the whole topology, over random sequences of versions, kills and embargo
 * times arriving at random moments: a killed id never publishes again, nothing leaves before its embargo, and the
 * newest version wins. Each try runs a fresh topology, so the tries are few.
 */
class EditorialOrderingProperties {

    static final String URI = "urn:acme:story";

    /** One item an agency sends: a version, a kill or not, an embargo relative to its arrival, then a pause. */
    record Event(long version, boolean kill, Integer embargoMinutes, int pauseMinutes) {
        String line(Instant now) {
            String embargo = embargoMinutes == null ? "" : now.plus(Duration.ofMinutes(embargoMinutes)).toString();
            return URI + "|" + version + "|" + (kill ? "canceled" : "usable") + "|" + embargo + "||Harbour story v" + version
                    + "|Version " + version + " of a harbour story written for this test.";
        }
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 5),
                Arbitraries.integers().between(0, 5).map(i -> i == 0),
                Arbitraries.integers().between(-30, 90).injectNull(0.5),
                Arbitraries.integers().between(0, 40)).as(Event::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 15)
    void killsArePermanentEmbargoesHoldAndTheNewestVersionWins(@ForAll("events") List<Event> events)
            throws Exception {
        Path dir = Files.createTempDirectory("editorial-ordering");
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            Long killedAtPush = null;
            long newestBeforeKill = Long.MIN_VALUE;
            for (Event e : events) {
                Instant sent = p.now();
                p.push("acme", e.line(sent));
                if (e.kill() && killedAtPush == null) {
                    killedAtPush = sent.toEpochMilli();
                }
                if (!e.kill() && killedAtPush == null) {
                    newestBeforeKill = Math.max(newestBeforeKill, e.version());
                }
                p.advance(Duration.ofMinutes(e.pauseMinutes()));
            }
            p.advance(Duration.ofHours(2)); // every embargo has lifted
            p.settle();

            List<Article> out = p.of(URI);
            boolean killSeen = false;
            long lastVersion = Long.MIN_VALUE;
            for (Article a : out) {
                assertThat(killSeen).as("nothing after a kill: %s", out).isFalse();
                killSeen = a.getPubstatus() == PubStatus.canceled;
                assertThat(a.getVersion()).as("never backwards").isGreaterThanOrEqualTo(lastVersion);
                lastVersion = a.getVersion();
                if (a.getEmbargoed() != null && a.getPubstatus() != PubStatus.canceled) {
                    assertThat(a.getProcessedAt()).as("not before its embargo").isAfterOrEqualTo(a.getEmbargoed());
                }
            }
            if (killedAtPush != null) {
                assertThat(out).isNotEmpty();
                assertThat(out.get(out.size() - 1).getPubstatus()).isEqualTo(PubStatus.canceled);
            } else {
                assertThat(out).isNotEmpty();
                assertThat(out.get(out.size() - 1).getVersion()).as("the newest version wins").isEqualTo(newestBeforeKill);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

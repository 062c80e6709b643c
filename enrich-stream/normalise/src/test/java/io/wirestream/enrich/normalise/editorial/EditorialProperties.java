package io.wirestream.enrich.normalise.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.enrich.normalise.model.WireTime;
import io.wirestream.enrich.normalise.text.Embargoes;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the one editorial model, over generated advisory text and times. */
class EditorialProperties {

    /** Story words, many of them the ones a word list would take for a kill, a hold or an embargo. */
    private static final List<String> STORY_WORDS = List.of("updates", "with", "senator's", "withdrawal", "from",
            "committee", "post", "killed", "kill", "eliminate", "elimination", "withdrawn", "withdraws", "troops",
            "storno", "do", "not", "use", "delete", "talks", "on", "hold", "holds", "corrected", "market", "correction",
            "adds", "quotes", "minister", "deleted", "cancelled", "vote", "ban", "embargo", "oil", "trade", "lifted",
            "new", "figures", "0600", "GMT", "Thursday", "sources", "says");

    @Provide
    Arbitrary<String> advisoryWithoutMarkers() {
        return Arbitraries.of(STORY_WORDS).list().ofMinSize(1).ofMaxSize(12)
                .map(words -> "Updates with " + String.join(" ", words));
    }

    /** No advisory text without an explicit kill marker ever makes a story canceled. */
    @Property(tries = 200)
    void storyWordsInAnEdnoteNeverKill(@ForAll("advisoryWithoutMarkers") String ednote) throws NormalisationException {
        Article a = TestItems.one("ep", EditorialDefectsTest.ninjs("ep", ", \"ednote\": \"" + ednote + "\""));
        assertThat(a.getPubstatus()).as(ednote).isNotEqualTo(PubStatus.canceled);
        assertThat(a.getSignals()).as(ednote).doesNotContain("kill");
    }

    @Provide
    Arbitrary<String> embargoTimes() {
        Arbitrary<String> clock = Arbitraries.of("0001 GMT", "00:01 GMT", "12:01 a.m. EST", "0600", "6 p.m. EDT",
                "2359 UTC", "", "further notice", "the minister speaks", "noon", "25 January 2024 06:00 MEZ");
        Arbitrary<String> day = Arbitraries.of("", " Thursday", " Monday", " tomorrow", " Thursday or Friday", " next week");
        return clock.flatMap(c -> day.map(d -> c + d));
    }

    /** An embargo marker never yields "usable now": either usable with an embargo time, or withheld. */
    @Property(tries = 200)
    void anEmbargoMarkerNeverMeansPublishNow(@ForAll("embargoTimes") String when,
            @ForAll("markers") String marker) throws NormalisationException {
        String info = (marker + " " + when).trim();
        Article a = TestItems.one("ep", EditorialDefectsTest.nitf("", "<ed-msg info=\"" + info + "\"/>"));
        if (a.getPubstatus() == PubStatus.usable) {
            assertThat(a.getEmbargoed()).as(info).isNotNull();
        } else {
            assertThat(a.getPubstatus()).as(info).isEqualTo(PubStatus.withheld);
        }
    }

    @Provide
    Arbitrary<String> markers() {
        return Arbitraries.of("EMBARGOED until", "Embargoed until", "EMBARGO:", "Eds: do not use before",
                "Not for publication before", "SPERRFRIST", "HOLD FOR RELEASE until");
    }

    /**
     * A clock time with a weekday is the first such moment after the item's time: on that weekday, later than the
     * item, and less than a week after it.
     */
    @Property(tries = 300)
    void aWeekdayEmbargoIsTheNextSuchMomentAfterTheItem(
            @ForAll @LongRange(min = 1_500_000_000L, max = 2_000_000_000L) long itemSecond,
            @ForAll DayOfWeek weekday, @ForAll @IntRange(min = 0, max = 23) int hour,
            @ForAll @IntRange(min = 0, max = 59) int minute) {
        Instant item = Instant.ofEpochSecond(itemSecond);
        String day = weekday.name().charAt(0) + weekday.name().substring(1).toLowerCase(Locale.ROOT);
        String line = "EMBARGOED until %02d%02d GMT %s".formatted(hour, minute, day);
        WireTime t = Embargoes.resolve(line, ZoneOffset.UTC, item);
        assertThat(t).as(line).isNotNull();
        ZonedDateTime at = t.instant().atZone(ZoneOffset.UTC);
        assertThat(at.getDayOfWeek()).isEqualTo(weekday);
        assertThat(at.getHour()).isEqualTo(hour);
        assertThat(at.getMinute()).isEqualTo(minute);
        assertThat(t.instant()).isAfter(item);
        assertThat(Duration.between(item, t.instant())).isLessThanOrEqualTo(Duration.ofDays(7));
    }
}

package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Anpa1312ParserTest {

    /** An invented AP-style ANPA-1312 message: envelope, keyword line, '^' header lines, TAB paragraphs, trailer. */
    static String story(String sequence, String takeKey) {
        return ctl("""
                <SYN><SYN><SOH>a%s<US>wire
                u s<DC3><DC1> BC-SOC--Harbour-Cup Final%s      05-18 0420
                <STX>^BC-SOC--Harbour Cup Final%s,0412<
                ^Late header lifts Portvale to first Harbour Cup title<
                ^Eds: Moves on sports wires.<
                ^By MARTA QUILLEN=
                ^Example Press Sports Writer=
                <TAB>   LISBON, Portugal (EP) _ Tomas Reyes headed in a corner in the 89th minute and Portvale beat Northgate 2-1 on Saturday to win the Harbour Cup for the first time.
                <TAB>   ``We waited forty years for this,'' Portvale coach Ines Dalgado said. ``Tonight the whole town sings.''
                <TAB>   Northgate had led through an early penalty from Sam Okafor, but Portvale equalised before half-time when a cross from the left de-
                flected in off a defender.
                <TAB>   Portvale's next match is the league opener against Eastbridge in August.
                <TAB>   <ETX>EP-WS-05-18-24 2147GMT<
                <EOT>""".formatted(sequence, takeKey.isEmpty() ? "" : " " + takeKey.replace(" ", ""),
                takeKey.isEmpty() ? "" : ", " + takeKey));
    }

    @Test
    void readsEnvelopeHeaderAndText() throws NormalisationException {
        Article a = TestItems.one("ep", story("0417", ""));
        assertThat(a.getSourceFormat()).isEqualTo("anpa-1312");
        assertThat(a.getHeadline()).isEqualTo("Late header lifts Portvale to first Harbour Cup title");
        assertThat(a.getByline()).isEqualTo("MARTA QUILLEN");
        assertThat(a.getLocated()).isEqualTo("LISBON, Portugal");
        assertThat(a.getDatelineSource()).isEqualTo("EP");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-05-18T21:47:00Z"));
        assertThat(a.getUrgency()).isEqualTo(3); // priority letter u = urgent
        assertThat(a.getKeywords()).containsExactly("Harbour Cup Final");
        assertThat(a.getSubjects()).extracting(Subject::getCode, Subject::getOrigin)
                .contains(org.assertj.core.groups.Tuple.tuple("anpa-category:s", "source"),
                        org.assertj.core.groups.Tuple.tuple("medtop:15000000", "mapped"));
        assertThat(a.getBodyParagraphs()).hasSize(4);
        assertThat(a.getBodyParagraphs().get(0)).startsWith("Tomas Reyes headed in a corner");
        // TTS quotes become typographic ones, and the word split over a line end is whole again
        assertThat(a.getBodyParagraphs().get(1)).isEqualTo(
                "“We waited forty years for this,” Portvale coach Ines Dalgado said. “Tonight the whole town sings.”");
        assertThat(a.getBodyParagraphs().get(2)).contains("the left deflected in off a defender.");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getUri()).startsWith("urn:wirestream:ep:hash:");
        assertThat(a.getBodyHtml()).startsWith("<p>Tomas Reyes").doesNotContain("\u0002");
    }

    @Test
    void aRedeliveredFileKeepsItsContentDerivedId() throws NormalisationException {
        Article first = TestItems.one("ep", story("0417", ""));
        Article again = TestItems.one("ep", story("0999", ""));
        assertThat(again.getUri()).isEqualTo(first.getUri());
        Article otherAgency = TestItems.one("other", story("0417", ""));
        assertThat(otherAgency.getUri()).isNotEqualTo(first.getUri());
    }

    @Test
    void writethruAndKillAdvisoriesBecomeSignals() throws NormalisationException {
        Article update = TestItems.one("ep", story("0418", "1st Ld-Writethru"));
        assertThat(update.getSignals()).contains("update");
        assertThat(update.getKeywords()).containsExactly("Harbour Cup Final");
        Article kill = TestItems.one("ep", story("0419", "Kill"));
        assertThat(kill.getSignals()).contains("kill");
        assertThat(kill.getPubstatus()).isEqualTo(PubStatus.canceled);
    }

    @Test
    void anEmbargoInTheEditorsNoteIsRead() throws NormalisationException {
        Article a = TestItems.one("ep", story("0422", "").replace("^Eds: Moves on sports wires.<",
                "^Eds: EMBARGOED until 0001 GMT May 19, 2024. Moves on sports wires.<"));
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-05-19T00:01:00Z"));
    }

    @Test
    void continuationTakesAreAppended() throws NormalisationException {
        String take2 = ctl("""
                <SYN><SYN><SOH>a0421<US>wire
                u s<DC3><DC1> BC-SOC--Harbour-Cup Final 2ndTake      05-18 0120
                <STX>^BC-SOC--Harbour Cup Final, 2nd Take,0120<
                <TAB>   The final drew a record crowd of 31,000 to the riverside stadium.
                <TAB>   <ETX>EP-WS-05-18-24 2152GMT<
                <EOT>""");
        List<Article> out = TestItems.normalise("ep", story("0420", "") + take2);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getBodyParagraphs()).hasSize(5)
                .last().asString().startsWith("The final drew a record crowd");
    }

    @Test
    void anEnvelopeWithoutTextIsRefused() {
        NormalisationException e = TestItems.refusal("ep", ctl("<SYN><SYN><SOH>a0001<US>wire\nr s<DC3><DC1> BC-X 01-01 0001\n"));
        assertThat(e.stage()).isEqualTo("parse");
        assertThat(e.reason()).isEqualTo("malformed-anpa");
    }

    @Test
    void priorityLetters() {
        assertThat(Anpa1312Parser.urgency("f")).isEqualTo(1);
        assertThat(Anpa1312Parser.urgency("b")).isEqualTo(2);
        assertThat(Anpa1312Parser.urgency("r")).isEqualTo(4);
        assertThat(Anpa1312Parser.urgency("q")).isNull();
    }
}

package io.wirestream.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * English rules never run on other languages: copy in another language is tagged only with entities the knowledge
 * base knows, with the same ids as in English copy, and gets no inferred Media Topics or keywords. Stories written
 * for these tests.
 */
class LanguageTaggingTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static Article story(String language, String headline, String... paragraphs) {
        return TAGGER.tag(Article.newBuilder().setUri("u-" + headline.hashCode()).setVersion(1).setVersioncreated(T0)
                .setFirstcreated(T0).setPubstatus(PubStatus.usable).setHeadline(headline)
                .setBodyParagraphs(List.of(paragraphs)).setLanguage(language).setAgency("test").setReceivedAt(T0)
                .build());
    }

    static Optional<Entity> withUri(Article a, String uri) {
        return a.getEntities().stream().filter(e -> uri.equals(e.getUri())).findFirst();
    }

    static List<String> names(Article a) {
        return a.getEntities().stream().map(Entity::getName).toList();
    }

    @Test
    void finnishCopyGetsKnownNamesWithoutCaseEndingsOrTitlesAndNothingFoundByShape() {
        Article a = story("fi-FI", "Puolustusministeri Jussi Niinistö tapasi Donald Trumpin",
                "Lisäksi Ylen tietojen mukaan Suomen hallitus käsitteli asiaa torstaina.",
                "Puolustusministeri Jussi Niinistön mukaan Yhdysvaltain ja Venäjän suhteet ovat kireät. Niinistö "
                        + "kertoi, että YK:n rooli on tärkeä.");
        assertThat(a.getEntities()).allSatisfy(e -> assertThat(e.getUri()).as(e.getName()).isNotNull());
        assertThat(names(a)).contains("Jussi Niinistö", "Donald Trump", "Finland", "United States", "Russia",
                "United Nations")
                .noneMatch(n -> n.contains("Lisäksi") || n.contains("Ylen") || n.contains("Puolustusministeri")
                        || n.contains("Trumpin"));
        // the lone surname is the Niinistö the story names in full, not the president the knowledge base also knows
        assertThat(withUri(a, "wirestream:person:jussi-niinisto")).get()
                .satisfies(e -> assertThat(e.getMentionCount()).isEqualTo(3));
        assertThat(withUri(a, "wirestream:person:sauli-niinisto")).isEmpty();
        assertThat(withUri(a, "wirestream:person:donald-trump")).get()
                .satisfies(e -> assertThat(e.getMentions()).containsExactly("Donald Trumpin"));
    }

    @Test
    void anUnknownNameIsNotTakenForAKnownPersonWithTheSameSurname() {
        Article a = story("fi", "Kansanedustaja Ville Niinistö vieraili Oulussa",
                "Kansanedustaja Ville Niinistö puhui torstaina.");
        assertThat(withUri(a, "wirestream:person:sauli-niinisto")).isEmpty();
        assertThat(a.getEntities()).noneMatch(e -> e.getType() == EntityType.PERSON);
    }

    @Test
    void germanNounsAreNotPeopleAndTheGenitiveIsStripped() {
        Article a = story("de", "Das Spiel in Berlin",
                "Nach Monaten Training kehrte der Polizeihund zurück. Angela Merkels Regierung und die Vereinten "
                        + "Nationen äußerten sich. Deutschlands Außenminister sprach mit Frankreich.");
        assertThat(a.getEntities()).allSatisfy(e -> assertThat(e.getUri()).as(e.getName()).isNotNull());
        assertThat(names(a)).containsExactlyInAnyOrder("Berlin", "Angela Merkel", "United Nations", "Germany", "France");
    }

    @Test
    void norwegianNamesLinkToTheSameIdsAsEnglishOnes() {
        Article norsk = story("nb-NO", "Norge støtter FNs Agenda 2030",
                "Statsminister Jonas Gahr Støre sa at Norges bidrag til FN øker.");
        Article english = story("en", "Norway backs UN goals", "Prime Minister Jonas Gahr Store said Norway would give more.");
        assertThat(names(norsk)).containsExactlyInAnyOrder("Norway", "United Nations", "Jonas Gahr Støre");
        for (Entity e : norsk.getEntities()) {
            assertThat(withUri(english, e.getUri())).as(e.getName()).isPresent();
        }
        assertThat(withUri(norsk, "wirestream:place:no")).get()
                .satisfies(e -> assertThat(e.getMentions()).containsExactlyInAnyOrder("Norge", "Norges"));
    }

    @Test
    void frenchHeadlinesAndElisionsGiveNoPeopleByShape() {
        Article a = story("fr", "Décès de Naomi Musenga : l'opératrice du Samu mise en cause",
                "L'opératrice du Samu de Strasbourg a été suspendue, selon l'ONU et d'Emmanuel Macron.");
        assertThat(a.getEntities()).allSatisfy(e -> assertThat(e.getUri()).as(e.getName()).isNotNull());
        assertThat(names(a)).containsExactlyInAnyOrder("Strasbourg", "United Nations", "Emmanuel Macron");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "da|Regeringen Frederiksen under pres|Statsminister Mette Frederiksen mødte Ulf Kristersson i Sverige om Aftalen.",
        "sv|Ulf Kristersson besöker Tyskland|Statsminister Ulf Kristersson träffade Polisen och Förbundet i Tyskland.",
        "it|Il Governo Meloni e la Commissione|Giorgia Meloni ha incontrato il Presidente della Regione in Germania.",
        "es|El Gobierno de Pedro Sánchez y la Fiscalía|Pedro Sánchez se reunió con la Ministra de Hacienda en Alemania."})
    void otherAgencyLanguagesGetOnlyKnownEntities(String language, String headline, String body) {
        Article a = story(language, headline, body);
        assertThat(a.getEntities()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getUri()).as(e.getName()).isNotNull());
        assertThat(a.getEntities()).anySatisfy(e -> assertThat(e.getType()).isEqualTo(EntityType.PERSON))
                .anySatisfy(e -> assertThat(e.getType()).isEqualTo(EntityType.PLACE));
    }

    @Test
    void otherLanguagesGetNoEnglishTopicsOrKeywordsButKeepTheSourcesOwn() {
        Subject sourceSubject = Subject.newBuilder().setCode("medtop:15000000").setName("sport").setOrigin("source")
                .build();
        Article untagged = Article.newBuilder().setUri("de-1").setVersion(1).setVersioncreated(T0).setFirstcreated(T0)
                .setPubstatus(PubStatus.usable).setHeadline("Die Regierung plant eine neue Steuer auf Aktien")
                .setBodyParagraphs(List.of("Die Minister der Regierung sagten, die Steuer auf Aktien und Anleihen "
                        + "solle im Haushalt Milliarden bringen. Die Inflation und die Zinsen bleiben hoch."))
                .setLanguage("de-DE").setSubjects(List.of(sourceSubject)).setKeywords(List.of("Steuer"))
                .setAgency("test").setReceivedAt(T0).build();
        Article a = TAGGER.tag(untagged);
        assertThat(a.getSubjects()).containsExactly(sourceSubject);
        assertThat(a.getKeywords()).containsExactly("Steuer");
    }

    @Test
    void copyWithoutALanguageIsTaggedAsEnglish() {
        Article a = story(null, "Minister resigns", "Foreign Minister Tomas Varenko resigned on Monday, officials said.");
        assertThat(names(a)).contains("Tomas Varenko");
        assertThat(a.getSubjects()).isNotEmpty();
    }

    @Test
    void citiesGoByTheirNameInTheCopysLanguage() {
        Article italian = story("it", "Maltempo a Napoli e Torino", "La pioggia ha colpito Napoli e Firenze.");
        assertThat(withUri(italian, "wirestream:place:naples")).get()
                .satisfies(e -> assertThat(e.getMentionCount()).isEqualTo(2));
        assertThat(withUri(italian, "wirestream:org:napoli")).isEmpty();
        Article finnish = story("fi", "Kokous Moskovassa", "Ministerit tapasivat Helsingissä ja Tukholmassa.");
        assertThat(names(finnish)).containsExactlyInAnyOrder("Moscow", "Helsinki", "Stockholm");
    }
}

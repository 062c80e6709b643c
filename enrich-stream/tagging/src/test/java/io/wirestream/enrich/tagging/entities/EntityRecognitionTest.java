package io.wirestream.enrich.tagging.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entities on short stories written for these tests. */
class EntityRecognitionTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();

    static List<ResolvedEntity> entities(String headline, String... paragraphs) {
        TaggingResult result = TAGGER.analyse(headline, List.of(paragraphs));
        return result.entities();
    }

    static Optional<ResolvedEntity> named(List<ResolvedEntity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void aliasesOfOneGroupResolveToOneEntity() {
        List<ResolvedEntity> found = entities("Coalition says Daesh lost its last town",
                "The coalition said ISIS fighters had left the town. Officials said ISIL still held villages nearby.",
                "Islamic State did not comment.");
        List<ResolvedEntity> militants = found.stream().filter(e -> e.mentions().contains("Daesh")).toList();
        assertThat(militants).hasSize(1);
        assertThat(militants.get(0).mentions()).contains("Daesh", "ISIS", "ISIL", "Islamic State");
        assertThat(militants.get(0).mentionCount()).isEqualTo(4);
        assertThat(militants.get(0).type()).isEqualTo(EntityType.ORGANISATION);
    }

    @Test
    void leagueOfArabStatesIsTheArabLeague() {
        List<ResolvedEntity> found = entities("Summit in Cairo",
                "The League of Arab States met in Cairo. An Arab League envoy said the meeting went well.");
        assertThat(found.stream().filter(e -> e.mentions().contains("League of Arab States")).toList())
                .singleElement()
                .satisfies(e -> assertThat(e.mentions()).contains("Arab League"));
    }

    @Test
    void abbreviatedTitlesWithADotAreNotPartOfNames() {
        List<ResolvedEntity> found = entities("Senator questions port deal",
                "Sen. Marta Kellerby asked on Monday why the port deal was signed. Rep. Oskar Tamm agreed.",
                "Mr. Tamm said he would call Dr. Ines Vallo to testify.");
        assertThat(found).extracting(ResolvedEntity::name)
                .contains("Marta Kellerby", "Oskar Tamm", "Ines Vallo")
                .noneMatch(n -> n.startsWith("Sen") || n.startsWith("Rep") || n.startsWith("Mr") || n.startsWith("Dr"));
        // "Mr. Tamm" is the same person as "Rep. Oskar Tamm", not a name of its own
        assertThat(named(found, "Oskar Tamm")).get().satisfies(e -> assertThat(e.mentionCount()).isEqualTo(2));
    }

    @Test
    void legislativeAndStateRolesAreTitlesToo() {
        List<ResolvedEntity> found = entities("Budget talks stall",
                "Senate Majority Leader Hanna Ostrove and Speaker Piet Lindqvist met Gov. Ada Morrow on Friday.",
                "Sheriff Colm Ruddy said the capitol stayed calm. Ostrove said talks would resume.");
        assertThat(found).extracting(ResolvedEntity::name)
                .contains("Hanna Ostrove", "Piet Lindqvist", "Ada Morrow", "Colm Ruddy")
                .noneMatch(n -> n.contains("Leader") || n.contains("Speaker") || n.startsWith("Gov") || n.contains("Sheriff"));
        assertThat(named(found, "Hanna Ostrove")).get().satisfies(e -> assertThat(e.mentionCount()).isEqualTo(2));
    }

    @Test
    void titlesAreNotPartOfNamesAndASurnameResolvesToTheFullName() {
        List<ResolvedEntity> found = entities("Ministers meet",
                "Foreign Minister Sergei Lavrov met Defence Minister Tomas Varenko on Monday.",
                "Varenko said the talks were useful. Lavrov agreed.");
        assertThat(named(found, "Sergei Lavrov")).get()
                .satisfies(e -> assertThat(e.mentions()).containsExactlyInAnyOrder("Sergei Lavrov", "Lavrov"));
        // a person the knowledge base does not know: found by the title, resolved by the surname
        ResolvedEntity varenko = named(found, "Tomas Varenko").orElseThrow();
        assertThat(varenko.type()).isEqualTo(EntityType.PERSON);
        assertThat(varenko.mentionCount()).isEqualTo(2);
        assertThat(found).extracting(ResolvedEntity::name)
                .noneMatch(n -> n.contains("Minister"))
                .doesNotContain("Varenko", "Lavrov");
    }

    @Test
    void aSurnameBeforeItsFullNameStillJoinsIt() {
        List<ResolvedEntity> found = entities("Okonkwo wins vote",
                "Lawmakers backed the plan of Amara Okonkwo on Friday. Okonkwo thanked them.");
        assertThat(found.stream().filter(e -> e.type() == EntityType.PERSON).toList())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.name()).isEqualTo("Amara Okonkwo");
                    assertThat(e.mentionCount()).isEqualTo(3);
                });
    }

    @Test
    void usAndUnitedStatesAreOneCountryWhileWashingtonStaysTheCapital() {
        List<ResolvedEntity> found = entities("US troops to stay",
                "The United States will keep troops in the region, a U.S. official said in Washington.");
        ResolvedEntity us = named(found, "United States").orElseThrow();
        assertThat(us.mentions()).contains("US", "United States", "U.S.");
        assertThat(named(found, "Washington")).get().extracting(ResolvedEntity::type).isEqualTo(EntityType.PLACE);
    }

    @Test
    void demonymsCountForTheirCountryButNeverInventAName() {
        List<ResolvedEntity> found = entities("Visit", "The Iraqi delegation arrived on Sunday.");
        ResolvedEntity iraq = named(found, "Iraq").orElseThrow();
        assertThat(iraq.mentions()).containsExactly("Iraqi");
        assertThat(iraq.confidence()).isLessThan(0.7);
    }

    @Test
    void organisationsAreFoundByTheirShapeWhenUnknown() {
        List<ResolvedEntity> found = entities("Merger",
                "Shares in Norwell Chemical Corp rose after the Bank of Valdoria approved the deal.");
        assertThat(named(found, "Norwell Chemical Corp")).get().extracting(ResolvedEntity::type)
                .isEqualTo(EntityType.ORGANISATION);
        assertThat(named(found, "Bank of Valdoria")).get().extracting(ResolvedEntity::type)
                .isEqualTo(EntityType.ORGANISATION);
    }

    @Test
    void ordinaryCapitalisedWordsAtSentenceStartAreNotNames() {
        List<ResolvedEntity> found = entities("Markets calm",
                "Speaking on Monday, officials said prices were steady. However, traders were cautious.");
        assertThat(found).extracting(ResolvedEntity::name).doesNotContain("Speaking", "However", "Markets", "Monday");
    }

    static List<String> mentionsOfType(String text, EntityType type) {
        return TAGGER.analyse(text, text.indexOf('\n')).mentions().stream()
                .filter(m -> m.type() == type && m.confidence() >= 0.5).map(Mention::surface).toList();
    }

    @Test
    void companyNamesAreOneOrganisationWithTheirLegalSuffixEvenAcrossAWrappedLine() {
        String text = "Electronics makers report\n"
                + "Profits rose at the electronics group Kaneda Denki\n"
                + "Industrial Co Ltd in the year to March, while Siemens AG and Nokia Oyj\n"
                + "gave warnings. Vodafone Group Plc and Brunnholt Maschinen GmbH both gained, as did\n"
                + "the shipping group Orskaug Marine ASA, which said demand from the lines had picked up again.\n"
                + "Orders at Lindqvist Verkstad AB and at the pulp maker Vantaa Paper Oyj were said to be strong, and\n"
                + "the trucking firm Calder Freight Corp said it would buy the builder Velden Bouw NV for cash.\n";
        assertThat(mentionsOfType(text, EntityType.ORGANISATION)).contains("Kaneda Denki Industrial Co Ltd",
                "Siemens AG", "Nokia Oyj", "Vodafone Group Plc", "Brunnholt Maschinen GmbH", "Orskaug Marine ASA",
                "Lindqvist Verkstad AB", "Vantaa Paper Oyj", "Calder Freight Corp", "Velden Bouw NV");
        assertThat(mentionsOfType(text, EntityType.PERSON)).isEmpty();
    }

    @Test
    void adjectivesTitlesLawsAndLeaguesNeverBecomePeople() {
        String text = "Confident Assad says the war is nearly won\n"
                + "Unacceptable Catalan vote, says Madrid.\n"
                + "Unofficial Japanese figures showed exports rose. Beleaguered Navalny allies met on Monday.\n"
                + "The Alcohol Act was passed on Tuesday. The Water Resources Act came later.\n"
                + "Primeira Liga side Desportivo Aves beat Porto 2-1 on Sunday, a week after Deportivo Alaves lost.\n";
        List<String> people = mentionsOfType(text, EntityType.PERSON);
        assertThat(people).noneMatch(n -> n.contains("Confident") || n.contains("Unacceptable") || n.contains("Unofficial")
                || n.contains("Beleaguered") || n.contains("Act") || n.contains("Liga") || n.contains("Aves")
                || n.contains("Alaves"));
        assertThat(TAGGER.analyse(text, text.indexOf('\n')).entities()).anySatisfy(e -> {
            assertThat(e.uri()).isEqualTo("wirestream:person:bashar-al-assad");
            assertThat(e.mentions()).containsExactly("Assad");
        });
        assertThat(mentionsOfType(text, EntityType.ORGANISATION)).contains("Desportivo Aves", "Primeira Liga");
    }

    @Test
    void aNameEndingInAKnownTownIsAClubNotAPerson() {
        String text = "Dutch league results\nOn Saturday the home side Quintus Rotterdam drew 1-1 with Orvelt Amsterdam, "
                + "while the Grand Slam winner stayed at home.\n";
        assertThat(mentionsOfType(text, EntityType.ORGANISATION)).contains("Quintus Rotterdam", "Orvelt Amsterdam");
        assertThat(mentionsOfType(text, EntityType.PERSON)).isEmpty();
    }
}

package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.ArticleTagger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryProfilerTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static Article story(String uri, String language, String headline, String... paragraphs) {
        return TAGGER.tag(Article.newBuilder().setUri(uri).setVersion(1).setVersioncreated(T0).setFirstcreated(T0)
                .setPubstatus(PubStatus.usable).setHeadline(headline).setBodyParagraphs(List.of(paragraphs))
                .setLanguage(language).setAgency("test").setReceivedAt(T0).build());
    }

    @Test
    void copyInOtherLanguagesIsKeyedByKnownEntitiesNotByEnglishContentWords() {
        StoryProfiler profiler = new StoryProfiler(TAGGER.knowledge(), LinkSettings.defaults());
        StoryProfile finnish = profiler.profile(story("fi-1", "fi", "Donald Trumpin mukaan kauppasota jatkuu",
                "Yhdysvaltain presidentin mukaan neuvottelut jatkuvat ensi viikolla."));
        assertThat(finnish.keys()).extracting(ProfileKey::key)
                .contains("e:wirestream:person:donald-trump", "e:wirestream:place:us")
                .noneMatch(k -> k.startsWith("t:"));
    }

    @Test
    void storiesInDifferentLanguagesLinkThroughTheirKnownEntitiesAndFunctionWordsLinkNothing() {
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(TAGGER.knowledge(), LinkSettings.defaults());
        linker.link(story("en-1", "en", "Trump says trade war with China will go on",
                "President Donald Trump said on Monday talks with China would resume next week."));
        linker.link(story("fi-other", "fi", "Sateet jatkuvat mukaan ennusteen",
                "Ilmatieteen laitoksen mukaan sateet jatkuvat ensi viikolla."));
        List<RelatedLink> links = linker.link(story("fi-1", "fi", "Trumpin mukaan kauppasota Kiinan kanssa jatkuu",
                "Presidentti Donald Trumpin mukaan neuvottelut Kiinan kanssa jatkuvat ensi viikolla.")).getRelated();
        assertThat(links).extracting(RelatedLink::getUri).containsExactly("en-1");
    }

    static Entity entity(String name, EntityType type, String uri) {
        return Entity.newBuilder().setName(name).setType(type).setUri(uri).setMentions(List.of(name))
                .setMentionCount(1).setConfidence(0.9).build();
    }

    @Test
    void aPersonTheKnowledgeBaseDoesNotKnowIsKeyedBySurnameWhateverTheRoleAndSuffix() {
        String plain = StoryProfiler.entityKey(entity("Tomas Varenko", EntityType.PERSON, null));
        assertThat(StoryProfiler.entityKey(entity("Majority Leader Tomas Varenko", EntityType.PERSON, null)))
                .isEqualTo(plain);
        assertThat(StoryProfiler.entityKey(entity("Tomas A. Varenko Jr.", EntityType.PERSON, null))).isEqualTo(plain);
        assertThat(StoryProfiler.entityKey(entity("Varenko", EntityType.PERSON, null))).isEqualTo(plain);
        assertThat(StoryProfiler.entityKey(entity("Ines Varenko-Tamm", EntityType.PERSON, null))).isNotEqualTo(plain);
    }

    @Test
    void knownEntitiesKeepTheirIdAndOtherUnknownEntitiesTheirWholeName() {
        assertThat(StoryProfiler.entityKey(entity("Tomas Varenko", EntityType.PERSON, "wirestream:person:t-varenko")))
                .isEqualTo("e:wirestream:person:t-varenko");
        assertThat(StoryProfiler.entityKey(entity("Varenko Shipping", EntityType.ORGANISATION, null)))
                .isEqualTo("e:ORGANISATION:varenko shipping");
        assertThat(StoryProfiler.entityKey(entity("North Varenko", EntityType.PLACE, null)))
                .isNotEqualTo(StoryProfiler.entityKey(entity("Varenko", EntityType.PLACE, null)));
    }

    @Test
    void surnameSkipsSuffixesAndDots() {
        assertThat(StoryProfiler.surname("nick j. rahall ii")).isEqualTo("rahall");
        assertThat(StoryProfiler.surname("joseph r. biden jr.")).isEqualTo("biden");
        assertThat(StoryProfiler.surname("o'neill")).isEqualTo("o'neill");
        assertThat(StoryProfiler.surname("jr.")).isEmpty();
    }
}

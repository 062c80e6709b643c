package io.wirestream.enrich.tagging.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.tagging.ArticleTagger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTopicClassifierTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();

    static Article article(String headline, List<Subject> subjects, String... paragraphs) {
        Instant t = Instant.parse("2026-02-01T12:00:00Z");
        return Article.newBuilder().setUri("t:1").setVersion(1).setVersioncreated(t).setPubstatus(PubStatus.usable)
                .setHeadline(headline).setBodyParagraphs(List.of(paragraphs)).setSubjects(subjects)
                .setAgency("test").setReceivedAt(t).build();
    }

    static List<String> codes(Article a, String origin) {
        return a.getSubjects().stream().filter(s -> s.getOrigin().equals(origin)).map(Subject::getCode).toList();
    }

    @Test
    void sportStoryIsSport() {
        Article tagged = TAGGER.tag(article("Late goal sends City into cup final", List.of(),
                "A late goal from the striker gave the home team victory in the semi-final on Saturday.",
                "The coach said the players had earned their place in the final after a hard season."));
        assertThat(codes(tagged, "inferred")).first().isEqualTo("medtop:15000000");
    }

    @Test
    void companyResultsAreBusiness() {
        Article tagged = TAGGER.tag(article("Brewer's profits rise as sales grow", List.of(),
                "The company said quarterly profits rose 12% on higher sales, and shares gained 3% as investors welcomed the dividend.",
                "Analysts had expected lower revenue because of rising prices."));
        assertThat(codes(tagged, "inferred")).first().isEqualTo("medtop:04000000");
        assertThat(tagged.getSubjects()).allSatisfy(s -> assertThat(s.getName()).isNotBlank());
    }

    @Test
    void diplomaticWarStoryIsPoliticsInternationalRelationsAndConflict() {
        Article tagged = TAGGER.tag(article("Foreign ministers discuss ceasefire", List.of(),
                "The foreign minister held talks with his counterpart on a ceasefire, as troops kept fighting near the border.",
                "Diplomats said the summit would also cover sanctions and the withdrawal of forces."));
        assertThat(codes(tagged, "inferred")).contains("medtop:11000000", "medtop:20000638", "medtop:16000000");
    }

    @Test
    void sourceSubjectsAreKeptAndMappedToMediaTopics() {
        Subject source = Subject.newBuilder().setCode("subj:15008000").setName("football").setOrigin("source").build();
        Article tagged = TAGGER.tag(article("Result", List.of(source), "The match ended in a draw."));
        assertThat(tagged.getSubjects()).first().isEqualTo(source);
        assertThat(codes(tagged, "mapped")).containsExactly("medtop:15000000");
        assertThat(tagged.getSubjects()).extracting(Subject::getCode).doesNotHaveDuplicates();
    }

    @Test
    void sourceSubjectMapperReadsSubjectCodesAndPassesMediaTopicsThrough() {
        SourceSubjectMapper mapper = new SourceSubjectMapper();
        assertThat(mapper.toMediaTopic("iptc:11001000")).contains("medtop:11000000");
        assertThat(mapper.toMediaTopic("medtop:20000638")).contains("medtop:20000638");
        assertThat(mapper.toMediaTopic("reuters:GCAT")).isEmpty();
        assertThat(mapper.toMediaTopic("subj:99000000")).isEmpty();
    }
}

package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryProfilerTest {

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

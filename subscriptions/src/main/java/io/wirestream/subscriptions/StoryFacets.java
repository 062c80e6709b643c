package io.wirestream.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.EntityType;
import io.wirestream.avro.Subject;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link Product} looks at in one story version, and nothing else: agency, Media Topic codes, language,
 * urgency, dateline place, tagged places, keywords and editorial state. Products match on these, so a store that
 * keeps them (as {@link #toJson()}) can decide again later, without the whole article, whether a product admits the
 * version it holds (publish-service does when the subscribers file changes).
 *
 * @param agency     the agency, lower case, or null
 * @param topics     Media Topic codes of the subjects, normalised ({@link MediaTopicCode}); other schemes left out
 * @param language   the BCP-47 tag, lower case with '-', or null
 * @param urgency    ninjs urgency, or null
 * @param located    the dateline place, stripped and lower case, or null
 * @param places     names of tagged place entities, stripped and lower case
 * @param keywords   keywords, stripped and lower case
 * @param state      the editorial state of the version
 */
public record StoryFacets(String agency, Set<String> topics, String language, Integer urgency, String located,
                          Set<String> places, Set<String> keywords, EditorialState state) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StoryFacets {
        topics = Set.copyOf(topics);
        places = Set.copyOf(places);
        keywords = Set.copyOf(keywords);
    }

    public static StoryFacets of(Article a) {
        Set<String> topics = new TreeSet<>();
        if (a.getSubjects() != null) {
            for (Subject s : a.getSubjects()) {
                String code = MediaTopicCode.normalise(s.getCode() == null ? null : s.getCode().toString());
                if (code != null) {
                    topics.add(code);
                }
            }
        }
        Set<String> places = new TreeSet<>();
        if (a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                if (e.getType() == EntityType.PLACE && e.getName() != null) {
                    places.add(lower(e.getName().toString()));
                }
            }
        }
        Set<String> keywords = new TreeSet<>();
        if (a.getKeywords() != null) {
            a.getKeywords().forEach(k -> keywords.add(lower(k.toString())));
        }
        String language = a.getLanguage() == null ? null : a.getLanguage().toString().toLowerCase(Locale.ROOT).replace('_', '-');
        return new StoryFacets(a.getAgency() == null ? null : a.getAgency().toString().toLowerCase(Locale.ROOT), topics,
                language, a.getUrgency(), a.getLocated() == null ? null : lower(a.getLocated().toString()), places,
                keywords, EditorialState.of(a));
    }

    /** A compact JSON form for a store; {@link #fromJson} reads it back equal. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("agency", agency);
        new TreeSet<>(topics).forEach(n.putArray("topics")::add);
        n.put("language", language);
        if (urgency == null) {
            n.putNull("urgency");
        } else {
            n.put("urgency", urgency);
        }
        n.put("located", located);
        new TreeSet<>(places).forEach(n.putArray("places")::add);
        new TreeSet<>(keywords).forEach(n.putArray("keywords")::add);
        n.put("state", state.configName());
        return n.toString();
    }

    /** @throws IllegalArgumentException when the text is not what {@link #toJson} writes */
    public static StoryFacets fromJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return new StoryFacets(textOrNull(n, "agency"), strings(n, "topics"), textOrNull(n, "language"),
                    n.path("urgency").isInt() ? n.get("urgency").intValue() : null, textOrNull(n, "located"),
                    strings(n, "places"), strings(n, "keywords"),
                    EditorialState.valueOf(n.path("state").asText("").toUpperCase(Locale.ROOT)));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not story facets: " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Set<String> strings(JsonNode n, String field) {
        Set<String> out = new TreeSet<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}

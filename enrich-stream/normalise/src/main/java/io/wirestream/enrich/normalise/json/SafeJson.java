package io.wirestream.enrich.normalise.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormaliserLimits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The only way this module parses JSON: nesting depth, string length and number length bounded by
 * {@link NormaliserLimits}; payload size is bounded before this is reached. Also small null-safe readers for the
 * loosely typed JSON agencies send (numbers as strings, camelCase in ninjs 3).
 */
public final class SafeJson {

    private SafeJson() {}

    public static JsonNode parse(String json, NormaliserLimits limits) throws NormalisationException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxJsonStringChars())
                        .maxNumberLength(100)
                        .maxNameLength(1000)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new NormalisationException("parse", "malformed-json", "no JSON value in the payload");
            }
            return node;
        } catch (StreamConstraintsException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String reason = msg.toLowerCase(Locale.ROOT).contains("depth") ? "json-too-deep" : "json-too-large";
            throw new NormalisationException("parse", reason, "JSON refused: " + msg, e);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.toLowerCase(Locale.ROOT).contains("nesting depth")) {
                throw new NormalisationException("parse", "json-too-deep", "JSON refused: " + msg, e);
            }
            throw new NormalisationException("parse", "malformed-json", "malformed JSON: " + msg
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
    }

    /** First non-blank text of the named fields (numbers and booleans as text), or {@code null}. */
    public static String text(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull()) {
                String s = v.asText();
                if (s != null && !s.isBlank()) {
                    return s.trim();
                }
            }
        }
        return null;
    }

    /**
     * A text field that some producers send as one string and others as an array of strings (AP's
     * {@code usageterms}): the string, or the array's non-blank strings joined by a space; {@code null} when none.
     */
    public static String joinedText(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        if (v == null || !v.isArray()) {
            return text(node, names);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : v) {
            if (part.isValueNode() && !part.isNull() && !part.asText().isBlank()) {
                parts.add(part.asText().trim());
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    public static JsonNode field(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                return v;
            }
        }
        return null;
    }

    /** Elements of an array field (or the single object when an agency sends one instead of an array). */
    public static List<JsonNode> items(JsonNode node, String... names) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = field(node, names);
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out;
    }

    public static Integer integer(JsonNode node, String... names) {
        String s = text(node, names);
        if (s == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Field names of an object, for key-prefix lookups ("headline_*" in ninjs 1.x dialects). */
    public static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                out.add(it.next().getKey());
            }
        }
        return out;
    }
}

package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups a document's mentions into entities: aliases of one knowledge-base entity become one entity (Daesh, ISIS and
 * ISIL are all Islamic State), a surname alone joins the full name it shares its last word with, and names the
 * knowledge base does not know are grouped by type and spelling.
 */
public final class EntityResolver {

    public List<ResolvedEntity> resolve(List<Token> tokens, List<Mention> mentions) {
        Map<String, Builder> byKey = new LinkedHashMap<>();
        Map<String, String> personKeyBySurname = new HashMap<>();
        // full names first, so that a surname seen before its full name still joins it
        List<Mention> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparingInt((Mention m) -> m.type() == EntityType.PERSON ? -m.length() : 0));
        for (Mention m : ordered) {
            String key = keyOf(tokens, m, personKeyBySurname);
            Builder b = byKey.computeIfAbsent(key, k -> new Builder(k, m));
            b.add(m);
            if (m.type() == EntityType.PERSON && m.length() >= 2) {
                personKeyBySurname.putIfAbsent(tokens.get(m.endToken() - 1).text(), key);
            }
        }
        List<ResolvedEntity> out = new ArrayList<>();
        for (Builder b : byKey.values()) {
            out.add(b.build());
        }
        out.sort(Comparator.comparingInt(ResolvedEntity::firstOffset));
        return out;
    }

    private static String keyOf(List<Token> tokens, Mention m, Map<String, String> personKeyBySurname) {
        if (m.type() == EntityType.PERSON) {
            String surname = tokens.get(m.endToken() - 1).text();
            String fullNameKey = personKeyBySurname.get(surname);
            if (fullNameKey != null && (m.length() == 1 || m.known() == null)) {
                return fullNameKey;
            }
        }
        if (m.known() != null) {
            return m.known().id();
        }
        String name = withoutThe(m.surface().toLowerCase(Locale.ROOT));
        return m.type().name() + ":" + name;
    }

    /** The name without a leading "The " or "the " (a regular expression here was compiled per mention). */
    private static String withoutThe(String name) {
        return name.startsWith("the ") || name.startsWith("The ") ? name.substring(4) : name;
    }

    private static final class Builder {
        private final String key;
        private final Set<String> surfaces = new LinkedHashSet<>();
        private EntityType type;
        private String uri;
        private String canonical;
        private int count;
        private int nameCount;
        private double confidence;
        private int firstOffset = Integer.MAX_VALUE;

        Builder(String key, Mention first) {
            this.key = key;
            this.type = first.type();
        }

        void add(Mention m) {
            surfaces.add(m.surface());
            count++;
            firstOffset = Math.min(firstOffset, m.start());
            if (m.known() != null) {
                uri = m.known().id();
                canonical = m.known().canonicalName();
                type = m.known().type();
            } else if (uri == null && (canonical == null || m.surface().length() > canonical.length())) {
                canonical = withoutThe(m.surface());
            }
            if (!m.adjectival()) {
                nameCount++;
            }
            confidence = Math.max(confidence, m.confidence());
        }

        ResolvedEntity build() {
            double c = confidence + 0.05 * (count - 1);
            if (nameCount == 0) {
                c = Math.min(c, 0.6); // only ever named by its demonym
            }
            return new ResolvedEntity(key, canonical, type, uri, List.copyOf(surfaces), count, Math.min(0.99, c),
                    firstOffset);
        }
    }
}

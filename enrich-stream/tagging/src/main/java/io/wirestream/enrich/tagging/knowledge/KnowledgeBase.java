package io.wirestream.enrich.tagging.knowledge;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.text.TextTokenizer;
import io.wirestream.enrich.tagging.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The tagger's read-only knowledge: known entities and their aliases, demonyms, given names, titles, organisation
 * words and common words. Loaded once from the versioned resources under {@code kb/} (see
 * {@link KnowledgeResourceGenerator}); immutable and safe to share between threads.
 */
public final class KnowledgeBase {

    private static volatile KnowledgeBase bundled;

    private final String version;
    private final Map<String, List<KnownAlias>> aliasesByKey = new HashMap<>();
    /** Every alias key and each of its beginnings that ends before a space ("new", "new york" of "new york city"). */
    private final Set<String> aliasKeyPrefixes = new HashSet<>();
    private final Map<String, KnownEntity> byId = new HashMap<>();
    private final Map<String, List<String>> aliasesById = new HashMap<>();
    private final Map<String, KnownEntity> demonyms = new HashMap<>();
    /** The first word of every demonym of several words ("South" of "South African"). */
    private final Set<String> demonymFirstWords = new HashSet<>();
    private final Set<String> givenNames = new HashSet<>();
    private final Set<String> titles = new HashSet<>();
    /** The first word of every title of several words ("foreign" of "foreign minister"). */
    private final Set<String> titleFirstWords = new HashSet<>();
    private final Set<String> organisationWords = new HashSet<>();
    private final Set<String> organisationHeads = new HashSet<>();
    private final Set<String> eventWords = new HashSet<>();
    private final Set<String> commonWords = new HashSet<>();
    private final Set<String> placeLastWords = new HashSet<>();
    private final Set<String> lowerCaseAliasStarts = new HashSet<>();
    private final Set<String> placeFirstWords = new HashSet<>();
    private final List<String> mediaTopicLines;
    private int longestAlias = 1;
    private int longestTitle = 1;

    /**
     * An alias as written in the facts, tokenised the way text is.
     *
     * @param tokens the alias's tokens as written (case matters for acronyms)
     * @param entity what it names
     * @param primary true for the canonical name itself
     * @param language null for a name used in every language (and the only kind English copy matches), else the
     *                 language code ({@link io.wirestream.enrich.tagging.text.TextLanguage#code()}) of copy in which
     *                 the name stands for the entity ("Norge" for Norway in Norwegian, "YK" for the UN in Finnish)
     */
    public record KnownAlias(List<String> tokens, KnownEntity entity, boolean primary, String language) {

        /** Whether copy in the given language may read this alias as the entity. */
        public boolean usableIn(String languageCode) {
            return language == null || language.equals(languageCode);
        }
    }

    private KnowledgeBase(String resourceDir) {
        TextTokenizer tokenizer = new TextTokenizer();
        this.version = lines(resourceDir + "/VERSION").get(0).trim();
        for (String line : lines(resourceDir + "/entities.tsv")) {
            String[] c = line.split("\t", -1);
            KnownEntity entity = new KnownEntity(c[1], c[3], EntityType.valueOf(c[0]), c[2]);
            byId.put(entity.id(), entity);
            addAlias(tokenizer, c[3], entity, true, null);
            if (!c[4].isEmpty()) {
                for (String alias : c[4].split("\\|")) {
                    addAlias(tokenizer, alias, entity, false, null);
                }
            }
        }
        for (String line : lines(resourceDir + "/names-by-language.tsv")) {
            String[] c = line.split("\t");
            KnownEntity entity = byId.get(c[1]);
            if (entity == null) {
                throw new IllegalStateException("names-by-language.tsv names an unknown entity " + c[1]);
            }
            addAlias(tokenizer, c[2], entity, false, c[0]);
        }
        for (String line : lines(resourceDir + "/demonyms.tsv")) {
            String[] c = line.split("\t");
            demonyms.put(c[0], byId.get(c[1]));
            if (c[0].indexOf(' ') > 0) {
                demonymFirstWords.add(c[0].substring(0, c[0].indexOf(' ')));
            }
        }
        words(resourceDir + "/given-names.txt", givenNames, false);
        words(resourceDir + "/organisation-words.txt", organisationWords, false);
        words(resourceDir + "/organisation-heads.txt", organisationHeads, false);
        words(resourceDir + "/event-words.txt", eventWords, false);
        words(resourceDir + "/common-words.txt", commonWords, true);
        for (String line : lines(resourceDir + "/place-words.txt")) {
            Set<String> into = line.startsWith("last:") ? placeLastWords : placeFirstWords;
            into.addAll(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
        }
        for (String title : lines(resourceDir + "/titles.txt")) {
            String key = key(tokenizer.tokenize(title.trim()));
            titles.add(key);
            longestTitle = Math.max(longestTitle, key.split(" ").length);
            if (key.indexOf(' ') > 0) {
                titleFirstWords.add(key.substring(0, key.indexOf(' ')));
            }
        }
        this.mediaTopicLines = List.copyOf(lines(resourceDir + "/media-topics.tsv"));
    }

    /** The knowledge shipped in this jar. */
    public static KnowledgeBase bundled() {
        KnowledgeBase kb = bundled;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = bundled;
                if (kb == null) {
                    kb = new KnowledgeBase("/kb");
                    bundled = kb;
                }
            }
        }
        return kb;
    }

    private void addAlias(TextTokenizer tokenizer, String alias, KnownEntity entity, boolean primary, String language) {
        List<String> tokens = new ArrayList<>();
        for (Token t : tokenizer.tokenize(alias)) {
            tokens.add(t.text());
        }
        if (tokens.isEmpty()) {
            return;
        }
        String key = keyOf(tokens);
        for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
            aliasKeyPrefixes.add(key.substring(0, space));
        }
        aliasKeyPrefixes.add(key);
        List<KnownAlias> list = aliasesByKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (KnownAlias existing : list) {
            if (existing.entity().equals(entity) && existing.tokens().equals(tokens)
                    && (existing.language() == null || existing.language().equals(language))) {
                return;
            }
        }
        list.add(new KnownAlias(List.copyOf(tokens), entity, primary, language));
        longestAlias = Math.max(longestAlias, tokens.size());
        if (language != null) {
            return; // a name in one language only: English matching never sees it
        }
        if (Character.isLowerCase(tokens.get(0).charAt(0))) {
            lowerCaseAliasStarts.add(tokens.get(0)); // "al Qaeda", "bin Laden", "eBay"
        }
        aliasesById.computeIfAbsent(entity.id(), k -> new ArrayList<>(2)).add(alias);
        longestAlias = Math.max(longestAlias, tokens.size());
    }

    public String version() {
        return version;
    }

    /** Aliases whose lower-cased tokens equal the given key (see {@link #key(List)}), possibly several entities. */
    public List<KnownAlias> aliases(String key) {
        return aliasesByKey.getOrDefault(key, Collections.emptyList());
    }

    /**
     * Whether some alias's key is this key or begins with it followed by a space: when "new york" is not one, no
     * alias of three words starts with those two, so a longest-match search can stop there.
     */
    public boolean isAliasKeyPrefix(String key) {
        return aliasKeyPrefixes.contains(key);
    }

    /**
     * How many tokens from {@code from} may still be a known alias, at most {@code max}: past the first span whose key
     * ({@code lowerAt} of each token, joined by spaces) begins no alias key, no longer span is one, so a longest-match
     * search need not look those up. Both name recognisers (the rules and the model's knowledge features) use it.
     */
    public int longestPossibleAlias(IntFunction<String> lowerAt, int from, int max) {
        StringBuilder key = new StringBuilder();
        for (int len = 1; len <= max; len++) {
            String lower = lowerAt.apply(from + len - 1);
            if (len > 1) {
                key.append(' ');
            }
            key.append(lower);
            if (!isAliasKeyPrefix(len == 1 ? lower : key.toString())) {
                return len - 1;
            }
        }
        return max;
    }

    /** Every name the entity is known by in every language, its canonical name first. */
    public List<String> aliasesOf(String id) {
        return aliasesById.getOrDefault(id, Collections.emptyList());
    }

    /**
     * The country a place lies in: itself for a country, the country of a capital or a listed city or region,
     * or null when unknown.
     */
    public KnownEntity countryOf(KnownEntity place) {
        if (place == null || place.type() != EntityType.PLACE) {
            return null;
        }
        if ("country".equals(place.kind())) {
            return place;
        }
        int colon = place.kind().indexOf(':');
        return colon < 0 ? null : byId.get("wirestream:place:" + place.kind().substring(colon + 1).toLowerCase(Locale.ROOT));
    }

    public int longestAliasTokens() {
        return longestAlias;
    }

    public int longestTitleTokens() {
        return longestTitle;
    }

    public KnownEntity byId(String id) {
        return byId.get(id);
    }

    /** The country a demonym or adjective ("Iraqi", "Russian") refers to, or null. */
    public KnownEntity demonym(String word) {
        return demonyms.get(word);
    }

    /** The country a demonym of two words ("South African") refers to, or null: without building their key when no such demonym begins with the first. */
    public KnownEntity demonym(String first, String second) {
        return demonymFirstWords.contains(first) ? demonyms.get(first + " " + second) : null;
    }

    public boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    public boolean isTitle(String key) {
        return titles.contains(key);
    }

    /** Whether a title of several words begins with this key ("foreign"): if not, no longer title need be looked up. */
    public boolean beginsLongerTitle(String key) {
        return titleFirstWords.contains(key);
    }

    public boolean isOrganisationWord(String word) {
        return organisationWords.contains(word);
    }

    /** "Act" in "Alcohol Act", "Cup" in "Davis Cup": the last word of a law's, treaty's, prize's or event's name. */
    public boolean isEventWord(String word) {
        return eventWords.contains(word);
    }

    public boolean isOrganisationHead(String word) {
        return organisationHeads.contains(word);
    }

    /** A word written in lower case that begins a known name ("al" of "al Qaeda"). */
    public boolean startsLowerCaseAlias(String word) {
        return lowerCaseAliasStarts.contains(word);
    }

    /** "Square" in "Tiananmen Square". */
    public boolean isPlaceLastWord(String word) {
        return placeLastWords.contains(word);
    }

    /** "East" in "East Jerusalem". */
    public boolean isPlaceFirstWord(String word) {
        return placeFirstWords.contains(word);
    }

    public boolean isCommonWord(String word) {
        return commonWords.contains(word.toLowerCase(Locale.ROOT));
    }

    public List<String> mediaTopicLines() {
        return mediaTopicLines;
    }

    public java.util.Collection<KnownEntity> entities() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int entityCount() {
        return byId.size();
    }

    /** Lower-cased tokens joined by one space: how aliases and text spans are compared. */
    public static String key(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.lower());
        }
        return sb.toString();
    }

    private static String keyOf(List<String> tokens) {
        return String.join(" ", tokens).toLowerCase(Locale.ROOT);
    }

    private static void words(String resource, Set<String> into, boolean lowerCase) {
        for (String line : lines(resource)) {
            for (String w : line.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    into.add(lowerCase ? w.toLowerCase(Locale.ROOT) : w);
                }
            }
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing knowledge resource " + resource);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

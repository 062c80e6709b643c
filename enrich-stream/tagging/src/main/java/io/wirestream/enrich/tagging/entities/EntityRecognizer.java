package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase.KnownAlias;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;
import io.wirestream.enrich.tagging.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds person, organisation and place names in tokenised text. Known names come from the {@link KnowledgeBase}
 * (longest alias first); other names are found by their shape (runs of capitalised words) and classified by context:
 * a preceding title means a person, a given name starts a person's name, an organisation word ends an organisation's
 * name. A second pass resolves a lone surname to a full name found anywhere in the same document.
 */
public final class EntityRecognizer {

    private static final Set<String> CONNECTORS = Set.of("of", "de", "van", "von", "der", "den", "du", "da", "di",
            "del", "la", "le", "al", "el", "bin", "ibn", "&", "for", "and");
    /** Connectors that may sit inside a person's name; "of"/"for"/"and" only join organisation names. */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "van", "von", "der", "den", "du", "da", "di",
            "del", "la", "le", "al", "el", "bin", "ibn");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "noted", "stated",
            "warned", "wrote", "argued", "explained");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "from", "to", "across", "outside");
    /**
     * Legal forms that end a company's name ("Co Ltd", "Inc", "AG", "Oyj"): part of the name, in any case, and never
     * followed by more of it.
     */
    public static final Set<String> LEGAL_SUFFIXES = Set.of("Co", "Co.", "Cos", "Cos.", "Ltd", "Ltd.", "Limited", "Inc", "Inc.",
            "Corp", "Corp.", "Plc", "PLC", "plc", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "ASA", "Oyj", "Oy", "AB",
            "SpA", "S.p.A.", "BV", "B.V.", "LLC", "L.L.C.", "KK", "Bhd", "Pty");
    /** Longest run of words between a known name and its legal suffix ("Toyota Motor Corp", "Vodafone Group Plc"). */
    private static final int MAX_WORDS_BEFORE_SUFFIX = 3;
    /**
     * Endings of adjectives and participles ("Confident", "Unofficial", "Beleaguered") that open a headline or a
     * sentence before a name: such a word is never the start of the name.
     */
    private static final List<String> ADJECTIVE_ENDINGS = List.of("able", "ible", "ful", "ous", "ive", "less", "ical",
            "ial", "ent", "ant", "ered", "ated", "ened", "tled");

    private final KnowledgeBase kb;

    public EntityRecognizer(KnowledgeBase kb) {
        this.kb = kb;
    }

    public List<Mention> recognise(List<Token> tokens) {
        List<Mention> mentions = new ArrayList<>();
        int n = tokens.size();
        int titleEnd = -1;
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (!t.isWord() || !(t.isCapitalised() || startsLowerCaseAlias(t))) {
                i++;
                continue;
            }
            KnownAlias alias = null;
            int aliasLength = 0;
            int longest = kb.longestPossibleAlias(k -> tokens.get(k).lower(), i, Math.min(kb.longestAliasTokens(), n - i));
            for (int len = longest; len >= 1 && alias == null; len--) {
                alias = matchAlias(tokens, i, len);
                aliasLength = alias == null ? 0 : len;
            }
            int titleLength = matchTitle(tokens, i);
            if (alias != null && aliasLength >= titleLength) {
                int orgEnd = alias.entity().type() == EntityType.PLACE ? organisationAfterPlace(tokens, i + aliasLength) : -1;
                if (orgEnd > 0) { // "Toronto Stock Exchange", "Chicago Board of Trade"
                    mentions.add(new Mention(i, orgEnd, t.start(), tokens.get(orgEnd - 1).end(), surface(tokens, i, orgEnd),
                            EntityType.ORGANISATION, null, 0.75, false));
                    i = orgEnd;
                    continue;
                }
                int companyEnd = legalSuffixEnd(tokens, i + aliasLength);
                if (companyEnd > 0) { // "Siemens AG", "Vodafone Group Plc", "Toyota Motor Corp"
                    KnownEntity company = alias.entity().type() == EntityType.ORGANISATION ? alias.entity() : null;
                    mentions.add(new Mention(i, companyEnd, t.start(), tokens.get(companyEnd - 1).end(),
                            surface(tokens, i, companyEnd), EntityType.ORGANISATION, company,
                            company == null ? 0.8 : 0.95, false));
                    i = companyEnd;
                    continue;
                }
                mentions.add(knownMention(tokens, i, aliasLength, alias));
                i += aliasLength;
                continue;
            }
            if (titleLength > 0) {
                i += titleLength;
                titleEnd = i;
                continue;
            }
            if (i + 1 < n && !t.allCapsLine() && tokens.get(i + 1).isWord()
                    && kb.demonym(t.text(), tokens.get(i + 1).text()) != null) {
                KnownEntity country = kb.demonym(t.text(), tokens.get(i + 1).text());
                mentions.add(new Mention(i, i + 2, t.start(), tokens.get(i + 1).end(), surface(tokens, i, i + 2),
                        EntityType.PLACE, country, 0.6, true));
                i += 2;
                continue;
            }
            KnownEntity country = kb.demonym(t.text());
            if (country != null && !t.allCapsLine()) {
                mentions.add(new Mention(i, i + 1, t.start(), t.end(), t.text(), EntityType.PLACE, country, 0.6, true));
                i++;
                continue;
            }
            if (t.isCapitalised() && (!t.caseUninformative()
                    || t.titleCaseLine() && (kb.isGivenName(t.text()) || i == titleEnd))) {
                int end = runEnd(tokens, i);
                if (end > i) {
                    Mention m = classifyRun(tokens, i, end, i == titleEnd);
                    if (m != null) {
                        mentions.add(m);
                    }
                    i = end;
                    continue;
                }
            }
            i++;
        }
        if (isSportsCopy(tokens)) {
            mentions = asTeams(tokens, mentions, isIndividualSport(tokens));
        }
        return resolveLoneNames(tokens, mentions);
    }

    /**
     * In sports copy a city or region usually stands for its team ("Chicago beat Boston 5-3", "Surrey 320 all out"),
     * an organisation; a place keeps being a place after a preposition ("in Chicago") or as a dateline. Countries stay
     * places: a national side is named by its country, and news archives tag it so.
     */
    private List<Mention> asTeams(List<Token> tokens, List<Mention> mentions, boolean individualSport) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            Token prev = m.firstToken() > 0 ? tokens.get(m.firstToken() - 1) : null;
            Token next = m.endToken() < tokens.size() ? tokens.get(m.endToken()) : null;
            boolean afterPreposition = prev != null && (PLACE_PREPOSITIONS.contains(prev.lower()) || prev.lower().equals("of"));
            boolean dateline = tokens.get(m.firstToken()).sentenceStart() && next != null && isDate(next.text());
            boolean numberNear = next != null && Character.isDigit(next.text().charAt(0))
                    || prev != null && Character.isDigit(prev.text().charAt(0));
            if (m.type() == EntityType.PLACE && m.known() != null && !m.adjectival() && !afterPreposition && !dateline
                    && isCityOrRegion(m.known())) {
                out.add(new Mention(m.firstToken(), m.endToken(), m.start(), m.end(), m.surface(),
                        EntityType.ORGANISATION, null, 0.7, false));
            } else if (m.known() == null && m.type() != EntityType.ORGANISATION && m.confidence() <= 0.6
                    && numberNear && !afterPreposition && (m.length() == 1 || m.type() == EntityType.PLACE && !individualSport)) {
                // a name without other evidence next to a score: a player in tennis, golf or (with bowling figures)
                // cricket, a team in football or baseball
                boolean player = individualSport || next != null && next.text().matches("\\d+-\\d+-\\d+-\\d+");
                out.add(player ? m.withResolution(EntityType.PERSON, null, 0.6)
                        : m.withResolution(EntityType.ORGANISATION, null, 0.6));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static final Set<String> INDIVIDUAL_SPORTS = Set.of("tennis", "golf", "athletics", "boxing", "cycling",
            "skiing", "swimming", "squash", "badminton", "snooker", "chess", "marathon", "triathlon", "motor", "racing");

    /** Copy whose first line names an individual sport, where names next to scores are people. */
    private static boolean isIndividualSport(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isWord() && t.sentenceStart() && t.start() > 0 && !t.allCapsLine()) {
                break; // past the first line
            }
            if (t.isWord() && INDIVIDUAL_SPORTS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** "1996-08-30", "March", "Aug": what follows a dateline's place. */
    private static boolean isDate(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}") || text.matches("(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?");
    }

    private static boolean isCityOrRegion(KnownEntity place) {
        String kind = place.kind();
        // "nation" (England, Scotland, Wales) stays a place: national sides are named by their country
        return kind.startsWith("city") || kind.startsWith("capital") || kind.startsWith("region");
    }

    private static final Set<String> SPORT_WORDS = Set.of("soccer", "football", "cricket", "baseball", "basketball",
            "rugby", "hockey", "tennis", "golf", "nfl", "nba", "nhl", "innings", "wickets", "league", "championship",
            "tournament", "cup", "goals", "striker", "midfielder", "batsman", "bowler", "pitcher", "inning", "quarterback",
            "standings", "halftime", "half-time");

    private static boolean isSportsCopy(List<Token> tokens) {
        int cues = 0;
        for (Token t : tokens) {
            if (t.isWord() && SPORT_WORDS.contains(t.lower())) {
                cues++;
                if (cues >= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean startsLowerCaseAlias(Token t) {
        return kb.startsLowerCaseAlias(t.text());
    }

    private KnownAlias matchAlias(List<Token> tokens, int from, int len) {
        List<Token> span = tokens.subList(from, from + len);
        for (Token t : span) {
            if (!t.isWord() && !t.text().equals("&")) {
                return null;
            }
        }
        List<KnownAlias> candidates = kb.aliases(KnowledgeBase.key(span));
        KnownAlias best = null;
        for (KnownAlias alias : candidates) {
            if (alias.language() == null && caseCompatible(alias, span)
                    && (best == null || alias.primary() && !best.primary())) {
                best = alias;
            }
        }
        if (best == null) {
            return null;
        }
        Token first = span.get(0);
        // a one-word alias that is also a common word ("Total", "Universal") is not a name at a sentence start
        if (len == 1 && first.sentenceStart() && kb.isCommonWord(first.text()) && !first.isAllCaps()) {
            return null;
        }
        return best;
    }

    private boolean caseCompatible(KnownAlias alias, List<Token> span) {
        for (int k = 0; k < span.size(); k++) {
            String written = alias.tokens().get(k);
            Token t = span.get(k);
            boolean acronym = written.length() >= 2 && written.equals(written.toUpperCase(Locale.ROOT))
                    && Character.isLetter(written.charAt(0));
            if (acronym) {
                if (!t.text().equals(written)) {
                    return false;
                }
                // in a line set in capitals, "US" or "IS" may just be the words us and is
                if (t.allCapsLine() && span.size() == 1 && !written.contains(".") && kb.isCommonWord(written)) {
                    return false;
                }
            } else if (Character.isUpperCase(written.charAt(0)) && !t.isCapitalised()) {
                return false;
            }
        }
        return true;
    }

    /** Role words that make a title of the capitalised word before them ("Agriculture Secretary"). */
    private static final Set<String> ROLE_WORDS = Set.of("Minister", "Secretary", "Spokesman", "Spokeswoman",
            "Director", "Chairman", "Commissioner", "Governor", "Ambassador", "Envoy", "Representative", "Chief",
            "Adviser", "Advisor", "Coach", "Manager", "Prosecutor", "Commander");

    private int matchTitle(List<Token> tokens, int from) {
        if (tokens.get(from).allCapsLine()) {
            return 0; // "MAJOR LEAGUE": in a capitals line a title cannot be told from a word
        }
        if (from + 2 < tokens.size() && ROLE_WORDS.contains(tokens.get(from + 1).text())
                && tokens.get(from).isCapitalised() && !kb.isGivenName(tokens.get(from).text())
                && tokens.get(from + 2).isCapitalised() && tokens.get(from + 2).isWord()
                && kb.aliases(tokens.get(from).lower()).isEmpty()) {
            return 2;
        }
        for (int len = Math.min(kb.longestTitleTokens(), tokens.size() - from); len >= 1; len--) {
            List<Token> span = tokens.subList(from, from + len);
            if (!span.get(0).isCapitalised()) {
                return 0;
            }
            String key = KnowledgeBase.key(span);
            // the tokenizer keeps an abbreviated title's dot ("Mr.", "Sen.", "Rep."); the title list has none
            if (kb.isTitle(key) || key.endsWith(".") && kb.isTitle(key.substring(0, key.length() - 1))) {
                int end = from + len;
                // a title only counts when a name follows it
                if (end < tokens.size() && tokens.get(end).text().equals(".")) {
                    end++;
                }
                if (end < tokens.size() && tokens.get(end).isWord() && tokens.get(end).isCapitalised()) {
                    return end - from;
                }
                return 0;
            }
        }
        return 0;
    }

    private Mention knownMention(List<Token> tokens, int from, int len, KnownAlias alias) {
        Token first = tokens.get(from);
        Token last = tokens.get(from + len - 1);
        double confidence = alias.primary() || len > 1 ? 0.95 : 0.85;
        if (len == 1 && alias.entity().type() == EntityType.PERSON) {
            confidence = 0.7; // a surname alone may be someone else; the resolver confirms it
        }
        return new Mention(from, from + len, first.start(), last.end(), surface(tokens, from, from + len),
                alias.entity().type(), alias.entity(), confidence, false);
    }

    /** End of an organisation name that continues a place name, or -1. */
    private int organisationAfterPlace(List<Token> tokens, int from) {
        if (from >= tokens.size() || !tokens.get(from).isCapitalised() || tokens.get(from).sentenceStart()
                || tokens.get(from).caseUninformative()) {
            return -1;
        }
        int end = runEnd(tokens, from);
        return end > from && kb.isOrganisationWord(tokens.get(end - 1).text()) ? end : -1;
    }

    /** End of a run of capitalised words (with connectors inside) starting at {@code from}. */
    private int runEnd(List<Token> tokens, int from) {
        Token first = tokens.get(from);
        if (kb.isCommonWord(first.text()) && !kb.isGivenName(first.text())) {
            return from;
        }
        if ((first.sentenceStart() || first.caseUninformative()) && adjectival(first.text())
                && !kb.isGivenName(first.text())) {
            return from; // "Confident Assad", "Unofficial Japanese": a headline's adjective, not a name
        }
        int end = from + 1;
        while (end < tokens.size()) {
            Token t = tokens.get(end);
            if (LEGAL_SUFFIXES.contains(tokens.get(end - 1).text()) && end - 1 > from) {
                // a legal form ends the name: only another legal form may follow ("Co Ltd")
                if (!t.sentenceStart() && LEGAL_SUFFIXES.contains(t.text())) {
                    end++;
                    continue;
                }
                break;
            }
            if (t.sentenceStart()) {
                int companyEnd = softLineBreak(tokens, end) ? legalSuffixEnd(tokens, end) : -1;
                if (companyEnd > 0) { // "Matsushita Electric / Industrial Co Ltd": a name wrapped onto the next line
                    end = companyEnd;
                }
                break;
            }
            if (t.isWord() && LEGAL_SUFFIXES.contains(t.text())) {
                end++;
            } else if (t.isWord() && t.isCapitalised() && !kb.isCommonWord(t.text())) {
                end++;
            } else if (CONNECTORS.contains(t.text()) && end + 1 < tokens.size()
                    && tokens.get(end + 1).isCapitalised() && tokens.get(end + 1).isWord()
                    && !tokens.get(end + 1).sentenceStart()
                    && (NAME_PARTICLES.contains(t.text()) || t.text().equals("&")
                        || kb.isOrganisationHead(first.text()) || kb.isOrganisationWord(tokens.get(end - 1).text()))) {
                end += 2;
            } else {
                break;
            }
        }
        if (first.sentenceStart() && end == from + 1 && !kb.isGivenName(first.text())) {
            // a lone capitalised word opening a sentence is usually an ordinary word; keep it only with a speech verb
            Token next = end < tokens.size() ? tokens.get(end) : null;
            // kept with a speech verb ("Simmons said"), or as a line of results ("Rios ( Chile )", "Haitai 5")
            boolean evidence = next != null && (SPEECH_VERBS.contains(next.lower()) || next.text().equals("(")
                    || Character.isDigit(next.text().charAt(0)));
            String lower = first.lower();
            if (!evidence || lower.endsWith("ing") || lower.endsWith("ly")) {
                return from;
            }
        }
        return end;
    }

    /**
     * End of "[up to three capitalised words] legal suffix [legal suffix]" starting at {@code from} on the same line
     * or sentence, or -1: what makes the name before it a company's.
     */
    private int legalSuffixEnd(List<Token> tokens, int from) {
        if (from >= tokens.size() || from > 0 && tokens.get(from).sentenceStart() && !softLineBreak(tokens, from)) {
            return -1;
        }
        int k = from;
        while (k < tokens.size() && k - from <= MAX_WORDS_BEFORE_SUFFIX) {
            Token t = tokens.get(k);
            if (k > from && t.sentenceStart() || !t.isWord() && !t.text().equals("&")) {
                return -1;
            }
            if (LEGAL_SUFFIXES.contains(t.text())) {
                int end = k + 1;
                while (end < tokens.size() && !tokens.get(end).sentenceStart()
                        && LEGAL_SUFFIXES.contains(tokens.get(end).text())) {
                    end++;
                }
                return end;
            }
            if (!t.isCapitalised() || kb.isCommonWord(t.text()) && !kb.isOrganisationWord(t.text()) || t.allCapsLine()) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    /** The token opens a line that continues the previous one mid-sentence (hard-wrapped copy), not a new sentence. */
    private static boolean softLineBreak(List<Token> tokens, int at) {
        Token prev = tokens.get(at - 1);
        return prev.isWord() && !prev.text().endsWith(".") && !tokens.get(at).allCapsLine()
                && !prev.allCapsLine() && !prev.titleCaseLine();
    }

    /** "Confident", "Unofficial", "Beleaguered": a capitalised adjective or participle (seven letters or more). */
    private static boolean adjectival(String word) {
        if (word.length() < 7 || !Character.isLowerCase(word.charAt(word.length() - 1))) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String ending : ADJECTIVE_ENDINGS) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private Mention classifyRun(List<Token> tokens, int from, int end, boolean titled) {
        // a run may contain known names ("Bank of Tokyo" has Tokyo): only a run that is one unknown name is kept whole
        Token first = tokens.get(from);
        Token last = tokens.get(end - 1);
        int len = end - from;
        String surface = surface(tokens, from, end);
        if (len > 1 && kb.isEventWord(last.text())) {
            return null; // "Alcohol Act", "Davis Cup": a law, treaty, prize or event, none of our three kinds
        }
        boolean orgShape = len > 1 && (kb.isOrganisationWord(last.text()) || LEGAL_SUFFIXES.contains(last.text())
                || kb.isOrganisationHead(first.text()));
        if (orgShape) {
            return new Mention(from, end, first.start(), last.end(), surface, EntityType.ORGANISATION, null, 0.75, false);
        }
        if (titled) {
            return person(tokens, from, end, surface, 0.85);
        }
        if (len > 1 && (kb.isPlaceLastWord(last.text()) || kb.isPlaceFirstWord(first.text())
                && !kb.isGivenName(tokens.get(from + 1).text()))) {
            return new Mention(from, end, first.start(), last.end(), surface, EntityType.PLACE, null, 0.6, false);
        }
        if (kb.isGivenName(first.text()) && len >= 2 && personShaped(tokens, from, end)) {
            return person(tokens, from, end, surface, 0.8);
        }
        if (followedByCountryInBrackets(tokens, end) && personShaped(tokens, from, end)) {
            return person(tokens, from, end, surface, 0.65);
        }
        if (len == 1) {
            Token next = end < tokens.size() ? tokens.get(end) : null;
            Token prev = from > 0 ? tokens.get(from - 1) : null;
            if (first.isAllCaps() && first.text().length() <= 6 && first.text().chars().allMatch(Character::isLetter)) {
                return new Mention(from, end, first.start(), last.end(), surface, EntityType.ORGANISATION, null, 0.55, false);
            }
            if (next != null && SPEECH_VERBS.contains(next.lower())) {
                return person(tokens, from, end, surface, 0.6);
            }
            if (prev != null && PLACE_PREPOSITIONS.contains(prev.lower())) {
                return new Mention(from, end, first.start(), last.end(), surface, EntityType.PLACE, null, 0.45, false);
            }
            return new Mention(from, end, first.start(), last.end(), surface, EntityType.PERSON, null, 0.35, false);
        }
        if (endsInKnownTown(last) && !first.text().matches("\\p{Lu}\\.")) {
            // "Hansa Rostock", "Vitesse Arnhem": a club or company named after its town, not a person
            return new Mention(from, end, first.start(), last.end(), surface, EntityType.ORGANISATION, null, 0.6, false);
        }
        if (personShaped(tokens, from, end)) {
            return person(tokens, from, end, surface, 0.5);
        }
        return new Mention(from, end, first.start(), last.end(), surface, EntityType.ORGANISATION, null, 0.45, false);
    }

    /** The word is the name of a known city or region (a person's surname rarely is, and "London" is no given name). */
    private boolean endsInKnownTown(Token last) {
        for (KnownAlias alias : kb.aliases(last.lower())) {
            if (alias.language() == null && alias.entity().type() == EntityType.PLACE && isCityOrRegion(alias.entity())
                    && caseCompatible(alias, List.of(last))) {
                return true;
            }
        }
        return false;
    }

    /** "Rios ( Chile )", "Moin Khan (Pakistan)": a name followed by a country in brackets. */
    private boolean followedByCountryInBrackets(List<Token> tokens, int end) {
        if (end + 2 >= tokens.size() || !tokens.get(end).text().equals("(")) {
            return false;
        }
        Token inside = tokens.get(end + 1);
        List<KnowledgeBase.KnownAlias> aliases = kb.aliases(inside.lower());
        return tokens.get(end + 2).text().equals(")") && !aliases.isEmpty()
                && "country".equals(aliases.get(0).entity().kind());
    }

    private boolean personShaped(List<Token> tokens, int from, int end) {
        if (end - from > 4) {
            return false;
        }
        for (int k = from; k < end; k++) {
            Token t = tokens.get(k);
            if (!t.isCapitalised() && !NAME_PARTICLES.contains(t.text())) {
                return false;
            }
            if (t.isAllCaps() && t.text().length() > 1 && !t.text().contains(".")) {
                return false;
            }
        }
        return true;
    }

    private Mention person(List<Token> tokens, int from, int end, String surface, double confidence) {
        return new Mention(from, end, tokens.get(from).start(), tokens.get(end - 1).end(), surface, EntityType.PERSON,
                null, confidence, false);
    }

    /**
     * A lone word that is the last word of a person's full name elsewhere in the document is that person
     * ("Lavrov" after "Sergei Lavrov"); one that is a word of an organisation's name is that organisation.
     */
    private List<Mention> resolveLoneNames(List<Token> tokens, List<Mention> mentions) {
        Map<String, Mention> fullNameBySurname = new HashMap<>();
        Map<String, Mention> orgByWord = new HashMap<>();
        for (Mention m : mentions) {
            if (m.adjectival() || m.length() < 2) {
                continue;
            }
            if (m.type() == EntityType.PERSON) {
                fullNameBySurname.putIfAbsent(tokens.get(m.endToken() - 1).text(), m);
            } else if (m.type() == EntityType.ORGANISATION && m.known() == null) {
                orgByWord.putIfAbsent(tokens.get(m.firstToken()).text(), m);
            }
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        // a surname the first pass skipped (it opened a sentence, or sat in a headline) is still that person
        boolean[] covered = new boolean[tokens.size()];
        for (Mention m : mentions) {
            for (int k = m.firstToken(); k < m.endToken(); k++) {
                covered[k] = true;
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            Mention full = covered[k] || !t.isWord() || !t.isCapitalised() ? null : fullNameBySurname.get(t.text());
            if (full != null) {
                out.add(new Mention(k, k + 1, t.start(), t.end(), t.text(), EntityType.PERSON, full.known(),
                        full.confidence() - 0.1, false));
            }
        }
        for (Mention m : mentions) {
            if (m.length() == 1 && !m.adjectival()) {
                String word = tokens.get(m.firstToken()).text();
                Mention full = fullNameBySurname.get(word);
                if (full != null && (m.known() == null || m.known().type() == EntityType.PERSON)) {
                    out.add(m.withResolution(EntityType.PERSON, full.known(), Math.max(m.confidence(), full.confidence() - 0.05)));
                    continue;
                }
                Mention org = orgByWord.get(word);
                if (org != null && m.known() == null) {
                    out.add(m.withResolution(EntityType.ORGANISATION, null, Math.max(m.confidence(), 0.6)));
                    continue;
                }
            }
            out.add(m);
        }
        out.sort(java.util.Comparator.comparingInt(Mention::firstToken));
        return out;
    }

    static String surface(List<Token> tokens, int from, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < end; k++) {
            Token t = tokens.get(k);
            if (k > from && t.start() > tokens.get(k - 1).end()) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }
}

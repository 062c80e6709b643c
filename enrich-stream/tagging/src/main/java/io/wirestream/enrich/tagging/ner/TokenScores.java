package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static io.wirestream.enrich.tagging.ner.FeatureHash.cat;
import static io.wirestream.enrich.tagging.ner.FeatureHash.of;
import static io.wirestream.enrich.tagging.ner.FeatureHash.pow;

/**
 * The summed weights of {@link NerFeatureSet}'s features per token and outcome, computed from per-word partial sums
 * instead of one weight look-up per feature. The features are {@link HashedFeatures}' (the reference, compared with
 * OpenNLP's feature strings by {@code PerceptronNameFinderTest}); only how their weights are added up differs:
 * <ul>
 *   <li>Most of a token's features are a function of one word of its window: its own word, class, prefixes, suffixes
 *       and shape ("w=", "wc=", "w&c=", "pre=", "suf=", "sh0="), or a neighbour's ("p1w=", "p1wc=", "p1w&c=",
 *       "sh-1=" of the word before, and so on for two either side). Each word's sums for its five positions are
 *       computed once and kept in a per-finder cache ({@link Word}), so a token costs five vector additions for
 *       these ~26 features, not ~26 hash-table look-ups (each a likely cache miss in a model of megabytes).</li>
 *   <li>Features with few values (the knowledge labels, the previous-map outcome, the sentence start, the edges, the
 *       capitals line, the previous outcomes "po=" and "ppo=") are vectors computed once per name finder (one per thread).</li>
 *   <li>Only the word bigrams, "kb0+w1=" and "capsline,w=" are looked up per token; "pow=" and "powf=" (the
 *       previous outcome with the word and with its class) are summed once per word and previous outcome.</li>
 * </ul>
 * The sums are those of the same weights added in another order, so they differ from OpenNLP's in the last bits of a
 * double: OpenNLP's decoder and this one agree on the spans of all but a rare near-tie (see
 * {@code wire quality tagging --compare-decoders}, which counts them). One per name finder, not thread-safe. The cache
 * is bounded ({@link #MAX_WORDS}).
 */
final class TokenScores {

    /**
     * Words the cache's newer half holds before it becomes the older half (and the older one is dropped), checked
     * between documents: at most about twice this many words are kept, at ~700 bytes each a few MB per finder (one
     * per stream thread). A word found in the older half moves to the newer, so frequent words stay.
     */
    static final int MAX_WORDS = 8192;

    /** A word's own features and its features as a neighbour, in the order of its five roles' vectors. */
    private static final int SELF = 0;
    private static final int PREV1 = 1;
    private static final int PREV2 = 2;
    private static final int NEXT1 = 3;
    private static final int NEXT2 = 4;

    private static final String[] NAME_LABELS = {"PER-B", "PER-I", "ORG-B", "ORG-I", "LOC-B", "LOC-I", "AMB-B", "AMB-I"};

    private final PerceptronWeights model;
    private final KnowledgeBase kb;
    private final int maxWords;
    private final int k;

    private final double[] sentenceBegin;
    private final double[] defaultFeature;
    private final double[] capitalsLineFlag;
    /** [0]: "sh-1=edge", [1]: "sh1=edge". */
    private final double[][] shapeEdge;
    /** [d + 2]: "kbd=edge". */
    private final double[][] knowledgeEdge;
    /** [d + 2][label]: "kbd=" + NAME_LABELS[label]. */
    private final double[][][] knowledgeName;
    /** [d + 1][label bit]: "kwd=" + KnowledgeFeatures.WORD_LABELS[bit]. */
    private final double[][][] knowledgeWord;
    /** [outcome], and [outcomes]: "pd=null". */
    private final double[][] previousMap;
    /** [previous outcome, or outcomes for none]: "po=", "ppo=". */
    private final double[][] previousOutcome;
    private final double[][] previousPreviousOutcome;
    private final long[] powPrefix;
    private final long[] powfPrefix;

    private Map<String, Word> cache = new HashMap<>();
    private Map<String, Word> older = new HashMap<>();
    /** Incremented at each document: a word's previous-map outcome counts only if set in the current one. */
    private int document;

    private int n;
    private Word[] words = new Word[0];
    private String[] lower = new String[0];
    private int[] nameLabel = new int[0];
    private int[] wordBits = new int[0];
    private double[] scores = new double[0];

    TokenScores(PerceptronWeights model, KnowledgeBase kb) {
        this(model, kb, MAX_WORDS);
    }

    /** With another bound of the cache's newer half (a test replaces it every document). */
    TokenScores(PerceptronWeights model, KnowledgeBase kb, int maxWords) {
        this.maxWords = maxWords;
        this.model = model;
        this.kb = kb;
        this.k = model.outcomes;
        sentenceBegin = vector(HashedFeatures.S_BEGIN);
        defaultFeature = vector(HashedFeatures.DEF);
        capitalsLineFlag = vector(HashedFeatures.CAPSLINE);
        shapeEdge = new double[][] {
                vector(cat(HashedFeatures.SH[0], HashedFeatures.EDGE, HashedFeatures.EDGE_POW)),
                vector(cat(HashedFeatures.SH[2], HashedFeatures.EDGE, HashedFeatures.EDGE_POW))};
        knowledgeEdge = new double[5][];
        knowledgeName = new double[5][NAME_LABELS.length][];
        for (int d = 0; d < 5; d++) {
            knowledgeEdge[d] = vector(cat(HashedFeatures.KB[d], HashedFeatures.EDGE, HashedFeatures.EDGE_POW));
            for (int l = 0; l < NAME_LABELS.length; l++) {
                knowledgeName[d][l] = vector(cat(HashedFeatures.KB[d], of(NAME_LABELS[l]), pow(NAME_LABELS[l].length())));
            }
        }
        knowledgeWord = new double[3][KnowledgeFeatures.WORD_LABELS.length][];
        for (int d = 0; d < 3; d++) {
            for (int b = 0; b < KnowledgeFeatures.WORD_LABELS.length; b++) {
                String label = KnowledgeFeatures.WORD_LABELS[b];
                knowledgeWord[d][b] = vector(cat(HashedFeatures.KW[d], of(label), pow(label.length())));
            }
        }
        previousMap = new double[k + 1][];
        previousOutcome = new double[k + 1][];
        previousPreviousOutcome = new double[k + 1][];
        powPrefix = new long[k + 1];
        powfPrefix = new long[k + 1];
        for (int o = 0; o <= k; o++) {
            String name = o < k ? model.outcomeNames[o] : "other";
            previousMap[o] = o < k ? vector(of("pd=" + name)) : vector(HashedFeatures.PD_NULL);
            previousOutcome[o] = vector(of("po=" + name));
            previousPreviousOutcome[o] = vector(of("ppo=" + name));
            powPrefix[o] = of("pow=" + name + ",");
            powfPrefix[o] = of("powf=" + name + ",");
        }
    }

    /** What the cache keeps of a word: its parts' hashes, its knowledge word labels and its sums per role. */
    private static final class Word {
        final String root;
        final long hTok;
        final long pTok;
        final long hClass;
        final long pClass;
        final long hRoot;
        final long pRoot;
        /** The word labels that depend on the word alone ({@link KnowledgeFeatures#wordBits}). */
        final int bits;
        final boolean beginsLongerTitle;
        /** The word's letters, and how many of them are capitals ({@link ShapeFeatures#capitalsLine}'s counts). */
        final int letters;
        final int capitals;
        /** [role * k + outcome]. */
        final double[] roles;
        /** [previous outcome (k: none)][outcome]: "pow=" + "powf=", filled when first needed. */
        final double[][] afterOutcome;
        int previousOutcome;
        int previousDocument = -1;

        Word(String root, long hTok, long pTok, long hClass, long pClass, long hRoot, long pRoot, int bits,
             boolean beginsLongerTitle, int letters, int capitals, double[] roles, int outcomes) {
            this.root = root;
            this.hTok = hTok;
            this.pTok = pTok;
            this.hClass = hClass;
            this.pClass = pClass;
            this.hRoot = hRoot;
            this.pRoot = pRoot;
            this.bits = bits;
            this.beginsLongerTitle = beginsLongerTitle;
            this.letters = letters;
            this.capitals = capitals;
            this.roles = roles;
            this.afterOutcome = new double[outcomes + 1][];
        }
    }

    /** A new document: the previous-map outcomes are forgotten, and the cache emptied if it has grown too large. */
    void clearDocument() {
        document++;
        if (cache.size() > maxWords) {
            older = cache;
            cache = new HashMap<>();
        }
    }

    /**
     * Sums each token's features that do not depend on the decode; {@link #token} then gives token j's sums at
     * {@link #at}.
     */
    void sentence(String[] tokens) {
        n = tokens.length;
        if (words.length < n) {
            int size = Math.max(n, 2 * words.length);
            words = new Word[size];
            lower = new String[size];
            nameLabel = new int[size];
            wordBits = new int[size];
        }
        if (scores.length < n * k) {
            scores = new double[Math.max(n * k, 2 * scores.length)];
        }
        int letters = 0;
        int capitals = 0;
        for (int j = 0; j < n; j++) {
            Word w = cache.get(tokens[j]);
            if (w == null) {
                w = older.get(tokens[j]);
                if (w == null) {
                    w = word(tokens[j]);
                }
                cache.put(tokens[j], w);
            }
            words[j] = w;
            lower[j] = w.root;
            letters += w.letters;
            capitals += w.capitals;
        }
        boolean capitalsLine = ShapeFeatures.isCapitalsLine(letters, capitals);
        String[] labels = KnowledgeFeatures.nameLabels(kb, tokens, java.util.Arrays.copyOf(lower, n));
        for (int j = 0; j < n; j++) {
            nameLabel[j] = labels[j] == null ? -1 : nameLabelIndex(labels[j]);
            Word w = words[j];
            wordBits[j] = w.bits | (j + 1 < n && w.beginsLongerTitle
                    && KnowledgeFeatures.titleWithNext(kb, w.root, words[j + 1].root) ? KnowledgeFeatures.TITLE : 0);
        }
        for (int j = 0; j < n; j++) {
            int at = j * k;
            Word w = words[j];
            java.util.Arrays.fill(scores, at, at + k, 0);
            add(w.roles, SELF * k, at);
            if (j >= 1) {
                add(words[j - 1].roles, PREV1 * k, at);
            } else {
                add(shapeEdge[0], 0, at);
            }
            if (j >= 2) {
                add(words[j - 2].roles, PREV2 * k, at);
            }
            if (j + 1 < n) {
                add(words[j + 1].roles, NEXT1 * k, at);
            } else {
                add(shapeEdge[1], 0, at);
            }
            if (j + 2 < n) {
                add(words[j + 2].roles, NEXT2 * k, at);
            }
            // BigramNameFeatureGenerator: pairs of words, too many to keep
            if (j > 0) {
                Word p = words[j - 1];
                model.add(cat(cat(cat(HashedFeatures.PW_W, p.hTok, p.pTok), ','), w.hTok, w.pTok), scores, at);
                model.add(cat(cat(cat(HashedFeatures.PWC_WC, p.hClass, p.pClass), ','), w.hClass, w.pClass), scores, at);
            }
            if (j + 1 < n) {
                Word x = words[j + 1];
                model.add(cat(cat(cat(HashedFeatures.W_NW, w.hTok, w.pTok), ','), x.hTok, x.pTok), scores, at);
                model.add(cat(cat(cat(HashedFeatures.WC_NC, w.hClass, w.pClass), ','), x.hClass, x.pClass), scores, at);
            }
            if (j == 0) {
                add(sentenceBegin, 0, at);
            }
            if (capitalsLine) {
                add(capitalsLineFlag, 0, at);
                model.add(cat(HashedFeatures.CAPSLINE_W, w.hRoot, w.pRoot), scores, at);
            }
            add(defaultFeature, 0, at);
            add(previousMap[w.previousDocument == document ? w.previousOutcome : k], 0, at);
            for (int d = -2; d <= 2; d++) {
                int i = j + d;
                if (i < 0 || i >= n) {
                    add(knowledgeEdge[d + 2], 0, at);
                } else if (nameLabel[i] >= 0) {
                    add(knowledgeName[d + 2][nameLabel[i]], 0, at);
                }
            }
            if (nameLabel[j] >= 0 && j + 1 < n) {
                String label = NAME_LABELS[nameLabel[j]];
                Word x = words[j + 1];
                model.add(cat(cat(cat(HashedFeatures.KB0_W1, of(label), pow(label.length())), ','), x.hRoot, x.pRoot),
                        scores, at);
            }
            for (int d = -1; d <= 1; d++) {
                int i = j + d;
                if (i >= 0 && i < n) {
                    for (int bits = wordBits[i]; bits != 0; bits &= bits - 1) {
                        add(knowledgeWord[d + 1][Integer.numberOfTrailingZeros(bits)], 0, at);
                    }
                }
            }
        }
    }

    private static int nameLabelIndex(String label) {
        for (int l = 0; l < NAME_LABELS.length; l++) {
            if (NAME_LABELS[l].equals(label)) {
                return l;
            }
        }
        throw new IllegalStateException("unknown knowledge label " + label);
    }

    /** The sums of the current sentence's tokens, token j's at {@code j * outcomes}. */
    double[] scores() {
        return scores;
    }

    /**
     * Token j's scores after the previous outcome {@code prev} and the one before it {@code prevPrev} (-1 where the
     * sentence has none) into {@code out} from {@code outAt}: its sums plus DefaultNameContextGenerator's "po=", "pow=", "powf=", "ppo=".
     */
    void scores(int j, int prev, int prevPrev, double[] out, int outAt) {
        int p = prev < 0 ? k : prev;
        Word w = words[j];
        double[] after = w.afterOutcome[p];
        if (after == null) {
            after = new double[k];
            model.add(cat(powPrefix[p], w.hTok, w.pTok), after, 0);
            model.add(cat(powfPrefix[p], w.hClass, w.pClass), after, 0);
            w.afterOutcome[p] = after;
        }
        double[] po = previousOutcome[p];
        double[] ppo = previousPreviousOutcome[prevPrev < 0 ? k : prevPrev];
        int at = j * k;
        for (int o = 0; o < k; o++) {
            out[outAt + o] = scores[at + o] + po[o] + after[o] + ppo[o];
        }
    }

    /** After a sentence is decoded: each of its words' outcome, for the previous-map feature of later sentences. */
    void remember(int[] outcomes) {
        for (int j = 0; j < n; j++) {
            words[j].previousOutcome = outcomes[j];
            words[j].previousDocument = document;
        }
    }

    private Word word(String t) {
        long hTok = of(t);
        long pTok = pow(t.length());
        String lowerCase = HashedFeatures.lowerCase(t);
        long hLower = lowerCase == t ? hTok : of(lowerCase);
        long pLower = pow(lowerCase.length());
        String cls = FeatureGeneratorUtil.tokenFeature(t);
        long hClass = of(cls);
        long pClass = pow(cls.length());
        String shape = ShapeFeatures.shape(t);
        long hShape = of(shape);
        long pShape = pow(shape.length());
        String root = t.toLowerCase(Locale.ROOT);
        long hRoot = root.equals(lowerCase) ? hLower : of(root);
        long pRoot = pow(root.length());
        double[] roles = new double[5 * k];
        // WindowFeatureGenerator(TokenFeatureGenerator(lower case)) and (TokenClassFeatureGenerator(word and class))
        long wordAndClass = cat(cat(hLower, ','), hClass, pClass);
        long wordAndClassPow = pLower * FeatureHash.B * pClass;
        model.add(cat(HashedFeatures.W, hLower, pLower), roles, SELF * k);
        model.add(cat(HashedFeatures.WC, hClass, pClass), roles, SELF * k);
        model.add(cat(HashedFeatures.WAC, wordAndClass, wordAndClassPow), roles, SELF * k);
        for (int i = 1; i <= 2; i++) {
            int prevRole = i == 1 ? PREV1 : PREV2;
            int nextRole = i == 1 ? NEXT1 : NEXT2;
            model.add(cat(HashedFeatures.PREV_W[i], hLower, pLower), roles, prevRole * k);
            model.add(cat(HashedFeatures.PREV_WC[i], hClass, pClass), roles, prevRole * k);
            model.add(cat(HashedFeatures.PREV_WAC[i], wordAndClass, wordAndClassPow), roles, prevRole * k);
            model.add(cat(HashedFeatures.NEXT_W[i], hLower, pLower), roles, nextRole * k);
            model.add(cat(HashedFeatures.NEXT_WC[i], hClass, pClass), roles, nextRole * k);
            model.add(cat(HashedFeatures.NEXT_WAC[i], wordAndClass, wordAndClassPow), roles, nextRole * k);
        }
        // PrefixFeatureGenerator(4), SuffixFeatureGenerator(4)
        int len = t.length();
        long h = HashedFeatures.PRE;
        for (int i = 0; i < Math.min(4, len); i++) {
            h = cat(h, t.charAt(i));
            model.add(h, roles, SELF * k);
        }
        long suffix = 0;
        long suffixPow = 1;
        for (int i = 0; i < Math.min(4, len); i++) {
            suffix = t.charAt(len - 1 - i) * suffixPow + suffix;
            suffixPow *= FeatureHash.B;
            model.add(cat(HashedFeatures.SUF, suffix, suffixPow), roles, SELF * k);
        }
        // ShapeFeatures: the word's shape as the token's, the next token's "sh-1=" and the previous token's "sh1="
        model.add(cat(HashedFeatures.SH[1], hShape, pShape), roles, SELF * k);
        model.add(cat(HashedFeatures.SH[0], hShape, pShape), roles, PREV1 * k);
        model.add(cat(HashedFeatures.SH[2], hShape, pShape), roles, NEXT1 * k);
        long letters = ShapeFeatures.letters(t);
        return new Word(root, hTok, pTok, hClass, pClass, hRoot, pRoot, KnowledgeFeatures.wordBits(kb, t, root),
                kb.beginsLongerTitle(root), (int) letters, (int) (letters >>> 32), roles, k);
    }

    private double[] vector(long hash) {
        double[] v = new double[k];
        model.add(hash, v, 0);
        return v;
    }

    private void add(double[] from, int fromAt, int at) {
        for (int o = 0; o < k; o++) {
            scores[at + o] += from[fromAt + o];
        }
    }
}

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
 * {@link NerFeatureSet}'s features as {@link FeatureHash} hashes, in the same order as OpenNLP's generators and its
 * {@code DefaultNameContextGenerator} produce the strings, without building a string per feature. The reference of
 * what the decoder's features are: {@link TokenScores} (what tagging runs) sums the same features' weights per word
 * with these prefixes and hashes, and a test checks its sums against this class's features. One per user (it holds
 * the document's previous-map state, like OpenNLP's {@code PreviousMapFeatureGenerator}).
 *
 * <p>{@link #sentence} hashes each token's parts once; {@link #tokenFeatures} then gives the features that do not
 * depend on the decode, and {@link #outcomeFeatures} the four that do ("po=", "pow=", "powf=", "ppo="). If a feature
 * of {@link NerFeatureSet} changes, this class must change with it: {@code PerceptronNameFinderTest} compares the two
 * feature by feature.
 */
final class HashedFeatures {

    static final long W = of("w=");
    static final long[] PREV_W = {0, of("p1w="), of("p2w=")};
    static final long[] NEXT_W = {0, of("n1w="), of("n2w=")};
    static final long WC = of("wc=");
    static final long WAC = of("w&c=");
    static final long[] PREV_WC = {0, of("p1wc="), of("p2wc=")};
    static final long[] PREV_WAC = {0, of("p1w&c="), of("p2w&c=")};
    static final long[] NEXT_WC = {0, of("n1wc="), of("n2wc=")};
    static final long[] NEXT_WAC = {0, of("n1w&c="), of("n2w&c=")};
    static final long PRE = of("pre=");
    static final long SUF = of("suf=");
    static final long PW_W = of("pw,w=");
    static final long PWC_WC = of("pwc,wc=");
    static final long W_NW = of("w,nw=");
    static final long WC_NC = of("wc,nc=");
    static final long S_BEGIN = of("S=begin");
    static final long[] SH = {of("sh-1="), of("sh0="), of("sh1=")};
    static final long EDGE = of("edge");
    static final long EDGE_POW = pow(4);
    static final long CAPSLINE = of("capsline");
    static final long CAPSLINE_W = of("capsline,w=");
    static final long DEF = of("def");
    static final long PD_NULL = of("pd=null");
    static final long[] KB = {of("kb-2="), of("kb-1="), of("kb0="), of("kb1="), of("kb2=")};
    static final long KB0_W1 = of("kb0+w1=");
    static final long[] KW = {of("kw-1="), of("kw0="), of("kw1=")};

    private final KnowledgeBase kb;
    /** Per outcome, and at index {@code outcomes} the default "other" before a sentence's first tokens. */
    private final long[] po;
    private final long[] powPrefix;
    private final long[] powfPrefix;
    private final long[] ppo;
    private final long[] pd;
    /** The document so far: each word's outcome the last time it was tagged (OpenNLP's previous map). */
    private final Map<String, Integer> previous = new HashMap<>();

    private String[] tokens;
    private int n;
    private long[] hTok = new long[0];
    private long[] pTok;
    private long[] hLower;
    private long[] pLower;
    private long[] hClass;
    private long[] pClass;
    private long[] hShape;
    private long[] pShape;
    private long[] hRoot;
    private long[] pRoot;
    private long[] hName;
    private long[] pName;
    private String[] nameLabels;
    private String[][] wordLabels;
    private boolean capitalsLine;

    HashedFeatures(KnowledgeBase kb, String[] outcomeNames) {
        this.kb = kb;
        int k = outcomeNames.length;
        po = new long[k + 1];
        powPrefix = new long[k + 1];
        powfPrefix = new long[k + 1];
        ppo = new long[k + 1];
        pd = new long[k];
        for (int o = 0; o <= k; o++) {
            String name = o < k ? outcomeNames[o] : "other";
            po[o] = of("po=" + name);
            powPrefix[o] = of("pow=" + name + ",");
            powfPrefix[o] = of("powf=" + name + ",");
            ppo[o] = of("ppo=" + name);
            if (o < k) {
                pd[o] = of("pd=" + name);
            }
        }
    }

    /** Hashes the parts of a sentence's tokens; call before the token features of any of its tokens. */
    void sentence(String[] tokens) {
        this.tokens = tokens;
        this.n = tokens.length;
        if (hTok.length < n) {
            int size = Math.max(n, 2 * hTok.length);
            hTok = new long[size];
            pTok = new long[size];
            hLower = new long[size];
            pLower = new long[size];
            hClass = new long[size];
            pClass = new long[size];
            hShape = new long[size];
            pShape = new long[size];
            hRoot = new long[size];
            pRoot = new long[size];
            hName = new long[size];
            pName = new long[size];
        }
        for (int j = 0; j < n; j++) {
            String t = tokens[j];
            hTok[j] = of(t);
            pTok[j] = pow(t.length());
            String lower = lowerCase(t);
            hLower[j] = lower == t ? hTok[j] : of(lower);
            pLower[j] = pow(lower.length());
            String cls = FeatureGeneratorUtil.tokenFeature(t);
            hClass[j] = of(cls);
            pClass[j] = pow(cls.length());
            String shape = ShapeFeatures.shape(t);
            hShape[j] = of(shape);
            pShape[j] = pow(shape.length());
            String root = t.toLowerCase(Locale.ROOT);
            hRoot[j] = root.equals(lower) ? hLower[j] : of(root);
            pRoot[j] = pow(root.length());
        }
        capitalsLine = ShapeFeatures.capitalsLine(tokens);
        KnowledgeFeatures.Labels labels = KnowledgeFeatures.labels(kb, tokens);
        nameLabels = labels.nameLabels();
        wordLabels = labels.wordLabels();
        for (int j = 0; j < n; j++) {
            if (nameLabels[j] != null) {
                hName[j] = of(nameLabels[j]);
                pName[j] = pow(nameLabels[j].length());
            }
        }
    }

    /**
     * Writes the features of token j that do not depend on the outcomes being decoded into {@code out} (grown if
     * needed, returned), in OpenNLP's order; {@code count[0]} receives how many.
     */
    long[] tokenFeatures(int j, long[] out, int[] count) {
        if (out.length < 256) {
            out = new long[256];
        }
        int c = 0;
        // WindowFeatureGenerator(TokenFeatureGenerator(lower case), 2, 2)
        out[c++] = cat(W, hLower[j], pLower[j]);
        for (int i = 1; i <= 2; i++) {
            if (j - i >= 0) {
                out[c++] = cat(PREV_W[i], hLower[j - i], pLower[j - i]);
            }
        }
        for (int i = 1; i <= 2; i++) {
            if (j + i < n) {
                out[c++] = cat(NEXT_W[i], hLower[j + i], pLower[j + i]);
            }
        }
        // WindowFeatureGenerator(TokenClassFeatureGenerator(word and class), 2, 2)
        out[c++] = cat(WC, hClass[j], pClass[j]);
        out[c++] = wordAndClass(WAC, j);
        for (int i = 1; i <= 2; i++) {
            if (j - i >= 0) {
                out[c++] = cat(PREV_WC[i], hClass[j - i], pClass[j - i]);
                out[c++] = wordAndClass(PREV_WAC[i], j - i);
            }
        }
        for (int i = 1; i <= 2; i++) {
            if (j + i < n) {
                out[c++] = cat(NEXT_WC[i], hClass[j + i], pClass[j + i]);
                out[c++] = wordAndClass(NEXT_WAC[i], j + i);
            }
        }
        // PrefixFeatureGenerator(4), SuffixFeatureGenerator(4)
        String t = tokens[j];
        int len = t.length();
        long h = PRE;
        for (int i = 0; i < Math.min(4, len); i++) {
            h = cat(h, t.charAt(i));
            out[c++] = h;
        }
        long suffix = 0;
        long suffixPow = 1;
        for (int i = 0; i < Math.min(4, len); i++) {
            suffix = t.charAt(len - 1 - i) * suffixPow + suffix;
            suffixPow *= FeatureHash.B;
            out[c++] = cat(SUF, suffix, suffixPow);
        }
        // BigramNameFeatureGenerator
        if (j > 0) {
            out[c++] = cat(cat(cat(PW_W, hTok[j - 1], pTok[j - 1]), ','), hTok[j], pTok[j]);
            out[c++] = cat(cat(cat(PWC_WC, hClass[j - 1], pClass[j - 1]), ','), hClass[j], pClass[j]);
        }
        if (j + 1 < n) {
            out[c++] = cat(cat(cat(W_NW, hTok[j], pTok[j]), ','), hTok[j + 1], pTok[j + 1]);
            out[c++] = cat(cat(cat(WC_NC, hClass[j], pClass[j]), ','), hClass[j + 1], pClass[j + 1]);
        }
        // SentenceFeatureGenerator(first word, not last)
        if (j == 0) {
            out[c++] = S_BEGIN;
        }
        // ShapeFeatures
        for (int d = -1; d <= 1; d++) {
            int k = j + d;
            out[c++] = k < 0 || k >= n ? cat(SH[d + 1], EDGE, EDGE_POW) : cat(SH[d + 1], hShape[k], pShape[k]);
        }
        if (capitalsLine) {
            out[c++] = CAPSLINE;
            out[c++] = cat(CAPSLINE_W, hRoot[j], pRoot[j]);
        }
        // OutcomePriorFeatureGenerator, PreviousMapFeatureGenerator
        out[c++] = DEF;
        Integer before = previous.get(t);
        out[c++] = before == null ? PD_NULL : pd[before];
        // KnowledgeFeatures
        for (int d = -2; d <= 2; d++) {
            int k = j + d;
            if (k < 0 || k >= n) {
                out[c++] = cat(KB[d + 2], EDGE, EDGE_POW);
            } else if (nameLabels[k] != null) {
                out[c++] = cat(KB[d + 2], hName[k], pName[k]);
            }
        }
        if (nameLabels[j] != null && j + 1 < n) {
            out[c++] = cat(cat(cat(KB0_W1, hName[j], pName[j]), ','), hRoot[j + 1], pRoot[j + 1]);
        }
        for (int d = -1; d <= 1; d++) {
            int k = j + d;
            if (k >= 0 && k < n) {
                for (String w : wordLabels[k]) {
                    if (c == out.length) {
                        out = java.util.Arrays.copyOf(out, 2 * c);
                    }
                    out[c++] = cat(KW[d + 1], of(w), pow(w.length()));
                }
            }
        }
        count[0] = c;
        return out;
    }

    private long wordAndClass(long prefix, int k) {
        return cat(cat(cat(prefix, hLower[k], pLower[k]), ','), hClass[k], pClass[k]);
    }

    /**
     * DefaultNameContextGenerator's features of token j after the previous outcome {@code prev} and the one before
     * it {@code prevPrev} (each -1 where the sentence has none: OpenNLP then writes "other"), in its order.
     */
    void outcomeFeatures(int j, int prev, int prevPrev, long[] out) {
        int other = po.length - 1;
        int p = prev < 0 ? other : prev;
        out[0] = po[p];
        out[1] = cat(powPrefix[p], hTok[j], pTok[j]);
        out[2] = cat(powfPrefix[p], hClass[j], pClass[j]);
        out[3] = ppo[prevPrev < 0 ? other : prevPrev];
    }

    /** After a sentence is decoded: each of its words' outcome, for the previous-map feature of later sentences. */
    void remember(String[] words, int[] outcomes) {
        for (int i = 0; i < words.length; i++) {
            previous.put(words[i], outcomes[i]);
        }
    }

    void clearDocument() {
        previous.clear();
    }

    /** OpenNLP's StringUtil.toLowerCase (code point by code point), returning the word itself when nothing changes. */
    static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 || ch >= 'A' && ch <= 'Z') {
                return opennlp.tools.util.StringUtil.toLowerCase(s);
            }
        }
        return s;
    }
}

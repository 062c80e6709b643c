package io.wirestream.enrich.tagging;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.tagging.entities.EntityRecognizer;
import io.wirestream.enrich.tagging.entities.EntityResolver;
import io.wirestream.enrich.tagging.entities.KnownNameRecognizer;
import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.entities.ModelEntityRecognizer;
import io.wirestream.enrich.tagging.entities.ResolvedEntity;
import io.wirestream.enrich.tagging.keywords.KeywordExtractor;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.ner.NerModel;
import io.wirestream.enrich.tagging.subjects.MediaTopicClassifier;
import io.wirestream.enrich.tagging.subjects.ScoredTopic;
import io.wirestream.enrich.tagging.subjects.SourceSubjectMapper;
import io.wirestream.enrich.tagging.text.TextLanguage;
import io.wirestream.enrich.tagging.text.TextTokenizer;
import io.wirestream.enrich.tagging.text.Token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tags an article with entities (people, organisations, places), IPTC Media Topics and keywords. Pure and
 * thread-safe: one instance can serve every stream thread.
 *
 * <p>What is tagged depends on the article's language ({@link TextLanguage}): English copy (and copy without a
 * language) gets every rule; copy in any other language gets only the entities the knowledge base knows, and no
 * inferred Media Topics or keywords, whose cue words and stop words are English. English names come from the rules,
 * or from a trained model ({@link NerModel}) when one is configured; the knowledge base links either's names to ids.
 */
public final class ArticleTagger {

    private final KnowledgeBase kb;
    private final TaggerSettings settings;
    private final TextTokenizer tokenizer = new TextTokenizer();
    private final EntityRecognizer recognizer;
    private final KnownNameRecognizer knownNames;
    private final EntityResolver resolver = new EntityResolver();
    private final MediaTopicClassifier topics;
    private final SourceSubjectMapper sourceSubjects = new SourceSubjectMapper();
    private final KeywordExtractor keywords;

    private final ModelEntityRecognizer modelRecognizer;
    private final NerModel nerModel;

    /**
     * A tagger with the English recogniser the settings name: the model file {@link TaggerSettings#nerModel()}, else a
     * model on the classpath at {@link NerModel#CLASSPATH_RESOURCE}, else the rules.
     *
     * @throws IllegalArgumentException when the configured model cannot be read or was trained with other features
     */
    public ArticleTagger(KnowledgeBase kb, TaggerSettings settings) {
        this(kb, settings, settings.nerModel().isEmpty() ? NerModel.fromClasspath().orElse(null)
                : NerModel.load(Path.of(settings.nerModel())));
    }

    /** A tagger whose English names come from the given model, or from the rules when it is null. */
    public ArticleTagger(KnowledgeBase kb, TaggerSettings settings, NerModel nerModel) {
        this.kb = kb;
        this.settings = settings;
        this.nerModel = nerModel;
        this.modelRecognizer = nerModel == null ? null : new ModelEntityRecognizer(kb, nerModel);
        this.recognizer = new EntityRecognizer(kb);
        this.knownNames = new KnownNameRecognizer(kb);
        this.topics = new MediaTopicClassifier(kb);
        this.keywords = new KeywordExtractor(kb, settings.maxKeywords());
    }

    public static ArticleTagger withBundledKnowledge() {
        return new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults());
    }

    public KnowledgeBase knowledge() {
        return kb;
    }

    /** The trained model English names come from, if any (else the rules). */
    public Optional<NerModel> nerModel() {
        return Optional.ofNullable(nerModel);
    }

    /**
     * A copy of the article with entities, subjects and keywords. Subjects the source sent (origin source or mapped)
     * are kept, source subject codes are mapped to Media Topics (origin mapped), and topics inferred from the text are
     * added (origin inferred) unless already present. Entities are replaced (tagging is a function of the text);
     * keywords the source sent are kept first. The article's language decides which rules run (see the class note).
     */
    public Article tag(Article article) {
        List<String> paragraphs = new ArrayList<>();
        if (article.getDescription() != null) {
            paragraphs.add(article.getDescription());
        }
        paragraphs.addAll(article.getBodyParagraphs());
        TaggingResult result = analyse(article.getHeadline(), paragraphs, TextLanguage.of(article.getLanguage()));

        List<Entity> entities = new ArrayList<>();
        for (ResolvedEntity e : result.entities()) {
            entities.add(Entity.newBuilder().setName(e.name()).setType(e.type()).setMentions(e.mentions())
                    .setMentionCount(e.mentionCount()).setConfidence(e.confidence()).setUri(e.uri()).build());
        }
        return Article.newBuilder(article)
                .setEntities(entities)
                .setSubjects(subjects(article.getSubjects(), result.topics()))
                .setKeywords(mergedKeywords(article.getKeywords(), result.keywords()))
                .build();
    }

    /** Tags an English headline and paragraphs; the lower-level entry point the quality report and benchmarks use. */
    public TaggingResult analyse(String headline, List<String> paragraphs) {
        return analyse(headline, paragraphs, TextLanguage.ENGLISH);
    }

    /** Tags a headline and paragraphs written in the given language. */
    public TaggingResult analyse(String headline, List<String> paragraphs, TextLanguage language) {
        StringBuilder text = new StringBuilder(headline == null ? "" : headline).append('\n');
        int leadEnd = -1;
        for (String p : paragraphs) {
            text.append(p).append('\n');
            if (leadEnd < 0) {
                leadEnd = text.length();
            }
        }
        return analyse(text.toString(), leadEnd < 0 ? text.length() : leadEnd, language);
    }

    /** Tags free English text; {@code leadEnd} is the offset where the headline and first paragraph end. */
    public TaggingResult analyse(String text, int leadEnd) {
        return analyse(text, leadEnd, TextLanguage.ENGLISH);
    }

    /** Tags free text written in the given language. */
    public TaggingResult analyse(String text, int leadEnd, TextLanguage language) {
        List<Token> tokens = tokenizer.tokenize(text);
        boolean english = language.english();
        // non-English copy never goes through the English model or rules: only names the knowledge base knows
        List<Mention> mentions = !english ? knownNames.recognise(tokens, language)
                : modelRecognizer != null ? modelRecognizer.recognise(tokens) : recognizer.recognise(tokens);
        List<ResolvedEntity> all = resolver.resolve(tokens, mentions);
        List<ResolvedEntity> kept = new ArrayList<>();
        for (ResolvedEntity e : all) {
            if (e.confidence() >= settings.minEntityConfidence()) {
                kept.add(e);
            }
        }
        if (kept.size() > settings.maxEntities()) {
            kept.sort(Comparator.comparingInt(ResolvedEntity::mentionCount).reversed()
                    .thenComparingInt(ResolvedEntity::firstOffset));
            kept = new ArrayList<>(kept.subList(0, settings.maxEntities()));
            kept.sort(Comparator.comparingInt(ResolvedEntity::firstOffset));
        }
        // Media Topic cue words and keyword stop words are English: other languages keep only their source's subjects
        List<ScoredTopic> scored = english ? topics.classify(tokens, kept, kb) : List.of();
        List<String> terms = english ? keywords.extract(tokens, mentions, leadEnd) : List.of();
        return new TaggingResult(tokens, mentions, List.copyOf(kept), scored, terms);
    }

    private List<Subject> subjects(List<Subject> existing, List<ScoredTopic> inferred) {
        Map<String, Subject> byCode = new LinkedHashMap<>();
        for (Subject s : existing) {
            byCode.putIfAbsent(s.getCode(), s);
        }
        for (Subject s : existing) {
            if ("source".equals(s.getOrigin())) {
                sourceSubjects.toMediaTopic(s.getCode()).ifPresent(code -> {
                    if (!byCode.containsKey(code)) {
                        byCode.put(code, Subject.newBuilder().setCode(code).setName(label(code))
                                .setRelevance(s.getRelevance()).setOrigin("mapped").build());
                    }
                });
            }
        }
        for (ScoredTopic t : inferred) {
            byCode.putIfAbsent(t.topic().code(), Subject.newBuilder().setCode(t.topic().code())
                    .setName(t.topic().label()).setRelevance(t.relevance()).setOrigin("inferred").build());
        }
        return new ArrayList<>(byCode.values());
    }

    private String label(String code) {
        var topic = topics.topic(code);
        return topic == null ? null : topic.label();
    }

    private static List<String> mergedKeywords(List<String> existing, List<String> inferred) {
        Set<String> out = new LinkedHashSet<>(existing);
        out.addAll(inferred);
        return new ArrayList<>(out);
    }
}

package io.wirestream.enrich.service.links;

import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.RelatedStoryRanker;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;

/**
 * One story's related-link answers as a busy window gives them, for {@code LinkAnswersBenchmark}: the stage's
 * package-private codec and the ranker, reachable from the benchmark's package. Invented data.
 */
public final class LinkAnswersProbe {

    private static final String[] WORDS = {"harbour", "tariff", "ministry", "shipments", "quarterly", "dividend",
            "refinery", "talks", "election", "strike", "output", "forecast", "merger", "rates", "drought", "crop"};

    private final StoryProfile story;
    private final List<KeyHits> answers;
    private final LinkMessage message;
    private final Serde<LinkMessage> serde = LinkBinary.messages();
    private final RelatedStoryRanker ranker = new RelatedStoryRanker(LinkSettings.defaults());

    private LinkAnswersProbe(StoryProfile story, List<KeyHits> answers) {
        this.story = story;
        this.answers = answers;
        this.message = LinkMessage.answers(story.uri(), story.version(), answers);
    }

    /** {@code keys} keys with {@link KeyHits#RANKED_PER_KEY} postings each, drawn from {@code pool} earlier stories. */
    public static LinkAnswersProbe invented(int keys, int pool, long seed) {
        Random random = new Random(seed);
        long now = 1_780_000_000_000L;
        List<Posting> earlier = new ArrayList<>(pool);
        for (int i = 0; i < pool; i++) {
            StringBuilder headline = new StringBuilder();
            for (int w = 0; w < 9; w++) {
                headline.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            earlier.add(new Posting("urn:wirestream:agency" + (i % 4) + ":story-" + i, 1 + random.nextInt(3),
                    now - random.nextInt(86_400_000), headline.toString(), random.nextInt(5) == 0 ? "dc-" + i : null,
                    1 + random.nextDouble(), 1.0));
        }
        List<ProfileKey> profileKeys = new ArrayList<>();
        List<KeyHits> answers = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            boolean entity = k < keys / 2;
            ProfileKey key = new ProfileKey((entity ? "per:" : "kw:") + "key-" + k, entity ? "Key " + k : null,
                    0.1 + random.nextDouble(), entity);
            profileKeys.add(key);
            List<Posting> postings = new ArrayList<>();
            // hot keys draw from the whole pool, rare ones from a corner of it: stories recur across keys
            int spread = k % 3 == 0 ? pool : Math.max(KeyHits.RANKED_PER_KEY, pool / 8);
            for (int p = 0; p < KeyHits.RANKED_PER_KEY; p++) {
                postings.add(earlier.get(random.nextInt(spread)).withWeight(0.05 + random.nextDouble()));
            }
            answers.add(new KeyHits(key, postings, KeyHits.RANKED_PER_KEY + random.nextInt(32)));
        }
        StoryProfile story = new StoryProfile("urn:wirestream:agency9:new-story", 1, now, "A new story", null,
                new LinkedHashSet<>(List.of("urn:wirestream:agency9:new-story")), profileKeys);
        return new LinkAnswersProbe(story, answers);
    }

    public byte[] encode() {
        return serde.serializer().serialize("related-links-by-uri", message);
    }

    public List<KeyHits> decode(byte[] bytes) {
        return serde.deserializer().deserialize("related-links-by-uri", bytes).answers();
    }

    public List<RelatedLink> rank() {
        return ranker.rank(story, answers, story.timeMillis());
    }

    public List<KeyHits> answers() {
        return answers;
    }
}

package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.service.bench.BenchStores;
import io.wirestream.enrich.service.bench.BenchStories;
import io.wirestream.runtime.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import io.wirestream.enrich.dedupe.version.StoryState;

/**
 * The versions processor ({@link StoryVersionProcessor}) as the stage builds it (production settings, its two RocksDB
 * stores and their serdes), for {@code StoryVersionBenchmark}. The window is filled with {@code storiesInWindow}
 * stories at version 1 (short ones: their text is not kept, only their version state); then each call offers one
 * version and returns what the processor sent on. Invented stories ({@link BenchStories}).
 */
public final class VersionsBenchRig implements AutoCloseable {

    private static final int TEMPLATES = 32;

    private final DedupeSettings settings = DedupeSettings.from(Settings.ofValues(Map.of()));
    private final BenchStores stores = new BenchStores("versions");
    private final MockProcessorContext<String, DedupeMessage> context = stores.context();
    private final StoryVersionProcessor processor = new StoryVersionProcessor(settings);
    private final Fingerprinter fingerprinter = new Fingerprinter(settings.fingerprint());
    private final Article[] stories = new Article[TEMPLATES];
    private final Article[] kills = new Article[TEMPLATES];
    private final int filled;
    private final long[] versions;
    private long next;
    private int cursor;
    private int killed;

    public VersionsBenchRig(int storiesInWindow) {
        stores.keyValue(context, StoryVersionProcessor.STORE, Serdes.String(), DedupeBinary.storyStates());
        stores.keyValue(context, StoryVersionProcessor.EXPIRY_STORE, Serdes.String(), Serdes.Long());
        context.setCurrentSystemTimeMs(BenchStories.T0.toEpochMilli());
        processor.init(context);
        for (int t = 0; t < TEMPLATES; t++) {
            stories[t] = BenchStories.story(t, BenchStories.T0);
            kills[t] = Article.newBuilder(stories[t]).setPubstatus(PubStatus.canceled).setBodyParagraphs(List.of())
                    .setHeadline("KILL - story withdrawn").build();
        }
        Article brief = Article.newBuilder(stories[0]).setBodyParagraphs(List.of("Brief.")).build();
        for (int i = 0; i < storiesInWindow; i++) {
            brief.setUri(filledUri(i));
            process(brief);
        }
        context.resetForwards();
        filled = storiesInWindow;
        versions = new long[storiesInWindow];
        java.util.Arrays.fill(versions, 1);
    }

    private static String filledUri(int i) {
        return "urn:bench:filled-" + i;
    }

    /** A story not seen before: guarded, fingerprinted, sent on as a candidate and one probe per index partition. */
    public List<DedupeMessage> firstVersion() {
        long n = next++;
        Article story = stories[(int) (n % TEMPLATES)];
        story.setUri("urn:bench:new-" + n);
        story.setVersion(1);
        return process(story);
    }

    /** What the first version spends in the fingerprinter, to tell the processor's own share from it. */
    public StorySignature fingerprintAlone() {
        return fingerprinter.fingerprint(stories[(int) (next++ % TEMPLATES)]);
    }

    /** The next version of a story in the window: guarded, its state and expiry entry rewritten, sent on. */
    public List<DedupeMessage> newerVersion() {
        int i = nextFilled();
        Article story = stories[i % TEMPLATES];
        story.setUri(filledUri(i));
        story.setVersion(++versions[i]);
        return process(story);
    }

    /** A version older than the one stored: dropped, and audited as stale. */
    public List<DedupeMessage> staleVersion() {
        int i = nextFilled();
        Article story = stories[i % TEMPLATES];
        story.setUri(filledUri(i));
        story.setVersion(versions[i] - 1);
        return process(story);
    }

    /**
     * The kill of a live story in the window. Each story is killed once (a second kill would take the after-kill
     * path): the kills of one JMH iteration must not outnumber the stories in the window, and {@link #revive()} makes
     * the killed ones live again between iterations.
     */
    public List<DedupeMessage> kill() {
        if (killed >= filled) {
            throw new IllegalStateException("every story in the window has been killed once; raise -p storiesInWindow");
        }
        int i = killed++;
        Article kill = kills[i % TEMPLATES];
        kill.setUri(filledUri(i));
        kill.setVersion(++versions[i]);
        return process(kill);
    }

    /** The stories killed so far live again (their states rewritten directly, not through the processor). */
    public void revive() {
        KeyValueStore<String, StoryState> states = context.getStateStore(StoryVersionProcessor.STORE);
        java.time.Instant at = java.time.Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (int i = 0; i < killed; i++) {
            states.put(filledUri(i), new StoryState(filledUri(i), ++versions[i], false, at));
        }
        killed = 0;
    }

    private int nextFilled() {
        int i = cursor;
        cursor = (cursor + 1) % filled;
        return i;
    }

    private List<DedupeMessage> process(Article article) {
        processor.process(new Record<>(article.getUri(), article, BenchStories.T0.toEpochMilli()));
        List<DedupeMessage> out = new ArrayList<>(4);
        for (var f : context.forwarded()) {
            out.add(f.record().value());
        }
        context.resetForwards();
        return out;
    }

    @Override
    public void close() {
        processor.close();
        stores.close();
    }
}

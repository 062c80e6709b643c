package io.wirestream.enrich.normalise;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.parse.Anpa1312Parser;
import io.wirestream.enrich.normalise.parse.ApMediaJsonParser;
import io.wirestream.enrich.normalise.parse.AtomParser;
import io.wirestream.enrich.normalise.parse.Deadline;
import io.wirestream.enrich.normalise.parse.EmailParser;
import io.wirestream.enrich.normalise.parse.FormatParser;
import io.wirestream.enrich.normalise.parse.Iptc7901Parser;
import io.wirestream.enrich.normalise.parse.NewsMl1Parser;
import io.wirestream.enrich.normalise.parse.NewsMlG2Parser;
import io.wirestream.enrich.normalise.parse.NinjsParser;
import io.wirestream.enrich.normalise.parse.NitfParser;
import io.wirestream.enrich.normalise.parse.ParseInput;
import io.wirestream.enrich.normalise.parse.RitzauXmlParser;
import io.wirestream.enrich.normalise.parse.RssParser;
import io.wirestream.enrich.normalise.parse.WebHtmlParser;
import io.wirestream.enrich.normalise.parse.WebTextParser;
import io.wirestream.newsformats.format.Detection;
import io.wirestream.newsformats.format.FormatDetector;
import io.wirestream.newsformats.format.WireFormat;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The normaliser: detects the format from the bytes, runs that format's parser within a time budget, and assembles
 * canonical articles. Pure apart from the worker threads that enforce the budget: no Kafka, no I/O, and no clock
 * other than the one given. Thread-safe; one instance serves all stream threads.
 *
 * <p>Small payloads (up to {@link NormaliserLimits#inlineMaxBytes()}) are parsed on the calling thread: the budget is
 * then enforced by the parsers' deadline checks (in their loops and between stories), which is what cuts off
 * hostile input, and the hand-off to a worker and back, which cost more than a small parse on a busy machine, is
 * saved. Larger payloads go to a bounded worker pool, which also stops waiting for a parser that ignores its
 * deadline and its interrupt.
 */
public final class WireItemNormaliser implements ItemNormaliser, AutoCloseable {

    private final NormaliserLimits limits;
    private final FormatDetector detector = new FormatDetector();
    private final ArticleAssembler assembler;
    private final Map<WireFormat, FormatParser> parsers = new EnumMap<>(WireFormat.class);
    private final ExecutorService workers;
    private final Semaphore permits;
    private final int workerCount;

    /** One instance serves every stream thread; twice the cores, at least 4, leaves room for a stuck worker or two. */
    public static final int DEFAULT_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    public WireItemNormaliser() {
        this(Clock.systemUTC(), NormaliserLimits.defaults());
    }

    public WireItemNormaliser(Clock clock, NormaliserLimits limits) {
        this(clock, limits, DEFAULT_WORKERS);
    }

    /** @param workerCount how many items may be parsed at once (the bound on worker threads) */
    public WireItemNormaliser(Clock clock, NormaliserLimits limits, int workerCount) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be at least 1");
        }
        this.limits = limits;
        this.assembler = new ArticleAssembler(clock);
        for (FormatParser p : List.of(new NewsMlG2Parser(), new NewsMl1Parser(), new NitfParser(), new Anpa1312Parser(),
                new Iptc7901Parser(), new NinjsParser(), new ApMediaJsonParser(), new RssParser(), new AtomParser(),
                new WebHtmlParser(), new WebTextParser(), new RitzauXmlParser(), new EmailParser())) {
            parsers.put(p.format(), p);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "wire-normalise-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // A bounded pool: a parser stuck past its budget (it ignores interrupts) keeps its worker, and a cached pool
        // would then grow a thread per item without limit. At most workerCount items run at once; a caller waits
        // for a free worker within the item's time budget and is refused ("overloaded") when none frees up.
        this.workerCount = workerCount;
        this.permits = new Semaphore(workerCount);
        this.workers = Executors.newFixedThreadPool(workerCount, tf);
        warmUp(limits);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads the language profiles and the XML, JSON and HTML machinery once per JVM, so the first item after a start
     * does not spend its time budget on class loading.
     */
    private static void warmUp(NormaliserLimits limits) {
        if (!WARM.compareAndSet(false, true)) {
            return;
        }
        try {
            io.wirestream.enrich.normalise.lang.LanguageGuesser.detect(
                    "The harbour authority said on Tuesday that the ferry service would resume within the week.");
            io.wirestream.enrich.normalise.xml.SafeXml.parse("<warm><up/></warm>", limits);
            io.wirestream.enrich.normalise.json.SafeJson.parse("{\"warm\":[1]}", limits);
            io.wirestream.enrich.normalise.html.HtmlBlocks.blocks("<p>warm <b>up</b></p>");
        } catch (NormalisationException | RuntimeException e) {
            // warming is best effort; the first real item pays whatever is left
        }
    }

    public NormaliserLimits limits() {
        return limits;
    }

    @Override
    public List<Article> normalise(RawItem raw) throws NormalisationException {
        return normaliseDetailed(raw).articles();
    }

    /** Like {@link #normalise} with diagnostics, for quality reports and {@code wire inspect}. */
    public NormalisationResult normaliseDetailed(RawItem raw) throws NormalisationException {
        if (raw == null || raw.getPayload() == null) {
            throw new NormalisationException("detect", "empty-payload", "no raw item or no payload");
        }
        byte[] payload = bytes(raw.getPayload());
        if (payload.length == 0) {
            throw new NormalisationException("detect", "empty-payload", "the payload is empty");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            throw new NormalisationException("detect", "too-large",
                    "payload of " + payload.length + " bytes exceeds the limit of " + limits.maxPayloadBytes());
        }
        Detection detection = detector.detect(payload, raw.getContentType(), raw.getFormatHint());
        if (!detection.known()) {
            boolean empty = detection.reason().startsWith("empty") || detection.reason().startsWith("payload is blank");
            throw new NormalisationException("detect", empty ? "empty-payload" : "unknown-format", detection.reason());
        }
        FormatParser parser = parsers.get(detection.format());
        if (parser == null) {
            throw new NormalisationException("detect", "unknown-format", "no parser for " + detection.format().label());
        }
        if (payload.length <= limits.inlineMaxBytes()) {
            try {
                return run(parser, raw, payload, detection);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw refusal(e, detection);
            }
        }
        long budgetMillis = limits.timePerItem().toMillis();
        try {
            if (!permits.tryAcquire(budgetMillis, TimeUnit.MILLISECONDS)) {
                throw new NormalisationException("parse", "overloaded", "all " + workerCount
                        + " normaliser workers stayed busy for " + budgetMillis + " ms; the item was not parsed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NormalisationException("parse", "timeout", "interrupted while waiting for a worker", e);
        }
        // the permit goes back once: when the work ends (a stuck parser keeps its worker counted), or here when
        // the work is cancelled before it ever started (then it never runs, and its finally never would)
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        Runnable releasePermit = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        Future<NormalisationResult> f;
        try {
            f = workers.submit(() -> {
                started.set(true);
                try {
                    return run(parser, raw, payload, detection);
                } finally {
                    releasePermit.run();
                }
            });
        } catch (RuntimeException e) {
            releasePermit.run();
            throw new NormalisationException("parse", "overloaded", "the normaliser is closed or full: " + e, e);
        }
        try {
            return f.get(budgetMillis + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(f, started, releasePermit);
            throw new NormalisationException("parse", "timeout",
                    "no result within " + limits.timePerItem().toMillis() + " ms (" + detection.format().label() + ")");
        } catch (InterruptedException e) {
            cancel(f, started, releasePermit);
            Thread.currentThread().interrupt();
            throw new NormalisationException("parse", "timeout", "interrupted while normalising", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NormalisationException ne) {
                throw ne;
            }
            throw refusal(c, detection);
        }
    }

    /** What a parser's failure tells the sender. */
    private static NormalisationException refusal(Throwable c, Detection detection) {
        if (c instanceof Deadline.Exceeded) {
            return new NormalisationException("parse", "timeout", c.getMessage(), c);
        }
        if (c instanceof StackOverflowError) {
            return new NormalisationException("parse", "too-complex", "the item nests too deeply to read", c);
        }
        if (c instanceof OutOfMemoryError) {
            return new NormalisationException("parse", "too-large", "the item does not fit in memory", c);
        }
        return new NormalisationException("parse", "parser-error",
                detection.format().label() + " parser failed: " + c, c);
    }

    private static void cancel(Future<?> f, AtomicBoolean started, Runnable releasePermit) {
        if (f.cancel(true) && !started.get()) {
            releasePermit.run();
        }
    }

    private NormalisationResult run(FormatParser parser, RawItem raw, byte[] payload, Detection detection)
            throws NormalisationException {
        Deadline deadline = Deadline.in(limits.timePerItem());
        ParseInput in = new ParseInput(raw, payload, detection, limits, deadline);
        List<DraftArticle> drafts = parser.parse(in);
        deadline.check();
        if (drafts.size() > limits.maxItemsPerPayload()) {
            throw new NormalisationException("parse", "too-many-items",
                    drafts.size() + " stories in one payload; the limit is " + limits.maxItemsPerPayload());
        }
        List<String> skipped = new ArrayList<>();
        List<DraftArticle> text = new ArrayList<>();
        for (DraftArticle d : drafts) {
            if (d.textItem()) {
                text.add(d);
            } else {
                skipped.add((d.formatId() == null ? "item" : d.formatId()) + ": not a text story ("
                        + (d.itemClass() == null ? "no text" : d.itemClass()) + ")");
            }
        }
        if (drafts.isEmpty()) {
            throw new NormalisationException("parse", "no-items", "the " + detection.format().label()
                    + " payload holds no story");
        }
        if (text.isEmpty()) {
            throw new NormalisationException("parse", "not-text", "only text stories become articles; this "
                    + detection.format().label() + " payload holds " + describe(drafts));
        }
        List<Article> articles = new ArrayList<>();
        List<ArticleDiagnostics> diags = new ArrayList<>();
        NormalisationException firstFailure = null;
        for (DraftArticle d : text) {
            deadline.check();
            try {
                ArticleAssembler.Assembled a = assembler.assemble(d, raw, detection.format(), limits.sources());
                articles.add(a.article());
                List<String> notes = new ArrayList<>(in.notes());
                notes.addAll(a.diagnostics().notes());
                diags.add(a.diagnostics().withNotes(notes));
            } catch (NormalisationException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
                skipped.add((d.formatId() == null ? "item" : d.formatId()) + ": " + e.reason()
                        + " (" + e.getMessage() + ")");
            }
        }
        if (articles.isEmpty()) {
            throw firstFailure;
        }
        return new NormalisationResult(detection, articles, diags, skipped, in.notes());
    }

    private static String describe(List<DraftArticle> drafts) {
        Map<String, Integer> classes = new java.util.TreeMap<>();
        for (DraftArticle d : drafts) {
            classes.merge(d.itemClass() == null ? "items without text" : d.itemClass(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        classes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(" x ").append(k));
        return sb.toString();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

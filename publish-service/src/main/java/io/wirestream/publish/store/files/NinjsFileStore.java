package io.wirestream.publish.store.files;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.ApplyResult;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.BatchPlan;
import io.wirestream.publish.store.ChangePage;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.SearchHit;
import io.wirestream.publish.store.StoreHealth;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.StoredArticle;
import io.wirestream.publish.store.StoryStatus;
import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import org.apache.kafka.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ninjs JSON files for static hosting and object stores: one file per story at
 * {@code <dir>/yyyy/MM/dd/<slug>-<hash>.json}, replaced atomically by each newer version.
 *
 * <p>There is no transaction across files, so exactly-once comes from idempotence instead: every write is
 * versioned (a per-story index entry remembers the version), data goes first and the index after it, and the
 * offsets file is written last for the batch. Replaying records after a crash rewrites the same content or is
 * refused by the version guard.
 *
 * <p>Embargoed versions wait in the state directory, which is outside the public directory by default so a web
 * server cannot serve them early; {@link #releaseDueEmbargoes} moves them into place. A kill replaces the file
 * with a withdrawn marker or deletes it ({@link KillMode}).
 */
public final class NinjsFileStore implements ArticleStore {

    /**
     * @param dir      the public directory
     * @param stateDir index, embargo folder and offsets; keep it outside anything served
     * @param profile  documents written; {@link NinjsProfile#OFFICIAL} validates against the official ninjs schema
     * @param fsync    force each file to disk before renaming it; off survives a killed process (the page cache
     *                 outlives it) but not power loss, and is many times faster
     */
    public record Settings(Path dir, Path stateDir, KillMode killMode, NinjsProfile profile, boolean fsync) {

        /** With fsync on: every file is forced to disk before it is renamed into place. */
        public Settings(Path dir, Path stateDir, KillMode killMode, NinjsProfile profile) {
            this(dir, stateDir, killMode, profile, true);
        }

        public Settings {
            Objects.requireNonNull(dir, "dir");
            dir = dir.toAbsolutePath().normalize();
            stateDir = stateDir == null ? dir.resolveSibling(dir.getFileName() + ".state") : stateDir.toAbsolutePath().normalize();
            killMode = killMode == null ? KillMode.WITHDRAW : killMode;
            profile = profile == null ? NinjsProfile.OFFICIAL : profile;
            if (stateDir.startsWith(dir)) {
                throw new IllegalArgumentException("the file store's state directory must not be inside the public directory "
                        + dir + ": embargoed stories would be served early");
            }
        }
    }

    private static final DateTimeFormatter DATE_FOLDERS = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final NinjsWriter writer;
    private final Path indexDir;
    private final Path embargoDir;
    private final Path offsetsFile;

    public NinjsFileStore(Settings settings) {
        this.settings = settings;
        this.writer = new NinjsWriter(settings.profile());
        this.indexDir = settings.stateDir().resolve("index");
        this.embargoDir = settings.stateDir().resolve("embargo");
        this.offsetsFile = settings.stateDir().resolve("offsets.properties");
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public void open() {
        try {
            Files.createDirectories(settings.dir());
            Files.createDirectories(indexDir);
            Files.createDirectories(embargoDir);
            AtomicFiles.deleteLeftovers(settings.dir());
            AtomicFiles.deleteLeftovers(settings.stateDir());
        } catch (IOException e) {
            throw new StoreUnavailableException("file store cannot create its directories: " + e, e);
        }
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    @Override
    public synchronized ApplyResult apply(List<IncomingRecord> batch, Instant now) {
        if (batch.isEmpty()) {
            return ApplyResult.EMPTY;
        }
        try {
            BatchPlan plan = BatchPlan.of(batch, this::known, settings.killMode(), now);
            for (BatchPlan.Target target : plan.targets()) {
                write(target);
            }
            writeOffsets(plan.nextOffsets());
            return plan.result();
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("file store could not apply a batch of " + batch.size() + ": " + e, e);
        }
    }

    private Map<String, BatchPlan.Known> known(Set<String> uris) {
        Map<String, BatchPlan.Known> known = new HashMap<>();
        for (String uri : uris) {
            try {
                StoryIndexEntry entry = readIndex(storyKey(uri));
                if (entry != null) {
                    known.put(uri, new BatchPlan.Known(entry.version(), entry.status()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return known;
    }

    private void write(BatchPlan.Target target) throws IOException {
        Article article = target.article();
        String key = storyKey(target.uri());
        StoryIndexEntry current = readIndex(key);
        StoryIndexEntry base = current != null ? current
                : new StoryIndexEntry(target.uri(), target.version(), target.status(), relativePathFor(article, key), null, false);
        Path publicFile = settings.dir().resolve(base.relativePath());
        Path pending = embargoDir.resolve(key + ".json");

        // data first, index last: a crash in between is repaired by the replay, which the old index does not refuse
        switch (target.status()) {
            case DELETED, WITHHELD -> {
                Files.deleteIfExists(publicFile);
                Files.deleteIfExists(pending);
            }
            case WITHDRAWN -> {
                AtomicFiles.write(publicFile, writer.toWithdrawnMarkerJson(article).getBytes(StandardCharsets.UTF_8),
                        settings.fsync());
                Files.deleteIfExists(pending);
            }
            case USABLE -> {
                byte[] document = writer.toBytes(article);
                if (target.held()) {
                    AtomicFiles.write(pending, document, settings.fsync());
                    // the story is hidden until the embargoed version is released
                    Files.deleteIfExists(publicFile);
                } else {
                    AtomicFiles.write(publicFile, document, settings.fsync());
                    Files.deleteIfExists(pending);
                }
            }
        }
        writeIndex(key, base.with(target.version(), target.status(), target.embargo(),
                target.held() && target.status() == StoryStatus.USABLE));
    }

    @Override
    public synchronized int releaseDueEmbargoes(Instant now) {
        int released = 0;
        try (Stream<Path> waiting = Files.list(embargoDir)) {
            for (Path pending : (Iterable<Path>) waiting::iterator) {
                String name = pending.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith(".")) {
                    continue;
                }
                String key = name.substring(0, name.length() - ".json".length());
                StoryIndexEntry entry = readIndex(key);
                if (entry == null || !entry.awaitingRelease()) {
                    // left behind by a crash between data and index; the replay decides again
                    continue;
                }
                if (entry.embargoed() != null && entry.embargoed().isAfter(now)) {
                    continue;
                }
                AtomicFiles.move(pending, settings.dir().resolve(entry.relativePath()));
                writeIndex(key, entry.with(entry.version(), entry.status(), entry.embargoed(), false));
                released++;
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("file store could not release embargoed stories: " + e, e);
        }
        return released;
    }

    @Override
    public synchronized Map<TopicPartition, Long> storedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(offsetsFile, StandardCharsets.ISO_8859_1)));
            for (String name : p.stringPropertyNames()) {
                int dash = name.lastIndexOf('-');
                offsets.put(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))),
                        Long.parseLong(p.getProperty(name)));
            }
        } catch (NoSuchFileException fresh) {
            return offsets;
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("file store cannot read " + offsetsFile + ": " + e, e);
        }
        return offsets;
    }

    private void writeOffsets(Map<TopicPartition, Long> next) throws IOException {
        Map<TopicPartition, Long> merged = storedOffsets();
        next.forEach((tp, offset) -> merged.merge(tp, offset, Math::max));
        Properties p = new Properties();
        merged.forEach((tp, offset) -> p.setProperty(tp.topic() + "-" + tp.partition(), Long.toString(offset)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "next offset to read per topic-partition; written after the batch's files");
        AtomicFiles.write(offsetsFile, out.toByteArray(), settings.fsync());
    }

    @Override
    public Optional<StoredArticle> get(String uri, Instant now) {
        try {
            StoryIndexEntry entry = readIndex(storyKey(uri));
            if (entry == null || entry.status() == StoryStatus.WITHHELD) {
                return Optional.empty();
            }
            if (entry.embargoed() != null && entry.embargoed().isAfter(now)) {
                return Optional.empty();
            }
            Path file = entry.awaitingRelease() ? embargoDir.resolve(storyKey(uri) + ".json")
                    : settings.dir().resolve(entry.relativePath());
            String document = entry.status() == StoryStatus.DELETED ? null : readIfExists(file);
            return Optional.of(new StoredArticle(entry.uri(), entry.version(), entry.status(), null,
                    entry.embargoed(), document, 0));
        } catch (IOException e) {
            throw new StoreUnavailableException("file store cannot read " + uri + ": " + e, e);
        }
    }

    /** The public file of a story (whether or not it exists yet). */
    public Path fileOf(String uri) {
        try {
            StoryIndexEntry entry = readIndex(storyKey(uri));
            return entry == null ? null : settings.dir().resolve(entry.relativePath());
        } catch (IOException e) {
            throw new StoreUnavailableException("file store cannot read the index: " + e, e);
        }
    }

    @Override
    public boolean supportsQueries() {
        return false;
    }

    @Override
    public ChangePage changesSince(long cursor, int limit, Instant now) {
        throw new UnsupportedOperationException("the file store serves files; use a SQL store for the change feed");
    }

    @Override
    public List<SearchHit> search(String query, int limit, Instant now) {
        throw new UnsupportedOperationException("the file store serves files; use a SQL store for search");
    }

    @Override
    public StoreHealth health() {
        if (Files.isDirectory(settings.dir()) && Files.isWritable(settings.dir()) && Files.isWritable(settings.stateDir())) {
            return StoreHealth.up(name());
        }
        return StoreHealth.down(name(), settings.dir() + " or " + settings.stateDir() + " is not a writable directory");
    }

    private StoryIndexEntry readIndex(String key) throws IOException {
        try {
            return StoryIndexEntry.parse(Files.readAllBytes(indexFile(key)));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void writeIndex(String key, StoryIndexEntry entry) throws IOException {
        AtomicFiles.write(indexFile(key), entry.toBytes(), settings.fsync());
    }

    private Path indexFile(String key) {
        return indexDir.resolve(key.substring(0, 2)).resolve(key + ".properties");
    }

    private static String readIfExists(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String relativePathFor(Article article, String key) {
        Instant day = article.getFirstcreated() != null ? article.getFirstcreated() : article.getVersioncreated();
        return DATE_FOLDERS.format(day) + "/" + slug(article.getUri()) + "-" + key.substring(0, 12) + ".json";
    }

    /** Readable part of a file name; the hash after it keeps names unique. */
    static String slug(String uri) {
        String slug = uri.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(slug.length() - 60).replaceAll("^-+", "");
        }
        return slug.isEmpty() ? "story" : slug;
    }

    static String storyKey(String uri) {
        return Sha256.hexPrefix(uri, 16);
    }
}

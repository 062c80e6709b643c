package io.wirestream.publish.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.testing.NinjsSchemas;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.wirestream.publish.testing.TestArticles.embargoed;
import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NinjsFileStoreTest {

    static final String TOPIC = "wire.articles";
    final ObjectMapper json = new ObjectMapper();
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    @TempDir
    Path root;
    long offset;

    NinjsFileStore store(KillMode mode) {
        NinjsFileStore store = new NinjsFileStore(new NinjsFileStore.Settings(root.resolve("public"), null, mode, NinjsProfile.OFFICIAL));
        store.open();
        return store;
    }

    ApplyResult apply(ArticleStore store, Article... articles) {
        List<IncomingRecord> batch = new ArrayList<>();
        for (Article a : articles) {
            batch.add(IncomingRecord.article(a, TOPIC, 0, offset++));
        }
        return store.apply(batch, now);
    }

    JsonNode read(Path file) throws IOException {
        return json.readTree(Files.readString(file));
    }

    List<Path> publicFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("public"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void writesOneFilePerStoryInADateFolderAndNewerVersionsReplaceIt() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:ferry", 1));
        Path file = store.fileOf("testwire:ferry");
        apply(store, usable("testwire:ferry", 2));

        assertThat(root.resolve("public").relativize(file).toString()).matches("2026/03/02/testwire-ferry-[0-9a-f]{12}\\.json");
        assertThat(store.fileOf("testwire:ferry")).isEqualTo(file);
        assertThat(publicFiles()).containsExactly(file);
        assertThat(read(file).get("version").asText()).isEqualTo("2");
    }

    @Test
    void olderVersionAndReplayLeaveTheFileAlone() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:ferry", 4));
        String written = Files.readString(store.fileOf("testwire:ferry"));

        ApplyResult result = apply(store, usable("testwire:ferry", 3), usable("testwire:ferry", 4));

        assertThat(result.ignored()).isEqualTo(2);
        assertThat(Files.readString(store.fileOf("testwire:ferry"))).isEqualTo(written);
        assertThat(store.get("testwire:ferry", now).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void killReplacesTheFileWithAWithdrawnMarkerThatALateVersionCannotUndo() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:fire", 1));
        apply(store, kill("testwire:fire", 2));
        apply(store, usable("testwire:fire", 1));

        JsonNode marker = read(store.fileOf("testwire:fire"));
        assertThat(marker.get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(marker.get("version").asText()).isEqualTo("2");
        assertThat(marker.has("bodies")).isFalse();
        assertThat(store.get("testwire:fire", now).orElseThrow().status()).isEqualTo(StoryStatus.WITHDRAWN);
    }

    /**
     * Issue 15, the file store's row of the editorial-state matrix: which states leave a public file, and what it
     * says. Usable, past embargo and corrected: the document (the corrected one at its latest version); killed: the
     * withdrawn marker; future embargo and withheld: no public file at all.
     */
    @Test
    void eachEditorialStateLeavesOnlyWhatReadersMaySee() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:m:usable", 1),
                embargoed("testwire:m:future", 1, now.plus(Duration.ofHours(2))),
                embargoed("testwire:m:past", 1, now.minus(Duration.ofHours(2))),
                Article.newBuilder(usable("testwire:m:withheld", 1)).setPubstatus(io.wirestream.avro.PubStatus.withheld).build(),
                usable("testwire:m:killed", 1), kill("testwire:m:killed", 2),
                usable("testwire:m:corrected", 1), usable("testwire:m:corrected", 2));

        java.util.Map<String, JsonNode> published = new java.util.HashMap<>();
        for (Path file : publicFiles()) {
            JsonNode doc = read(file);
            published.put(doc.get("uri").asText(), doc);
        }
        assertThat(published).containsOnlyKeys("testwire:m:usable", "testwire:m:past", "testwire:m:killed", "testwire:m:corrected");
        assertThat(published.get("testwire:m:killed").get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(published.get("testwire:m:corrected").get("version").asText()).isEqualTo("2");
        assertThat(published.get("testwire:m:usable").get("pubstatus").asText()).isEqualTo("usable");
    }

    /** Issue 15: a kill is permanent; a higher version after it writes no file in either kill mode. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(KillMode.class)
    void aKillIsPermanentEvenAgainstAHigherVersion(KillMode mode) throws Exception {
        NinjsFileStore store = store(mode);
        apply(store, usable("testwire:recalled", 1));
        apply(store, kill("testwire:recalled", 2));
        ApplyResult late = apply(store, usable("testwire:recalled", 3));

        assertThat(late.written()).isZero();
        assertThat(store.get("testwire:recalled", now).orElseThrow().status().isKilled()).isTrue();
        for (Path file : publicFiles()) {
            assertThat(read(file).get("pubstatus").asText()).isEqualTo("canceled");
        }
    }

    @Test
    void killInDeleteModeRemovesTheFile() throws Exception {
        NinjsFileStore store = store(KillMode.DELETE);
        apply(store, usable("testwire:libel", 1));
        Path file = store.fileOf("testwire:libel");
        apply(store, kill("testwire:libel", 2), usable("testwire:libel", 1));

        assertThat(file).doesNotExist();
        assertThat(publicFiles()).isEmpty();
        assertThat(store.get("testwire:libel", now).orElseThrow().status()).isEqualTo(StoryStatus.DELETED);
    }

    @Test
    void embargoedStoryWaitsOutsideThePublicFolderUntilReleased() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        Instant embargo = now.plus(Duration.ofMinutes(30));
        ApplyResult result = apply(store, embargoed("testwire:results", 1, embargo));

        assertThat(result.held()).isEqualTo(1);
        assertThat(publicFiles()).isEmpty();
        assertThat(store.get("testwire:results", now)).isEmpty();
        assertThat(store.releaseDueEmbargoes(embargo.minusMillis(1))).isZero();
        assertThat(publicFiles()).isEmpty();

        assertThat(store.releaseDueEmbargoes(embargo)).isEqualTo(1);

        assertThat(publicFiles()).containsExactly(store.fileOf("testwire:results"));
        assertThat(read(store.fileOf("testwire:results")).get("embargoed").asText()).isEqualTo(embargo.toString());
        assertThat(store.releaseDueEmbargoes(embargo.plusSeconds(1))).isZero();
    }

    @Test
    void embargoSurvivesReopeningTheStore() {
        Instant embargo = now.plus(Duration.ofMinutes(5));
        apply(store(KillMode.WITHDRAW), embargoed("testwire:later", 1, embargo));
        NinjsFileStore reopened = store(KillMode.WITHDRAW);
        assertThat(reopened.releaseDueEmbargoes(embargo)).isEqualTo(1);
        assertThat(reopened.get("testwire:later", embargo)).isPresent();
    }

    @Test
    void offsetsFileResumesWhereTheLastBatchEnded() {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        store.apply(List.of(IncomingRecord.article(usable("testwire:a", 1), TOPIC, 0, 5),
                IncomingRecord.article(usable("testwire:b", 1), TOPIC, 3, 17)), now);
        store.apply(List.of(IncomingRecord.unreadable(null, TOPIC, 3, 18)), now);

        assertThat(store(KillMode.WITHDRAW).storedOffsets()).containsOnly(
                org.assertj.core.api.Assertions.entry(new TopicPartition(TOPIC, 0), 6L),
                org.assertj.core.api.Assertions.entry(new TopicPartition(TOPIC, 3), 19L));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        for (int v = 1; v <= 5; v++) {
            apply(store, usable("testwire:busy", v), usable("testwire:other", v));
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void openingRemovesTemporaryFilesAKilledProcessLeftBehind() throws Exception {
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:ferry", 1));
        Path file = store.fileOf("testwire:ferry");
        Path leftover = file.resolveSibling("." + file.getFileName() + ".0b5c2d.tmp");
        Files.writeString(leftover, "{\"uri\":");

        store(KillMode.WITHDRAW);

        assertThat(leftover).doesNotExist();
        assertThat(publicFiles()).containsExactly(file);
    }

    @Test
    void refusesAStateDirectoryInsideThePublicOne() {
        assertThatThrownBy(() -> new NinjsFileStore.Settings(root.resolve("public"), root.resolve("public/.state"),
                KillMode.WITHDRAW, NinjsProfile.OFFICIAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFileWrittenValidatesAgainstTheOfficialNinjsSchemas() throws Exception {
        NinjsSchemas schemas = NinjsSchemas.loadOrSkip();
        NinjsFileStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:one", 1), usable("urn:newsml:testwire.example:2026:two", 3),
                usable("not a uri at all", 1), usable("testwire:killed", 1));
        apply(store, kill("testwire:killed", 2));
        store.apply(List.of(IncomingRecord.tombstone("testwire:one", TOPIC, 0, offset++)), now);

        List<Path> files = publicFiles();
        assertThat(files).hasSize(4);
        for (Path file : files) {
            String document = Files.readString(file);
            for (String version : NinjsSchemas.OFFICIAL_2X) {
                assertThat(schemas.officialViolations(version, document)).as("%s vs ninjs %s", file, version).isEmpty();
            }
        }
    }
}

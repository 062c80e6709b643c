package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.ingest.publish.IntakeFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderWatcherTest {

    static final String STORY = "<nitf><head><title>Storm</title></head><body><p>A storm hit the coast.</p></body></nitf>";

    @TempDir
    Path folder;

    DropFolderWatcher watcher(IntakeFixture f) throws Exception {
        return new DropFolderWatcher(new PullSources.DropFolderSource("alpha", folder), f.intake);
    }

    static String payload(RawItem item) {
        return StandardCharsets.UTF_8.decode(item.getPayload().duplicate()).toString();
    }

    @Test
    void aFileStillBeingWrittenIsNotReadEarly() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(f);
        Path file = folder.resolve("storm.xml");
        Files.writeString(file, STORY.substring(0, 20));

        w.scan();
        Files.writeString(file, STORY.substring(20, 50), StandardOpenOption.APPEND);
        assertThat(w.scan().waiting()).as("it grew since the last scan").isEqualTo(1);
        Files.writeString(file, STORY.substring(50), StandardOpenOption.APPEND);
        assertThat(w.scan().done()).isZero();
        assertThat(f.sent()).isEmpty();

        DropFolderWatcher.ScanResult stable = w.scan();
        assertThat(stable.done()).isEqualTo(1);
        assertThat(f.sent()).singleElement().satisfies(item -> {
            assertThat(payload(item)).isEqualTo(STORY);
            assertThat(item.getAgency()).isEqualTo("alpha");
            assertThat(item.getChannel()).isEqualTo(IngestChannel.DROP_FOLDER);
            assertThat(item.getTransport()).containsEntry("fileName", "storm.xml");
        });
        assertThat(folder.resolve("storm.xml")).doesNotExist();
        assertThat(folder.resolve("done/storm.xml")).hasContent(STORY);
    }

    @Test
    void partFilesWaitUntilRenamed() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(f);
        Path part = folder.resolve("storm.xml.part");
        Files.writeString(part, STORY);
        w.scan();
        w.scan();
        assertThat(f.sent()).isEmpty();
        assertThat(part).exists();

        Files.move(part, folder.resolve("storm.xml"));
        w.scan();
        w.scan();
        assertThat(f.sent()).hasSize(1);
    }

    @Test
    void aBadFileGoesToFailedWithItsReasonAndIsNeverDeleted() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(f);
        Files.writeString(folder.resolve("invoice.xml"), "<invoice><total>12</total></invoice>");
        w.scan();
        assertThat(w.scan().failed()).isEqualTo(1);

        assertThat(folder.resolve("failed/invoice.xml")).hasContent("<invoice><total>12</total></invoice>");
        assertThat(Files.readString(folder.resolve("failed/invoice.xml.reason.txt"))).contains("422").contains("<invoice>");
        assertThat(f.sent()).isEmpty();
    }

    @Test
    void aSecondFileOfTheSameNameDoesNotOverwriteTheFirstInDone() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(f);
        for (String version : new String[] {"one", "two"}) {
            Files.writeString(folder.resolve("storm.xml"), STORY.replace("Storm", "Storm " + version));
            w.scan();
            w.scan();
        }
        try (var done = Files.list(folder.resolve("done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).hasSize(2).allMatch(n -> n.startsWith("storm.xml"));
        }
    }

    @Test
    void whileKafkaIsDownFilesStayWhereTheyAre() throws Exception {
        Files.writeString(folder.resolve("storm.xml"), STORY);
        DropFolderWatcher down = watcher(IntakeFixture.kafkaDown());
        down.scan();
        DropFolderWatcher.ScanResult result = down.scan();
        assertThat(result.done() + result.failed()).isZero();
        assertThat(folder.resolve("storm.xml")).exists();

        IntakeFixture up = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(up);
        w.scan();
        w.scan();
        assertThat(up.sent()).hasSize(1);
        assertThat(folder.resolve("done/storm.xml")).exists();
    }

    @Test
    void aSymbolicLinkIsNotFollowed(@TempDir Path elsewhere) throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        DropFolderWatcher w = watcher(f);
        // a file outside the folder that would pass every check if it were read: the link must not make it an item
        Path outside = Files.writeString(elsewhere.resolve("private.xml"), STORY);
        Files.createSymbolicLink(folder.resolve("linked.xml"), outside);
        Files.createSymbolicLink(folder.resolve("passwd.txt"), Path.of("/etc/passwd"));

        w.scan();
        DropFolderWatcher.ScanResult second = w.scan();

        assertThat(f.sent()).isEmpty();
        assertThat(second.done()).isZero();
        assertThat(folder.resolve("failed/linked.xml.reason.txt")).content().contains("symbolic link");
        assertThat(folder.resolve("failed/passwd.txt.reason.txt")).content().contains("symbolic link");
        assertThat(outside).hasContent(STORY);
    }
}

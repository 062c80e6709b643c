package io.wirestream.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSubscribersTest {

    private static String file(String... ids) {
        StringBuilder b = new StringBuilder("subscribers:\n");
        for (String id : ids) {
            b.append("  - {id: ").append(id).append(", products: [{name: all, agencies: ['*']}], channels: {topic: true}}\n");
        }
        return b.toString();
    }

    @Test
    void aChangedFileIsAppliedAndABadOneKeepsThePreviousInForceAndSaysWhy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("subscribers.yaml");
        Files.writeString(f, file("one"));
        List<List<String>> applied = new ArrayList<>();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LiveSubscribers live = new LiveSubscribers(f, Map.of(), c -> applied.add(c.byId().keySet().stream().toList()), Clock.systemUTC())
                .bindTo(metrics);
        assertThat(live.get().byId().keySet()).containsExactly("one");

        Files.writeString(f, file("one", "two"));
        live.check();
        live.check(); // a change is judged once two checks read the same
        assertThat(live.get().byId().keySet()).containsExactly("one", "two");
        assertThat(live.problem()).isNull();

        Files.writeString(f, file("one", "two") + "  - {id: three, products: [], channels: {topic: true}}\n");
        live.check();
        live.check();
        live.check(); // reported once, counted once
        assertThat(live.get().byId().keySet()).as("the previous file stays in force").containsExactly("one", "two");
        assertThat(live.problem()).contains("is invalid, the previous version").contains("subscribers[2] (three).products");
        assertThat(metrics.get("wirestream.subscribers.config.rejected").counter().count()).isEqualTo(1.0);
        assertThat(metrics.get("wirestream.subscribers.config.valid").gauge().value()).isZero();

        Files.delete(f);
        live.check();
        assertThat(live.problem()).contains("is missing");
        assertThat(live.get().byId().keySet()).containsExactly("one", "two");

        Files.writeString(f, file("two"));
        live.check();
        live.check();
        assertThat(live.get().byId().keySet()).containsExactly("two");
        assertThat(live.problem()).isNull();
        assertThat(metrics.get("wirestream.subscribers.config.valid").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("wirestream.subscribers.config.applied").counter().count()).isEqualTo(3.0);
        assertThat(applied).containsExactly(List.of("one"), List.of("one", "two"), List.of("two"));
    }

    @Test
    void aFileWhoseTopicsCannotBeMadeIsNotAppliedAndIsTriedAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, file("one"));
        boolean[] brokerDown = {false};
        LiveSubscribers live = new LiveSubscribers(f, Map.of(), c -> {
            if (brokerDown[0]) {
                throw new IllegalStateException("could not provision topics: broker away");
            }
        }, Clock.systemUTC());
        brokerDown[0] = true;
        Files.writeString(f, file("one", "two"));
        live.check();
        live.check();
        assertThat(live.get().byId().keySet()).containsExactly("one");
        assertThat(live.problem()).contains("could not be made").contains("broker away");
        brokerDown[0] = false;
        live.check();
        assertThat(live.get().byId().keySet()).containsExactly("one", "two");
        assertThat(live.problem()).isNull();
    }

    /**
     * A check that reads the file in the middle of a save (an editor or script that truncates it, then writes it):
     * an empty file made readiness fail until the next check (FanOutIT caught it), and a file cut after its first
     * subscriber is valid and would have dropped the others.
     */
    @Test
    void aFileReadInTheMiddleOfASaveIsNeitherRefusedNorApplied(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, file("one", "two"));
        LiveSubscribers live = new LiveSubscribers(f, Map.of(), c -> { }, Clock.systemUTC());

        Files.writeString(f, "");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        live.check();
        assertThat(live.problem()).as("an empty file, read once").isNull();
        Files.writeString(f, "");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(6)));
        live.check();
        assertThat(live.problem()).as("an empty file again, in the next save").isNull();

        Files.writeString(f, file("one"));
        live.check();
        assertThat(live.get().byId().keySet()).as("a cut file, read once").containsExactly("one", "two");

        Files.writeString(f, file("one", "two", "three"));
        live.check();
        live.check();
        assertThat(live.get().byId().keySet()).as("the whole file, read twice").containsExactly("one", "two", "three");
        assertThat(live.problem()).isNull();
    }

    @Test
    void anInvalidFileAtStartIsAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "subscribers: {}\n");
        assertThatThrownBy(() -> new LiveSubscribers(f, Map.of(), c -> { }, Clock.systemUTC()))
                .isInstanceOf(InvalidSubscribersException.class).hasMessageContaining("subscribers: must be a list");
    }

    @Test
    void aFileChangedBackToTheVersionInForceClearsTheProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, file("one"));
        LiveSubscribers live = new LiveSubscribers(f, Map.of(), c -> { }, Clock.systemUTC());
        Files.writeString(f, "subscribers: [");
        live.check();
        live.check();
        assertThat(live.problem()).contains("not valid YAML");
        Files.writeString(f, file("one"));
        live.check();
        assertThat(live.problem()).isNull();
    }
}

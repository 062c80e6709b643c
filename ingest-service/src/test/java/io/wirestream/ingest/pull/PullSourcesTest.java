package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullSourcesTest {

    @Test
    void readsFeedsAndFoldersPerAgency() {
        PullSources s = PullSources.parse(List.of(
                "# pull sources",
                "feed alpha https://alpha.example/rss.xml every=30s",
                "feed beta  http://beta.example/atom   # default interval",
                "folder alpha drops/alpha",
                "folder beta /srv/ftp/beta"), Duration.ofMinutes(5), Path.of("/etc/wire"));
        assertThat(s.feeds()).containsExactly(
                new PullSources.FeedSource("alpha", URI.create("https://alpha.example/rss.xml"), Duration.ofSeconds(30)),
                new PullSources.FeedSource("beta", URI.create("http://beta.example/atom"), Duration.ofMinutes(5)));
        assertThat(s.folders()).containsExactly(
                new PullSources.DropFolderSource("alpha", Path.of("/etc/wire/drops/alpha")),
                new PullSources.DropFolderSource("beta", Path.of("/srv/ftp/beta")));
    }

    @Test
    void namesTheLineOfAMistake() {
        assertThatThrownBy(() -> PullSources.parse(List.of("", "feed alpha ftp://x/"), Duration.ofMinutes(5), null))
                .hasMessageContaining("line 2").hasMessageContaining("http");
        assertThatThrownBy(() -> PullSources.parse(List.of("pipe alpha x"), Duration.ofMinutes(5), null))
                .hasMessageContaining("unknown source kind");
        assertThatThrownBy(() -> PullSources.parse(List.of("feed alpha http://x/ often"), Duration.ofMinutes(5), null))
                .hasMessageContaining("unknown option");
    }
}

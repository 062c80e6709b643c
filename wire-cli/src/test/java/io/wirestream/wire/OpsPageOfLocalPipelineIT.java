package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.runtime.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator's view of a running local pipeline, in a real headless Chromium: after the demo, the ops page shows
 * the pipeline's stages with figures and the latest published stories. Saves a screenshot as a build artifact.
 */
class OpsPageOfLocalPipelineIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void theOpsPageOfARunningPipelineShowsStagesAndTheLatestStories() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (.ci/run installs them); browser test skipped");
        Path dataDir = Files.createTempDirectory("wire-ops-");
        try (LocalPipeline pipeline = new LocalPipeline(dataDir, PipelineJourneys.freePorts())
                .start(Settings.ofValues(Map.of()), false, Map.of("ops.lag.interval", "1s"))) {
            new DemoRunner(pipeline).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            WebDriver browser = chromium(Files.createTempDirectory("chromium-profile-"));
            try {
                browser.get(pipeline.opsUrl() + "/");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                    List<WebElement> stories = browser.findElements(By.cssSelector("#stories .story"));
                    assertThat(stories).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(browser.findElement(By.id("stories")).getText())
                            .contains("Lisbon restores historic tram line after two-year closure");
                    assertThat(browser.findElements(By.cssSelector(".stage"))).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(browser.findElement(By.id("lag-table")).getText()).contains("wirestream-enrich");
                    // freshness per store comes from publish-service's writes, shared with the page in local mode
                    assertThat(browser.findElement(By.id("freshness")).getText()).contains("sqlite");
                });
                Path screenshot = Path.of("target", "ops-page-local.png");
                Files.createDirectories(screenshot.getParent());
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                        StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(screenshot)).isPositive();
            } finally {
                browser.quit();
            }
        }
    }

    static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}

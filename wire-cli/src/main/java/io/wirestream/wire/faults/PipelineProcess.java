package io.wirestream.wire.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code wire up} as a child JVM, so the harness can SIGKILL the whole pipeline and start it again on the same data.
 * It runs against the broker and registry the harness owns ({@code --bootstrap-server}, {@code --registry-url}).
 */
final class PipelineProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final String ingestReady;
    private final String enrichReady;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    PipelineProcess(Path dataDir, int portBase, String bootstrap, String registryUrl, Path config, String stores) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command = new ArrayList<>(List.of(java, "-Xmx768m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro",
                "-cp", System.getProperty("java.class.path"), "io.wirestream.wire.WireCommand", "up",
                "--data-dir", dataDir.toString(), "--port-base", Integer.toString(portBase),
                "--bootstrap-server", bootstrap, "--registry-url", registryUrl, "--stores", stores));
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-pipeline.log");
        this.ingestReady = "http://127.0.0.1:" + portBase + "/health/ready";
        this.enrichReady = "http://127.0.0.1:" + (portBase + 2) + "/health/ready";
    }

    Path log() {
        return log;
    }

    /** Starts the child and waits until ingest and enrich answer ready. */
    void start(Duration timeout) throws IOException, InterruptedException {
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(ready(ingestReady) && ready(enrichReady))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the pipeline exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline was not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(500); // a child process offers nothing to wait on but its HTTP answers
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private boolean ready(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: the pipeline's own shutdown hook stops it cleanly
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

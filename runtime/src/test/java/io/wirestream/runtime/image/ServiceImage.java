package io.wirestream.runtime.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What a service image would hold, worked out without Docker from the Dockerfile and the build output: every file each
 * COPY puts in the stage (and in the stages it is built FROM), where it comes from, and what is wrong with it.
 *
 * <p>A service image must hold one service: the jar its ENTRYPOINT runs with {@code java -jar}, built by one module,
 * and that jar's class path (its manifest's Class-Path), all from the same module's build folder. Never the broker or
 * what only the broker needs (Scala), the wire CLI, the evaluation code, test jars or another service. Each service
 * module's {@code ServiceImageIT} runs this after {@code package}; {@code scripts/image-contents.sh} prints it.
 */
public final class ServiceImage {

    /** Artifacts that no service image may carry: the broker and its parts, the CLI, evaluation and test code. */
    static final Set<String> FORBIDDEN = Set.of(
            "kafka_2.13", "kafka-server", "kafka-server-common", "kafka-metadata", "kafka-raft", "kafka-storage",
            "kafka-storage-api", "kafka-group-coordinator", "kafka-group-coordinator-api", "kafka-coordinator-common",
            "kafka-transaction-coordinator", "kafka-share-coordinator", "kafka-streams-test-utils",
            "local-kafka", "wire", "quality", "test-support", "assertj-core", "testcontainers", "awaitility", "jqwik");
    /** Families of artifacts no service image may carry (Scala comes with the broker; JUnit and Selenium are tests'). */
    static final List<String> FORBIDDEN_PREFIXES = List.of("scala-", "junit-", "selenium-", "archunit");
    /** The service jars: an image carries its own and none of the others. */
    public static final Set<String> SERVICES = Set.of("ingest-service", "enrich-service", "publish-service", "ops");

    private static final String SLF4J_PROVIDER = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    /**
     * What one stage holds and what is wrong with it.
     *
     * @param contents  path in the image to the file on this machine that lands there
     * @param appJar    the jar the ENTRYPOINT runs, as a path in the image
     * @param mainClass the Main-Class of that jar's manifest
     * @param moduleDir the module whose build folder the jar comes from
     */
    public record Report(String stage, SortedMap<String, Path> contents, Optional<String> appJar,
                         Optional<String> mainClass, Optional<Path> moduleDir, List<String> problems) {

        /** The artifact id of the jar the image runs, from its file name. */
        public Optional<String> appArtifact() {
            return appJar.map(p -> artifactOf(p.substring(p.lastIndexOf('/') + 1)));
        }

        /** The artifact ids of every jar in the image. */
        public List<String> artifacts() {
            return contents.keySet().stream().filter(p -> p.endsWith(".jar"))
                    .map(p -> artifactOf(p.substring(p.lastIndexOf('/') + 1))).sorted().toList();
        }

        public long bytes() {
            return contents.values().stream().mapToLong(ServiceImage::size).sum();
        }
    }

    private ServiceImage() {}

    /**
     * For a service module's integration test, run with the module as working directory after {@code package}: the
     * report of {@code stage} in the project's Dockerfile, against the build folder this build used
     * ({@code wire.build.directory}, else {@code target}).
     */
    public static Report ofThisBuild(String stage) {
        Path root = projectRoot(Path.of("").toAbsolutePath());
        String buildDir = Path.of(System.getProperty("wire.build.directory", "target")).getFileName().toString();
        return inspect(root, buildDir, stage);
    }

    /** The report of one stage of {@code root/Dockerfile}, with {@code target} in its paths read as {@code buildDir}. */
    public static Report inspect(Path root, String buildDir, String stage) {
        return inspect(Dockerfile.read(root.resolve("Dockerfile")), root, buildDir, stage);
    }

    public static Report inspect(Dockerfile dockerfile, Path projectRoot, String buildDir, String stage) {
        Path root = projectRoot.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        SortedMap<String, Path> contents = new TreeMap<>();
        if (dockerfile.stage(stage).isEmpty()) {
            problems.add("the Dockerfile has no stage '" + stage + "'");
            return new Report(stage, contents, Optional.empty(), Optional.empty(), Optional.empty(), problems);
        }
        List<Dockerfile.Stage> chain = new ArrayList<>(dockerfile.chain(stage));
        Collections.reverse(chain);
        for (Dockerfile.Stage s : chain) {
            for (Dockerfile.Copy copy : s.copies()) {
                copy(dockerfile, s, copy, root, buildDir, contents, problems);
            }
        }

        Optional<String> appJar = Optional.empty();
        List<String> entrypoint = dockerfile.entrypoint(stage).orElse(List.of());
        int jarFlag = entrypoint.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= entrypoint.size() || !entrypoint.get(0).endsWith("java")) {
            problems.add("the ENTRYPOINT does not run the service's jar with 'java -jar': " + entrypoint);
        } else if (!contents.containsKey(entrypoint.get(jarFlag + 1))) {
            problems.add("the ENTRYPOINT runs " + entrypoint.get(jarFlag + 1) + ", which no COPY puts in the image");
        } else {
            appJar = Optional.of(entrypoint.get(jarFlag + 1));
        }

        String own = appJar.map(p -> artifactOf(p.substring(p.lastIndexOf('/') + 1))).orElse("");
        for (String path : contents.keySet()) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (!file.endsWith(".jar")) {
                continue;
            }
            String artifact = artifactOf(file);
            if (FORBIDDEN.contains(artifact) || FORBIDDEN_PREFIXES.stream().anyMatch(artifact::startsWith)) {
                problems.add(path + " is " + artifact + ", which no service image may carry");
            } else if (SERVICES.contains(artifact) && !artifact.equals(own)) {
                problems.add(path + " is another service (" + artifact + ")");
            } else if (file.endsWith("-tests.jar")) {
                problems.add(path + " is a test jar");
            }
        }

        Optional<String> mainClass = Optional.empty();
        Optional<Path> moduleDir = Optional.empty();
        if (appJar.isPresent()) {
            Path jarSource = contents.get(appJar.get());
            Path buildFolder = jarSource.getParent();
            moduleDir = Optional.of(buildFolder.getParent());
            if (!buildFolder.getFileName().toString().equals(buildDir)) {
                problems.add(appJar.get() + " does not come from a module's build folder: " + root.relativize(jarSource));
            }
            for (var entry : contents.entrySet()) {
                if (entry.getKey().endsWith(".jar") && !entry.getValue().startsWith(buildFolder)) {
                    problems.add(entry.getKey() + " comes from " + root.relativize(entry.getValue()) + ", not from the build of "
                            + root.relativize(buildFolder.getParent()) + " (the module of " + appJar.get() + ")");
                }
            }
            mainClass = checkClassPath(appJar.get(), jarSource, contents, problems);
        }
        return new Report(stage, contents, appJar, mainClass, moduleDir, problems);
    }

    /** The artifact id in a jar's file name: what comes before the first '-' followed by a digit. */
    static String artifactOf(String fileName) {
        String name = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        String[] parts = name.split("-");
        StringBuilder artifact = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length && !(parts[i].length() > 0 && Character.isDigit(parts[i].charAt(0))); i++) {
            artifact.append('-').append(parts[i]);
        }
        return artifact.toString();
    }

    /** The service jar's Main-Class; the image must hold its Class-Path and nothing else besides. */
    private static Optional<String> checkClassPath(String appJar, Path jarSource, SortedMap<String, Path> contents,
                                                   List<String> problems) {
        Manifest manifest;
        try (JarFile jar = new JarFile(jarSource.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            problems.add(appJar + " cannot be read as a jar: " + e.getMessage());
            return Optional.empty();
        }
        String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        if (main == null) {
            problems.add(appJar + " names no Main-Class, so 'java -jar' cannot start it");
        }
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        String jarDir = appJar.substring(0, appJar.lastIndexOf('/') + 1);
        Set<String> onClassPath = new LinkedHashSet<>();
        for (String entry : classPath == null ? new String[0] : classPath.strip().split("\\s+")) {
            String path = Path.of(jarDir + entry).normalize().toString();
            onClassPath.add(path);
            if (!contents.containsKey(path)) {
                problems.add(appJar + "'s Class-Path names " + entry + ", which is not in the image");
            }
        }
        boolean logs = false;
        for (String path : contents.keySet()) {
            if (path.endsWith(".jar") && !path.equals(appJar) && !onClassPath.contains(path)) {
                problems.add(path + " is in the image but not on " + appJar + "'s Class-Path (left over from an earlier build?)");
            }
            if (onClassPath.contains(path) && holds(contents.get(path), SLF4J_PROVIDER)) {
                logs = true;
            }
        }
        if (!logs) {
            problems.add("no SLF4J provider on the class path: the service would log nothing");
        }
        return Optional.ofNullable(main);
    }

    private static void copy(Dockerfile dockerfile, Dockerfile.Stage stage, Dockerfile.Copy copy, Path root,
                             String buildDir, SortedMap<String, Path> contents, List<String> problems) {
        String where = "line " + copy.line() + " (" + stage.name() + ")";
        String contextIn = null;
        String fromWorkdir = "/";
        if (copy.from().isPresent()) {
            Optional<Dockerfile.Stage> from = dockerfile.stage(copy.from().get());
            if (from.isEmpty()) {
                problems.add(where + " copies from " + copy.from().get() + ", an image this Dockerfile does not build");
                return;
            }
            fromWorkdir = dockerfile.workdir(from.get().name());
            contextIn = contextFolder(dockerfile, from.get());
            if (contextIn == null) {
                problems.add(where + " copies from stage " + from.get().name() + ", which holds no copy of the build context");
                return;
            }
        }
        List<Path> sources = new ArrayList<>();
        for (String source : copy.sources()) {
            String relative;
            if (contextIn == null) {
                relative = source;
            } else {
                String absolute = Path.of(source.startsWith("/") ? source : fromWorkdir + "/" + source).normalize().toString();
                if (!absolute.startsWith(contextIn + "/")) {
                    problems.add(where + " copies " + source + ", which is not under " + contextIn + " (the build context)");
                    continue;
                }
                relative = absolute.substring(contextIn.length() + 1);
            }
            relative = ("/" + relative + "/").replace("/target/", "/" + buildDir + "/");
            relative = relative.substring(1, relative.length() - 1);
            Path path = root.resolve(relative.isEmpty() ? "." : relative).normalize();
            if (!path.startsWith(root)) {
                problems.add(where + " copies " + source + ", outside the project");
                continue;
            }
            List<Path> matched = glob(path);
            if (matched.isEmpty()) {
                problems.add(where + ": " + root.relativize(path) + " does not exist (build the module first: mvn package)");
            }
            sources.addAll(matched);
        }
        String workdir = dockerfile.workdir(stage.name());
        String destination = copy.destination().startsWith("/") ? copy.destination()
                : workdir.replaceAll("/$", "") + "/" + copy.destination();
        boolean intoFolder = destination.endsWith("/") || sources.size() > 1;
        String base = Path.of(destination).normalize().toString();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> contents.put(base + "/" + source.relativize(f).toString().replace('\\', '/'), f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                contents.put(intoFolder ? base + "/" + source.getFileName() : base, source);
            }
        }
    }

    /** Where a stage put the build context with {@code COPY . <folder>}, or null. */
    private static String contextFolder(Dockerfile dockerfile, Dockerfile.Stage stage) {
        String workdir = dockerfile.workdir(stage.name());
        for (Dockerfile.Copy c : stage.copies()) {
            if (c.from().isEmpty() && c.sources().equals(List.of("."))) {
                String d = c.destination();
                return Path.of(d.startsWith("/") ? d : workdir + "/" + d).normalize().toString();
            }
        }
        return null;
    }

    private static List<Path> glob(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> matched = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), name)) {
                found.forEach(matched::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Collections.sort(matched);
        return matched;
    }

    private static boolean holds(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The folder holding the Dockerfile and the parent pom, found upwards from {@code start}. */
    static Path projectRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Dockerfile beside a pom.xml above " + start);
    }

    /**
     * Prints what each image of the Dockerfile holds (every stage with an ENTRYPOINT) and what is wrong with it; exits
     * 1 when something is. Arguments: the project folder (default: found upwards from here) and the build folder name.
     */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]).toAbsolutePath().normalize() : projectRoot(Path.of("").toAbsolutePath());
        String buildDir = args.length > 1 ? args[1] : "target";
        Dockerfile dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        boolean clean = true;
        for (String stage : dockerfile.stages().keySet()) {
            if (dockerfile.stage(stage).flatMap(Dockerfile.Stage::entrypoint).isEmpty()) {
                continue;
            }
            Report report = inspect(dockerfile, root, buildDir, stage);
            System.out.printf("== image %s: %d files, %.1f MiB; runs %s (%s)%n", stage, report.contents().size(),
                    report.bytes() / 1048576.0, report.appJar().orElse("?"), report.mainClass().orElse("no Main-Class"));
            report.contents().forEach((path, source) -> System.out.printf("   %-70s %9.1f KiB  <- %s%n", path,
                    size(source) / 1024.0, root.relativize(source)));
            if (report.problems().isEmpty()) {
                System.out.println("   ok: no broker, Scala, CLI, test or other service jar; the class path is exactly what is copied");
            } else {
                clean = false;
                report.problems().forEach(p -> System.out.println("   PROBLEM: " + p));
            }
        }
        System.exit(clean ? 0 : 1);
    }
}

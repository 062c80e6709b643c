package io.wirestream.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image check on a small project made here: a Dockerfile, a service module's build folder, a CLI's. */
class ServiceImageTest {

    private static final String BUILD_STAGE = """
            FROM maven:3.9-eclipse-temurin-17 AS build
            WORKDIR /src
            COPY pom.xml ./
            RUN mvn -B dependency:go-offline
            COPY . .
            RUN mvn -B package
            """;

    private static final String GOOD = BUILD_STAGE + """
            FROM eclipse-temurin:17-jre AS runtime
            WORKDIR /data

            # the service
            FROM runtime AS svc
            COPY --from=build /src/svc/target/lib /app/lib
            COPY --from=build \\
                 /src/svc/target/svc.jar /app/svc.jar
            ENTRYPOINT ["java", "-jar", "/app/svc.jar"]
            """;

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        jar(root.resolve("svc/target/lib/jackson-core-2.23.0.jar"));
        jar(root.resolve("svc/target/lib/log4j-slf4j2-impl-2.26.1.jar"), "META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        serviceJar("svc/target/svc.jar", "example.SvcMain", "lib/jackson-core-2.23.0.jar lib/log4j-slf4j2-impl-2.26.1.jar");
        jar(root.resolve("cli/target/lib/kafka_2.13-4.4.0.jar"));
        jar(root.resolve("cli/target/lib/scala-library-2.13.16.jar"));
        jar(root.resolve("cli/target/lib/log4j-slf4j2-impl-2.26.1.jar"), "META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        jar(root.resolve("cli/target/wire.jar"));
    }

    @Test
    void aServiceImageHoldsItsJarAndWhatItsClassPathNames() throws IOException {
        ServiceImage.Report report = inspect(GOOD, "svc");

        assertThat(report.problems()).isEmpty();
        assertThat(report.contents()).containsOnlyKeys(
                "/app/svc.jar", "/app/lib/jackson-core-2.23.0.jar", "/app/lib/log4j-slf4j2-impl-2.26.1.jar");
        assertThat(report.contents().get("/app/svc.jar")).isEqualTo(root.resolve("svc/target/svc.jar"));
        assertThat(report.appArtifact()).contains("svc");
        assertThat(report.mainClass()).contains("example.SvcMain");
        assertThat(report.moduleDir()).contains(root.resolve("svc"));
    }

    @Test
    void theSharedCliImageOfBeforeIsRefused() throws IOException {
        // every image used to carry the CLI's classpath, broker and Scala included, and ran a class off it
        String before = BUILD_STAGE + """
                FROM eclipse-temurin:17-jre AS runtime
                COPY --from=build /src/cli/target/lib /app/lib
                COPY --from=build /src/cli/target/wire.jar /app/wire.jar
                FROM runtime AS svc
                ENTRYPOINT ["java", "-cp", "/app/wire.jar:/app/lib/*", "example.SvcMain"]
                """;

        ServiceImage.Report report = inspect(before, "svc");

        assertThat(report.artifacts()).contains("kafka_2.13", "scala-library", "wire");
        assertThat(String.join("\n", report.problems()))
                .contains("/app/lib/kafka_2.13-4.4.0.jar is kafka_2.13")
                .contains("/app/lib/scala-library-2.13.16.jar is scala-library")
                .contains("/app/wire.jar is wire")
                .contains("does not run the service's jar with 'java -jar'");
    }

    @Test
    void theBrokerOrScalaInTheServicesOwnLibIsRefused() throws IOException {
        jar(root.resolve("svc/target/lib/kafka-server-4.4.0.jar"));
        jar(root.resolve("svc/target/lib/scala-reflect-2.13.16.jar"));
        serviceJar("svc/target/svc.jar", "example.SvcMain", "lib/jackson-core-2.23.0.jar lib/log4j-slf4j2-impl-2.26.1.jar "
                + "lib/kafka-server-4.4.0.jar lib/scala-reflect-2.13.16.jar");

        assertThat(inspect(GOOD, "svc").problems()).containsExactlyInAnyOrder(
                "/app/lib/kafka-server-4.4.0.jar is kafka-server, which no service image may carry",
                "/app/lib/scala-reflect-2.13.16.jar is scala-reflect, which no service image may carry");
    }

    @Test
    void anotherServiceOrATestJarIsRefused() throws IOException {
        jar(root.resolve("svc/target/lib/publish-service-0.1.0-SNAPSHOT.jar"));
        jar(root.resolve("svc/target/lib/runtime-0.1.0-SNAPSHOT-tests.jar"));
        serviceJar("svc/target/svc.jar", "example.SvcMain", "lib/jackson-core-2.23.0.jar lib/log4j-slf4j2-impl-2.26.1.jar "
                + "lib/publish-service-0.1.0-SNAPSHOT.jar lib/runtime-0.1.0-SNAPSHOT-tests.jar");

        assertThat(inspect(GOOD, "svc").problems()).containsExactlyInAnyOrder(
                "/app/lib/publish-service-0.1.0-SNAPSHOT.jar is another service (publish-service)",
                "/app/lib/runtime-0.1.0-SNAPSHOT-tests.jar is a test jar");
    }

    @Test
    void jarsFromAnotherModulesBuildAreRefused() throws IOException {
        String borrowed = GOOD.replace("/src/svc/target/lib", "/src/cli/target/lib");
        serviceJar("svc/target/svc.jar", "example.SvcMain", "lib/log4j-slf4j2-impl-2.26.1.jar");

        ServiceImage.Report report = inspect(borrowed, "svc");

        assertThat(report.problems()).contains(
                "/app/lib/log4j-slf4j2-impl-2.26.1.jar comes from cli/target/lib/log4j-slf4j2-impl-2.26.1.jar, "
                        + "not from the build of svc (the module of /app/svc.jar)");
    }

    @Test
    void theClassPathAndTheCopiedJarsMustBeTheSame() throws IOException {
        jar(root.resolve("svc/target/lib/jackson-core-2.22.0.jar"));
        serviceJar("svc/target/svc.jar", "example.SvcMain", "lib/jackson-core-2.23.0.jar lib/log4j-slf4j2-impl-2.26.1.jar lib/gone-1.0.jar");

        assertThat(inspect(GOOD, "svc").problems()).containsExactlyInAnyOrder(
                "/app/svc.jar's Class-Path names lib/gone-1.0.jar, which is not in the image",
                "/app/lib/jackson-core-2.22.0.jar is in the image but not on /app/svc.jar's Class-Path (left over from an earlier build?)");
    }

    @Test
    void aServiceWithoutALoggingProviderOrMainClassIsRefused() throws IOException {
        serviceJar("svc/target/svc.jar", null, "lib/jackson-core-2.23.0.jar");
        Files.delete(root.resolve("svc/target/lib/log4j-slf4j2-impl-2.26.1.jar"));

        assertThat(inspect(GOOD, "svc").problems()).containsExactlyInAnyOrder(
                "/app/svc.jar names no Main-Class, so 'java -jar' cannot start it",
                "no SLF4J provider on the class path: the service would log nothing");
    }

    @Test
    void anUnbuiltModuleAndAMissingStageAreReported() throws IOException {
        assertThat(inspect(GOOD.replace("/src/svc/", "/src/nothing/"), "svc").problems())
                .contains("line 12 (svc): nothing/target/lib does not exist (build the module first: mvn package)");
        assertThat(inspect(GOOD, "ingest-service").problems()).containsExactly("the Dockerfile has no stage 'ingest-service'");
    }

    @Test
    void targetIsReadAsTheBuildFolderThisBuildUsed() throws IOException {
        jar(root.resolve("svc/target-x/lib/log4j-slf4j2-impl-2.26.1.jar"), "META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        Files.createDirectories(root.resolve("svc/target-x"));
        Files.copy(root.resolve("svc/target/svc.jar"), root.resolve("svc/target-x/svc.jar"));
        jar(root.resolve("svc/target-x/lib/jackson-core-2.23.0.jar"));
        Files.writeString(root.resolve("Dockerfile"), GOOD);

        ServiceImage.Report report = ServiceImage.inspect(root, "target-x", "svc");

        assertThat(report.problems()).isEmpty();
        assertThat(report.contents().get("/app/svc.jar")).isEqualTo(root.resolve("svc/target-x/svc.jar"));
    }

    @Test
    void aContextCopyAJsonCopyAndAGlobLandWhereDockerPutsThem() throws IOException {
        Files.createDirectories(root.resolve("deploy"));
        Files.writeString(root.resolve("deploy/log4j2.xml"), "<Configuration/>");
        String more = GOOD.replace("ENTRYPOINT", """
                COPY deploy/log4j2.xml /app/config/
                COPY ["deploy/log4j2.xml", "/etc/svc.xml"]
                WORKDIR /opt
                COPY --from=build /src/svc/target/li[b] extra
                ENTRYPOINT""");

        ServiceImage.Report report = inspect(more, "svc");

        assertThat(report.contents()).containsKeys("/app/config/log4j2.xml", "/etc/svc.xml", "/opt/extra/jackson-core-2.23.0.jar");
        assertThat(report.contents().get("/etc/svc.xml")).isEqualTo(root.resolve("deploy/log4j2.xml"));
    }

    @Test
    void artifactIdsAreReadFromFileNames() {
        assertThat(ServiceImage.artifactOf("kafka_2.13-4.4.0.jar")).isEqualTo("kafka_2.13");
        assertThat(ServiceImage.artifactOf("zstd-jni-1.5.7-17.jar")).isEqualTo("zstd-jni");
        assertThat(ServiceImage.artifactOf("runtime-0.1.0-SNAPSHOT-tests.jar")).isEqualTo("runtime");
        assertThat(ServiceImage.artifactOf("wire.jar")).isEqualTo("wire");
        assertThat(ServiceImage.artifactOf("kotlin-stdlib-jdk8-1.9.25.jar")).isEqualTo("kotlin-stdlib-jdk8");
    }

    @Test
    void stagesChainsAndEntrypointsAreRead() {
        Dockerfile file = Dockerfile.parse(List.of(GOOD.split("\n")));

        assertThat(file.stages()).containsOnlyKeys("build", "runtime", "svc");
        assertThat(file.chain("SVC")).extracting(Dockerfile.Stage::name).containsExactly("svc", "runtime");
        assertThat(file.workdir("svc")).isEqualTo("/data");
        assertThat(file.stage("svc").orElseThrow().copies().get(1).sources()).containsExactly("/src/svc/target/svc.jar");
        assertThat(file.entrypoint("svc")).contains(List.of("java", "-jar", "/app/svc.jar"));
        assertThat(file.stage("build").orElseThrow().runs()).containsExactly("mvn -B dependency:go-offline", "mvn -B package");
    }

    private ServiceImage.Report inspect(String dockerfile, String stage) throws IOException {
        Files.writeString(root.resolve("Dockerfile"), dockerfile);
        return ServiceImage.inspect(root, "target", stage);
    }

    private void serviceJar(String path, String mainClass, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new ZipEntry("example/SvcMain.class"));
            out.closeEntry();
        }
    }

    private static void jar(Path file, String... entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(raw)) {
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write("example.Provider\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}

package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.ingest.IngestServiceMain;
import io.wirestream.ops.OpsMain;
import io.wirestream.publish.PublishServiceMain;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.image.Dockerfile;
import io.wirestream.subscribers.SubscriberServiceMain;
import io.wirestream.subscriptions.SubscribersFile;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * deploy/kubernetes read with the Kubernetes object model (fabric8), strictly: a field the model does not know (a typo,
 * a field in the wrong place) or a value of the wrong type fails, as does a reference to a ConfigMap or Secret key that
 * no manifest defines. Then what the services need: their images, ports, probes on the real /health routes, resources,
 * and only settings each service declares (the check ComposeServiceSettingsTest does for docker-compose.yml).
 */
class KubernetesManifestsTest {

    private static final Path ROOT = ConfigurationReferenceTest.ROOT;
    private static final Path DIR = ROOT.resolve("deploy/kubernetes");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class, "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class, "v1 Secret", Secret.class);
    /** No scalar turned into another type: 8080 where a string belongs (or "8080" where a number does) is refused, as by the API server. */
    private static final JsonMapper MODEL = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** One service: its Deployment and Service name, its Dockerfile stage, compose service, settings and port. */
    record Wired(String name, String stage, String composeService, DeclaredSettings declared, String portVariable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Wired> services() {
        return Stream.of(
                new Wired("ingest-service", "ingest-service", "ingest-service", IngestServiceMain.DECLARED, "WIRE_INGEST_HTTP_PORT"),
                new Wired("enrich-stream", "enrich-stream", "enrich-stream-1", EnrichServiceMain.DECLARED, "WIRE_ENRICH_HTTP_PORT"),
                new Wired("publish-service", "publish-service", "publish-service", PublishServiceMain.DECLARED, "WIRE_PUBLISH_HTTP_PORT"),
                new Wired("subscriber-service", "subscriber-service", "subscriber-service", SubscriberServiceMain.DECLARED,
                        "WIRE_SUBSCRIBERS_HTTP_PORT"),
                new Wired("ops", "ops", "ops", OpsMain.DECLARED, "WIRE_OPS_HTTP_PORT"));
    }

    private static List<HasMetadata> applied;
    private static List<HasMetadata> all;

    @BeforeAll
    static void read() throws IOException {
        applied = new ArrayList<>();
        for (String file : kustomizationResources()) {
            applied.addAll(load(DIR.resolve(file)));
        }
        all = new ArrayList<>(applied);
        all.addAll(load(DIR.resolve("secrets.example.yaml")));
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheSecretsExample() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml")).collect(Collectors.toCollection(TreeSet::new));
        }
        files.removeAll(Set.of("kustomization.yaml", "secrets.example.yaml"));
        assertThat(new TreeSet<>(kustomizationResources())).isEqualTo(files);
        assertThat(all).extracting(r -> r.getKind() + "/" + r.getMetadata().getName()).doesNotHaveDuplicates();
    }

    @Test
    void theModelRefusesAFieldItDoesNotKnowAndAWrongType() {
        // the check below would pass for nothing if the model took any field silently
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: x, image: x, readinessProbe: {httpGet: {path: /health/ready, port: 8080}, periodSecond: 5}}
                """;
        assertThat(unknownFields(parse(typo, "typo.yaml").get(0), "x"))
                .containsExactly("x.spec.template.spec.containers[0].readinessProbe: unknown field(s) [periodSecond]");
        assertThatCode(() -> parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {PARTITIONS: 6}\n", "number.yaml"))
                .as("a ConfigMap value must be a string").isInstanceOf(AssertionError.class);
        assertThatCode(() -> parse("apiVersion: v1\nkind: Service\nmetadata: {name: x, annotations: {scrape: true}}\n", "bool.yaml"))
                .as("an annotation must be a string").isInstanceOf(AssertionError.class);
        assertThatCode(() -> parse("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: \"8080\"}]}\n", "port.yaml"))
                .as("a port must be a number").isInstanceOf(AssertionError.class);
        assertThatCode(() -> parse("apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n", "kind.yaml"))
                .as("Deployment is apps/v1").isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceRunsItsOwnImageOnTheDeclaredPort(Wired service) {
        Container container = container(service);
        Map<String, String> compose = composeService(service.composeService());
        assertThat(container.getImage()).as("the image docker-compose builds from the same Dockerfile target")
                .isEqualTo(compose.get("image"));
        assertThat(compose.get("target")).isEqualTo(service.stage());

        int exposed = exposedPort(service.stage());
        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no port named http"));
        assertThat(http.getContainerPort()).as("the port the Dockerfile exposes").isEqualTo(exposed);
        assertThat(environment(service)).containsEntry(service.portVariable(), String.valueOf(exposed));

        Service svc = find(Service.class, service.name());
        assertThat(svc.getSpec().getSelector()).isEqualTo(deployment(service).getSpec().getTemplate().getMetadata().getLabels());
        assertThat(deployment(service).getSpec().getSelector().getMatchLabels()).isEqualTo(svc.getSpec().getSelector());
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(exposed);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceIsProbedOnItsHealthRoutes(Wired service) {
        Container container = container(service);
        assertThat(httpGet(service, "liveness", container.getLivenessProbe())).isEqualTo("/health/live");
        assertThat(httpGet(service, "readiness", container.getReadinessProbe())).isEqualTo("/health/ready");
        assertThat(httpGet(service, "startup", container.getStartupProbe())).isEqualTo("/health/live");
        assertThat(container.getResources().getRequests()).as(service + " requests").containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).as(service + " limits").containsKey("memory");
    }

    @Test
    void theProbedPathsAreTheRoutesEveryServiceServes() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>();
        try (ServiceHttpServer server = new ServiceHttpServer("probe", ServiceHttpServer.newMetrics("probe"), app -> {})
                .readiness("check", problem::get).start("127.0.0.1", 0)) {
            HttpClient client = HttpClient.newHttpClient();
            assertThat(status(client, server, "/health/live")).isEqualTo(200);
            assertThat(status(client, server, "/health/ready")).isEqualTo(200);
            problem.set("not yet");
            assertThat(status(client, server, "/health/ready")).as("a readiness probe fails while a check fails").isEqualTo(503);
            assertThat(status(client, server, "/health/live")).as("but the pod is not restarted for it").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceGetsOnlySettingsItDeclares(Wired service) {
        Map<String, String> environment = environment(service);
        assertThat(environment).as(service + " is configured through WIRE_* variables").isNotEmpty();
        DeclaredSettings declared = service.declared().plus(KafkaSettings.ALL);
        assertThatCode(() -> declared.validate(Settings.of(Map.of(), environment, Map.of())))
                .as("%s with %s", service, environment.keySet())
                .doesNotThrowAnyException();
    }

    @Test
    void ingestReadsItsKeysFromTheMountedCredentialsSecret() {
        Wired ingest = services().filter(s -> s.name().equals("ingest-service")).findFirst().orElseThrow();
        String file = environment(ingest).get("WIRE_INGEST_CREDENTIALS_FILE");
        Container container = container(ingest);
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError(file + " is on no mounted volume"));
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = deployment(ingest).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret()).as("the credentials come from a Secret").isNotNull();
        Secret secret = find(Secret.class, volume.getSecret().getSecretName());
        assertThat(secretData(secret)).containsKey(file.substring(mount.getMountPath().length() + 1));
    }

    @Test
    void subscriberServiceReadsAValidSubscribersFileFromAMountedConfigMapFolderAndWebhookSecretsFromASecret(@TempDir Path dir)
            throws IOException {
        Wired subscribers = services().filter(s -> s.name().equals("subscriber-service")).findFirst().orElseThrow();
        Map<String, String> environment = environment(subscribers);
        String file = environment.get("WIRE_SUBSCRIBERS_FILE");
        VolumeMount mount = mountOf(subscribers, file);
        assertThat(mount.getSubPath()).as("a subPath mount is never updated in a running pod, so live reload would not see an edit")
                .isNullOrEmpty();
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = volume(subscribers, mount.getName());
        assertThat(volume.getConfigMap()).as("the subscribers file comes from a ConfigMap").isNotNull();
        Map<String, String> data = find(ConfigMap.class, volume.getConfigMap().getName()).getData();
        String key = file.substring(mount.getMountPath().length() + 1);
        assertThat(data).containsKey(key);
        assertThat(environment).containsKey("WIRE_SUBSCRIBERS_ADMIN_TOKEN");

        // every webhook secret the file names is a key of a mounted Secret; with those files in place, the file is valid
        String yaml = data.get(key);
        List<String> secretFiles = new ArrayList<>();
        Matcher m = Pattern.compile("\\{file: (\\S+?)}").matcher(yaml);
        while (m.find()) {
            secretFiles.add(m.group(1));
        }
        assertThat(secretFiles).as("the example shows a webhook with its secret").isNotEmpty();
        String local = yaml;
        for (String secretFile : secretFiles) {
            VolumeMount secretMount = mountOf(subscribers, secretFile);
            Volume secretVolume = volume(subscribers, secretMount.getName());
            assertThat(secretVolume.getSecret()).as(secretFile + " comes from a Secret").isNotNull();
            Map<String, String> secrets = secretData(find(Secret.class, secretVolume.getSecret().getSecretName()));
            String secretKey = secretFile.substring(secretMount.getMountPath().length() + 1);
            assertThat(secrets).as("Secret " + secretVolume.getSecret().getSecretName()).containsKey(secretKey);
            Path copy = dir.resolve(secretKey);
            Files.writeString(copy, secrets.get(secretKey));
            local = local.replace("{file: " + secretFile + "}", "{file: " + copy + "}");
        }
        Path subscribersFile = dir.resolve("subscribers.yaml");
        Files.writeString(subscribersFile, local);
        assertThat(SubscribersFile.read(subscribersFile, Map.of()).subscribers()).isNotEmpty();
    }

    @Test
    void opsAsksEachServiceForItsReadinessThroughItsService() {
        Wired ops = services().filter(s -> s.name().equals("ops")).findFirst().orElseThrow();
        String urls = environment(ops).get("WIRE_OPS_HEALTH_URLS");
        Map<String, String> byName = new LinkedHashMap<>();
        for (String entry : urls.split(",")) {
            byName.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        assertThat(byName).containsOnlyKeys("ingest-service", "enrich-stream", "publish-service", "subscriber-service");
        byName.forEach((name, url) -> {
            URI uri = URI.create(url);
            Service svc = find(Service.class, uri.getHost());
            assertThat(svc.getSpec().getPorts()).extracting(p -> p.getPort()).contains(uri.getPort());
            assertThat(uri.getPath()).isEqualTo("/health/ready");
        });
    }

    @Test
    void kustomizeRendersTheSameObjectsWithTheStackLabel() throws Exception {
        Optional<Path> kubectl = Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").map(Path::of).filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl.isPresent(), "kubectl (with kustomize) is not installed");
        Process render = new ProcessBuilder(kubectl.get().toString(), "kustomize", DIR.toString()).redirectErrorStream(false).start();
        String rendered = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(render.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as("kubectl kustomize: " + errors).isZero();

        List<HasMetadata> objects = parseStrictly(rendered, "kubectl kustomize " + DIR);
        assertThat(objects).extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(applied.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList());
        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getLabels()).as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "wirestream");
        }
    }

    // ---- reading the manifests

    private static List<HasMetadata> load(Path file) throws IOException {
        return parseStrictly(Files.readString(file), DIR.relativize(file).toString());
    }

    /** The objects in {@code yaml}; fails on a kind, field or value type the Kubernetes model does not accept. */
    private static List<HasMetadata> parseStrictly(String yaml, String source) {
        List<HasMetadata> objects = parse(yaml, source);
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : objects) {
            unknown.addAll(unknownFields(object, source + ": " + object.getKind() + "/" + object.getMetadata().getName()));
        }
        if (!unknown.isEmpty()) {
            fail("fields the Kubernetes model does not know:%n%s", String.join("\n", unknown));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> result = new ArrayList<>();
        int index = 0;
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            index++;
            if (doc == null) {
                continue;
            }
            Map<String, Object> map = (Map<String, Object>) doc;
            String kind = map.get("apiVersion") + " " + map.get("kind");
            Class<? extends HasMetadata> type = KINDS.get(kind);
            if (type == null) {
                fail("%s, document %d: %s is not a kind these manifests use (%s)", source, index, kind, KINDS.keySet());
            }
            HasMetadata object;
            try {
                object = MODEL.convertValue(map, type);
            } catch (RuntimeException e) {
                throw new AssertionError(source + ", document " + index + " (" + kind + "): " + e.getMessage(), e);
            }
            result.add(object);
        }
        return result;
    }

    /** Every place in a model object where a field was kept as an unknown extra (fabric8 keeps them, not refuses them). */
    static List<String> unknownFields(Object object, String path) {
        List<String> found = new ArrayList<>();
        walk(object, path, found);
        return found;
    }

    private static void walk(Object object, String path, List<String> found) {
        if (object == null) {
            return;
        }
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter + ": " + e.getMessage(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": unknown field(s) " + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
                }
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(value, path + "." + property, found);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> kustomizationResources() throws IOException {
        Map<String, Object> kustomization = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(DIR.resolve("kustomization.yaml")));
        return (List<String>) kustomization.get("resources");
    }

    // ---- what the manifests say about one service

    private static <T extends HasMetadata> T find(Class<T> type, String name) {
        List<T> found = all.stream().filter(type::isInstance).map(type::cast).filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
        return found.get(0);
    }

    private static Deployment deployment(Wired service) {
        return find(Deployment.class, service.name());
    }

    private static Container container(Wired service) {
        List<Container> containers = deployment(service).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(service + " containers").hasSize(1);
        return containers.get(0);
    }

    /** The container's environment as the service sees it: envFrom ConfigMaps, then env, references resolved. */
    private static Map<String, String> environment(Wired service) {
        Container container = container(service);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            assertThat(from.getConfigMapRef()).as(service + " envFrom (ConfigMaps only)").isNotNull();
            env.putAll(find(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                Map<String, String> data = secretData(find(Secret.class, ref.getName()));
                assertThat(data).as("Secret " + ref.getName() + " for " + var.getName()).containsKey(ref.getKey());
                env.put(var.getName(), data.get(ref.getKey()));
            } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                Map<String, String> data = find(ConfigMap.class, ref.getName()).getData();
                assertThat(data).as("ConfigMap " + ref.getName() + " for " + var.getName()).containsKey(ref.getKey());
                env.put(var.getName(), data.get(ref.getKey()));
            } else {
                fail("%s: %s takes its value from neither a Secret nor a ConfigMap", service, var.getName());
            }
        }
        return env;
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            data.putAll(secret.getStringData());
        }
        return data;
    }

    /** The volume mount of the service's container that holds {@code path}. */
    private static VolumeMount mountOf(Wired service, String path) {
        return container(service).getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError(path + " is on no mounted volume of " + service));
    }

    private static Volume volume(Wired service, String name) {
        return deployment(service).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String httpGet(Wired service, String kind, Probe probe) {
        assertThat(probe).as(service + " " + kind + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(service + " " + kind + " probe is an HTTP GET").isNotNull();
        String port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort().getIntVal());
        assertThat(container(service).getPorts()).as(service + " " + kind + " probe port " + port)
                .anyMatch(p -> port.equals(p.getName()) || port.equals(String.valueOf(p.getContainerPort())));
        return get.getPath();
    }

    private static int exposedPort(String stage) {
        Dockerfile dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
        List<String> exposed = dockerfile.chain(stage).stream().flatMap(s -> s.instructions().stream())
                .filter(i -> i.keyword().equals("EXPOSE")).map(Dockerfile.Instruction::arguments).toList();
        assertThat(exposed).as("EXPOSE of Dockerfile stage " + stage).hasSize(1);
        return Integer.parseInt(exposed.get(0).replace("/tcp", ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeService(String name) {
        Map<String, Object> compose;
        try {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        assertThat(service).as("compose service " + name).isNotNull();
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        return Map.of("image", String.valueOf(service.get("image")), "target", String.valueOf(build.get("target")));
    }

    private static int status(HttpClient client, ServiceHttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

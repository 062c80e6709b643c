package io.wirestream.localkafka.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.Article;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.contracts.registry.RestSchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded registry on a real broker: Confluent's API answers, its 409 refusal, and ids kept across restarts. */
class EmbeddedSchemaRegistryIT {

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    static Schema record(String name, String fieldsJson) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"test\",\"fields\":[" + fieldsJson + "]}");
    }

    static final Schema V1 = record("Story", "{\"name\":\"headline\",\"type\":\"string\"}");
    static final Schema V2_COMPATIBLE = record("Story", "{\"name\":\"headline\",\"type\":\"string\"},"
            + "{\"name\":\"byline\",\"type\":[\"null\",\"string\"],\"default\":null}");
    static final Schema V3_INCOMPATIBLE = record("Story", "{\"name\":\"headline\",\"type\":\"string\"},"
            + "{\"name\":\"urgency\",\"type\":\"int\"}"); // new field without default: old data cannot be read

    Map<String, Object> clientProps() {
        return Map.of("bootstrap.servers", kafka.bootstrapServers());
    }

    @Test
    void refusesAnIncompatibleSchemaWith409AndAcceptsACompatibleOne() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(clientProps(), "127.0.0.1", 0, CompatibilityLevel.BACKWARD_TRANSITIVE);
                RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
            int first = client.register("compat-value", V1);
            int second = client.register("compat-value", V2_COMPATIBLE);
            assertThat(second).isNotEqualTo(first);
            assertThat(client.versions("compat-value")).containsExactly(1, 2);
            assertThat(client.isCompatible("compat-value", V3_INCOMPATIBLE)).isFalse();
            assertThat(client.isCompatible("compat-value", V2_COMPATIBLE)).isTrue();

            assertThatThrownBy(() -> client.register("compat-value", V3_INCOMPATIBLE))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                    });
            assertThat(client.versions("compat-value")).containsExactly(1, 2);

            // the raw HTTP answer carries Confluent's media type and error body
            HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/compat-value/versions"))
                    .header("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(V3_INCOMPATIBLE.toString()) + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(409);
            assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(RestSchemaRegistryClient.CONTENT_TYPE));
            assertThat(raw.body()).contains("\"error_code\":409");

            // with NONE for that subject the same schema goes in
            client.setCompatibility("compat-value", "NONE");
            assertThat(client.compatibility("compat-value")).isEqualTo("NONE");
            assertThat(client.register("compat-value", V3_INCOMPATIBLE)).isPositive();
        }
    }

    @Test
    void answersNotFoundWithConfluentErrorCodes() {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(clientProps(), "127.0.0.1", 0, CompatibilityLevel.BACKWARD);
                RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
            assertThat(client.latest("nobody-value")).isEmpty();
            assertThatThrownBy(() -> client.schemaById(987654))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
            client.register("known-value", V1);
            assertThat(client.lookup("known-value", V2_COMPATIBLE)).isEmpty();
            assertThat(client.lookup("known-value", V1)).isPresent();
        }
    }

    @Test
    void keepsIdsAcrossARestartOnTheSameBrokerData() {
        int articleId;
        int storyId;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(clientProps(), "127.0.0.1", 0, CompatibilityLevel.BACKWARD_TRANSITIVE);
                RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
            storyId = client.register("restart-value", V1);
            articleId = client.register("restart-articles-value", Article.getClassSchema());
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(clientProps(), "127.0.0.1", 0, CompatibilityLevel.BACKWARD_TRANSITIVE);
                RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
            assertThat(client.schemaById(storyId)).isEqualTo(V1);
            assertThat(client.schemaById(articleId)).isEqualTo(Article.getClassSchema());
            assertThat(client.register("restart-value", V1)).isEqualTo(storyId);
            // a new schema gets a fresh id, never one already given out
            int next = client.register("restart-value", V2_COMPATIBLE);
            assertThat(next).isNotIn(storyId, articleId);
            assertThat(client.latest("restart-value")).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(2));
            // the subject's compatibility level is enforced after the restart too
            assertThatThrownBy(() -> client.register("restart-value", V3_INCOMPATIBLE)).isInstanceOf(SchemaRegistryException.class);
        }
    }
}

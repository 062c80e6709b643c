package io.wirestream.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscriptions.testing.SubscriberFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscribersFileTest {

    private final SubscribersFile reader = new SubscribersFile(Map.of("BETA_SECRET", "a-secret-from-the-environment"), null);

    private SubscriberConfig parse(String yaml) {
        return reader.parse(yaml.getBytes(StandardCharsets.UTF_8), "subscribers.yaml");
    }

    private List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (InvalidSubscribersException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aValidFileGivesEverySubscriberWithItsProductsFormatAndChannels() {
        SubscriberConfig config = parse(SubscriberFiles.threeSites("https://hooks.example/wire"));

        assertThat(config.subscribers()).extracting(Subscriber::id).containsExactly("alpha-sport", "money-daily", "beta-urgent");
        Subscriber money = config.byId("money-daily");
        assertThat(money.format()).isEqualTo(OutputFormat.EXTENDED);
        assertThat(money.topic()).isTrue();
        assertThat(money.webhook().url().toString()).isEqualTo("https://hooks.example/wire");
        assertThat(money.products().get(0).mediaTopics()).containsExactly("medtop:04000000");
        assertThat(config.byId("alpha-sport").webhook()).isNull();
        assertThat(config.byId("alpha-sport").name()).isEqualTo("Alpha sport desk");
        assertThat(config.byId("beta-urgent").name()).isEqualTo("beta-urgent");
        assertThat(config.byId("beta-urgent").products().get(0).urgencyMax()).isEqualTo(3);
        assertThat(config.digest()).hasSize(64);
    }

    @Test
    void jsonIsReadToo() {
        String json = """
                {"subscribers": [{"id": "site-one", "products": [{"name": "all", "agencies": ["*"]}], "channels": {"topic": true}}]}
                """;
        SubscriberConfig config = reader.parse(json.getBytes(StandardCharsets.UTF_8), "subs.json");
        assertThat(config.byId("site-one").entitledTo(Stories.usable("u1", 1, "anyone", Stories.SPORT))).isTrue();
    }

    @Test
    void anUnknownFieldIsNamedWithTheNearestKnownOne() {
        List<String> problems = problems("""
                subscribers:
                  - id: site-one
                    products:
                      - name: all
                        agencies: ["*"]
                        mediaTopic: [medtop:15000000]
                    chanels:
                      topic: true
                """);
        assertThat(problems).contains(
                "subscribers[0] (site-one).products[0].mediaTopic: unknown field; did you mean 'mediaTopics'?",
                "subscribers[0] (site-one).chanels: unknown field; did you mean 'channels'?",
                "subscribers[0] (site-one).channels: is required: topic: true and/or a webhook");
    }

    @Test
    void everyProblemIsReportedAtOnceEachNamingItsField() {
        List<String> problems = problems("""
                subscribers:
                  - id: Bad_Id
                    format: newsml
                    credentials:
                      apiKeys: [plain-text-key]
                    products:
                      - name: p
                        agencies: [alpha]
                        mediaTopics: [sport]
                        languages: [english]
                        urgency: {min: 7, max: 12}
                        editorialStates: [killed, published]
                    channels:
                      topic: yes-please
                      webhook:
                        url: ftp://hooks.example/x
                        secret: {env: MISSING_SECRET}
                        giveUpAfter: soon
                  - id: second
                    products: []
                    channels: {topic: true}
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).id: 'Bad_Id' is not a valid id"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).format: 'newsml' is not a format"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).credentials.apiKeys: 'plain-text-key' is not a key hash"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).products[0].mediaTopics: 'sport' is not an IPTC Media Topic code"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).products[0].languages: 'english' is not a BCP-47"))
                .anySatisfy(p -> assertThat(p).isEqualTo("subscribers[0] (Bad_Id).products[0].urgency.max: must be a whole number from 1 (most urgent) to 9, got 12"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).products[0].editorialStates: 'killed' cannot be subscribed to"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).products[0].editorialStates: 'published' is not an editorial state"))
                .anySatisfy(p -> assertThat(p).isEqualTo("subscribers[0] (Bad_Id).channels.topic: must be true or false, got 'yes-please'"))
                .anySatisfy(p -> assertThat(p).isEqualTo("subscribers[0] (Bad_Id).channels.webhook.url: 'ftp://hooks.example/x' must be an absolute http or https URL"))
                .anySatisfy(p -> assertThat(p).isEqualTo("subscribers[0] (Bad_Id).channels.webhook.secret.env: environment variable MISSING_SECRET is not set"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[0] (Bad_Id).channels.webhook.giveUpAfter: not a duration"))
                .anySatisfy(p -> assertThat(p).startsWith("subscribers[1] (second).products: must be a non-empty list"));
    }

    @Test
    void agenciesAreRequiredBecauseCopyIsLicensedPerAgency() {
        assertThat(problems("""
                subscribers:
                  - id: site
                    products: [{name: all}]
                    channels: {topic: true}
                """)).containsExactly("subscribers[0] (site).products[0].agencies: is required: copy is licensed per agency; list the agencies, or '*' for every agency");
    }

    @Test
    void anIdGivenTwiceIsRefused() {
        assertThat(problems("""
                subscribers:
                  - {id: site, products: [{name: a, agencies: [x]}], channels: {topic: true}}
                  - {id: site, products: [{name: b, agencies: [y]}], channels: {topic: true}}
                """)).containsExactly("subscribers[1] (site).id: 'site' is given to more than one subscriber");
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThat(problems("subscribers:\n  - id: [unclosed\n")).singleElement()
                .satisfies(p -> assertThat(p).startsWith("not valid YAML at line"));
    }

    @Test
    void secretsComeFromTheEnvironmentOrAFileAndAreNeverPrinted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hook.secret"), "a-secret-kept-in-a-file\n");
        SubscribersFile withDir = new SubscribersFile(Map.of("BETA_SECRET", "a-secret-from-the-environment"), dir);
        SubscriberConfig config = withDir.parse("""
                subscribers:
                  - id: one
                    products: [{name: all, agencies: ["*"]}]
                    channels: {webhook: {url: "http://127.0.0.1:9/x", secret: {env: BETA_SECRET}}}
                  - id: two
                    products: [{name: all, agencies: ["*"]}]
                    channels: {webhook: {url: "http://127.0.0.1:9/x", secret: {file: hook.secret}, giveUpAfter: 30m}}
                """.getBytes(StandardCharsets.UTF_8), "s.yaml");
        assertThat(new String(config.byId("one").webhook().secret().value(), StandardCharsets.UTF_8)).isEqualTo("a-secret-from-the-environment");
        assertThat(new String(config.byId("two").webhook().secret().value(), StandardCharsets.UTF_8)).isEqualTo("a-secret-kept-in-a-file");
        assertThat(config.byId("two").webhook().giveUpAfter()).hasMinutes(30);
        assertThat(config.toString()).doesNotContain("a-secret-from-the-environment").doesNotContain("a-secret-kept-in-a-file");
    }

    @Test
    void anEmptyListIsAllowedAnEmptyFileIsNot() {
        assertThat(parse("subscribers: []\n").subscribers()).isEmpty();
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p).contains("is empty"));
    }

    @Test
    void aMissingFileIsReportedWithItsPath(@TempDir Path dir) {
        assertThatThrownBy(() -> SubscribersFile.read(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(InvalidSubscribersException.class).hasMessageContaining("nope.yaml").hasMessageContaining("cannot read the file");
    }
}

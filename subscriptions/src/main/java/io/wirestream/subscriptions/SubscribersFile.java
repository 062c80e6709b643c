package io.wirestream.subscriptions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.runtime.config.DurationText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a subscribers file (YAML, or JSON, which YAML includes) and checks it against its schema, field by field,
 * before anything of it is used. Every problem is collected, each with the path of the field it is about
 * ({@code subscribers[1] (harbour-daily).products[0].urgency.max}): an unknown field (with the nearest known name), a
 * missing required one, a value of the wrong type or outside its range, a duplicate id, a secret that cannot be read.
 * The schema is described field by field in the module README.
 */
public final class SubscribersFile {

    /** Subscriber ids become topic names ({@code wire.sub.<id>}), metric tags and header values. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KEY_HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final Set<String> ROOT_FIELDS = Set.of("subscribers");
    private static final Set<String> SUBSCRIBER_FIELDS = Set.of("id", "name", "credentials", "format", "products", "channels");
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("apiKeys");
    private static final Set<String> PRODUCT_FIELDS = Set.of("name", "agencies", "mediaTopics", "languages", "urgency", "places",
            "keywords", "editorialStates");
    private static final Set<String> URGENCY_FIELDS = Set.of("min", "max");
    private static final Set<String> CHANNEL_FIELDS = Set.of("topic", "webhook");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "secret", "giveUpAfter");
    private static final Set<String> SECRET_FIELDS = Set.of("env", "file", "value");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final Path baseDir;
    private final boolean readSecrets;

    /**
     * @param env     where {@code secret: {env: NAME}} is read (the process environment in production)
     * @param baseDir what a relative {@code secret: {file: ...}} is resolved against (the file's folder)
     */
    public SubscribersFile(Map<String, String> env, Path baseDir) {
        this(env, baseDir, true);
    }

    private SubscribersFile(Map<String, String> env, Path baseDir, boolean readSecrets) {
        this.env = env;
        this.baseDir = baseDir;
        this.readSecrets = readSecrets;
    }

    /**
     * A reader for a service that does not sign webhooks (publish-service's read API): every field is checked as
     * usual, but a webhook secret's variable or file is not read, so that service needs neither in its environment.
     */
    public static SubscribersFile withoutWebhookSecrets(Path baseDir) {
        return new SubscribersFile(Map.of(), baseDir, false);
    }

    /** Reads and checks a file; the secrets it names are read too, so a missing one is a problem now, not at delivery. */
    public static SubscriberConfig read(Path file, Map<String, String> env) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidSubscribersException(file.toString(), List.of("cannot read the file: " + e));
        }
        Path dir = file.toAbsolutePath().getParent();
        return new SubscribersFile(env, dir).parse(bytes, file.toString());
    }

    public SubscriberConfig parse(byte[] bytes, String fileName) {
        JsonNode root;
        try {
            ObjectMapper mapper = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidSubscribersException(fileName, List.of("not valid " + (fileName.endsWith(".json") ? "JSON" : "YAML")
                    + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidSubscribersException(fileName, List.of("cannot read: " + e.getMessage()));
        }
        Problems problems = new Problems();
        List<Subscriber> subscribers = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("(file)", "is empty; it needs a 'subscribers' list (an empty list is allowed: subscribers: [])");
        } else if (!root.isObject()) {
            problems.add("(file)", "must be a mapping with a 'subscribers' list");
        } else {
            unknownFields(root, ROOT_FIELDS, "", problems);
            JsonNode list = root.get("subscribers");
            if (list == null || list.isNull()) {
                problems.add("subscribers", "is required (a list; it may be empty)");
            } else if (!list.isArray()) {
                problems.add("subscribers", "must be a list, got " + kind(list));
            } else {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode node = list.get(i);
                    String idText = node != null && node.path("id").isTextual() ? node.path("id").asText() : null;
                    String path = "subscribers[" + i + "]" + (idText == null ? "" : " (" + idText + ")");
                    Subscriber s = subscriber(node, path, problems);
                    if (s != null && !ids.add(s.id())) {
                        problems.add(path + ".id", "'" + s.id() + "' is given to more than one subscriber");
                    }
                    if (s != null) {
                        subscribers.add(s);
                    }
                }
            }
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidSubscribersException(fileName, problems.list);
        }
        return new SubscriberConfig(subscribers, Sha256.hex(bytes));
    }

    private Subscriber subscriber(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "must be a mapping (id, products, channels, ...), got " + kind(node));
            return null;
        }
        int before = problems.list.size();
        unknownFields(node, SUBSCRIBER_FIELDS, path + ".", problems);
        String id = requiredText(node, "id", path, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(path + ".id", "'" + id + "' is not a valid id: lower-case letters, digits and '-', starting with a letter or digit, at most 63 characters (it becomes the topic name and a metric tag)");
        }
        String name = optionalText(node, "name", path, problems);
        Set<String> keys = new LinkedHashSet<>();
        JsonNode credentials = node.get("credentials");
        if (credentials != null && !credentials.isNull()) {
            if (!credentials.isObject()) {
                problems.add(path + ".credentials", "must be a mapping (apiKeys), got " + kind(credentials));
            } else {
                unknownFields(credentials, CREDENTIAL_FIELDS, path + ".credentials.", problems);
                for (String hash : textList(credentials, "apiKeys", path + ".credentials", false, problems)) {
                    if (!KEY_HASH.matcher(hash).matches()) {
                        problems.add(path + ".credentials.apiKeys", "'" + abbreviate(hash) + "' is not a key hash: write sha256:<64 lower-case hex>, as `wire keys` prints (never the key itself)");
                    } else {
                        keys.add(hash);
                    }
                }
            }
        }
        OutputFormat format = OutputFormat.OFFICIAL;
        String formatText = optionalText(node, "format", path, problems);
        if (formatText != null) {
            format = switch (formatText.strip().toLowerCase(Locale.ROOT)) {
                case "official" -> OutputFormat.OFFICIAL;
                case "extended" -> OutputFormat.EXTENDED;
                default -> {
                    problems.add(path + ".format", "'" + formatText + "' is not a format: official (IPTC ninjs 2.x) or extended (ninjs with the 'wirestream' property)");
                    yield OutputFormat.OFFICIAL;
                }
            };
        }
        List<Product> products = new ArrayList<>();
        JsonNode productList = node.get("products");
        if (productList == null || productList.isNull()) {
            problems.add(path + ".products", "is required: at least one product (a subscriber with none would receive nothing)");
        } else if (!productList.isArray() || productList.isEmpty()) {
            problems.add(path + ".products", "must be a non-empty list, got " + kind(productList));
        } else {
            Set<String> names = new HashSet<>();
            for (int j = 0; j < productList.size(); j++) {
                Product p = product(productList.get(j), path + ".products[" + j + "]", problems);
                if (p != null && !names.add(p.name())) {
                    problems.add(path + ".products[" + j + "].name", "'" + p.name() + "' is used by two products of this subscriber");
                }
                if (p != null) {
                    products.add(p);
                }
            }
        }
        boolean topic = false;
        WebhookChannel webhook = null;
        JsonNode channels = node.get("channels");
        if (channels == null || channels.isNull()) {
            problems.add(path + ".channels", "is required: topic: true and/or a webhook");
        } else if (!channels.isObject()) {
            problems.add(path + ".channels", "must be a mapping (topic, webhook), got " + kind(channels));
        } else {
            unknownFields(channels, CHANNEL_FIELDS, path + ".channels.", problems);
            JsonNode t = channels.get("topic");
            if (t != null && !t.isNull()) {
                if (!t.isBoolean()) {
                    problems.add(path + ".channels.topic", "must be true or false, got " + kind(t));
                } else {
                    topic = t.booleanValue();
                }
            }
            JsonNode w = channels.get("webhook");
            if (w != null && !w.isNull()) {
                webhook = webhook(w, path + ".channels.webhook", problems);
            }
            if (!topic && (w == null || w.isNull())) {
                problems.add(path + ".channels", "names no channel: set topic: true, or a webhook");
            }
        }
        if (problems.list.size() > before || id == null) {
            return null;
        }
        return new Subscriber(id, name == null ? id : name, keys, products, format, topic, webhook);
    }

    private Product product(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "must be a mapping (name, agencies, ...), got " + kind(node));
            return null;
        }
        int before = problems.list.size();
        unknownFields(node, PRODUCT_FIELDS, path + ".", problems);
        String name = requiredText(node, "name", path, problems);
        List<String> agencies = textList(node, "agencies", path, true, problems);
        for (String a : agencies) {
            if (!a.equals(Product.ANY_AGENCY) && !AGENCY.matcher(a).matches()) {
                problems.add(path + ".agencies", "'" + a + "' is not an agency name (letters, digits, '.', '_', '-'), nor '*' for any agency");
            }
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String t : textList(node, "mediaTopics", path, false, problems)) {
            String code = MediaTopicCode.normalise(t);
            if (code == null) {
                problems.add(path + ".mediaTopics", "'" + t + "' is not an IPTC Media Topic code: write medtop:NNNNNNNN (eight digits), e.g. medtop:15000000 for sport");
            } else {
                topics.add(code);
            }
        }
        List<String> languages = textList(node, "languages", path, false, problems);
        for (String l : languages) {
            if (!LANGUAGE.matcher(l).matches()) {
                problems.add(path + ".languages", "'" + l + "' is not a BCP-47 language tag such as en or en-GB");
            }
        }
        Integer min = null;
        Integer max = null;
        JsonNode urgency = node.get("urgency");
        if (urgency != null && !urgency.isNull()) {
            if (!urgency.isObject()) {
                problems.add(path + ".urgency", "must be a mapping with min and/or max (1 is the most urgent, 9 the least), got " + kind(urgency));
            } else {
                unknownFields(urgency, URGENCY_FIELDS, path + ".urgency.", problems);
                min = urgencyBound(urgency, "min", path, problems);
                max = urgencyBound(urgency, "max", path, problems);
                if (min == null && max == null && problems.list.size() == before) {
                    problems.add(path + ".urgency", "needs min and/or max");
                }
                if (min != null && max != null && min > max) {
                    problems.add(path + ".urgency", "min " + min + " is greater than max " + max);
                }
            }
        }
        List<String> places = textList(node, "places", path, false, problems);
        List<String> keywords = textList(node, "keywords", path, false, problems);
        Set<EditorialState> states = new LinkedHashSet<>();
        for (String s : textList(node, "editorialStates", path, false, problems)) {
            EditorialState state = null;
            for (EditorialState candidate : EditorialState.values()) {
                if (candidate.configName().equals(s.strip().toLowerCase(Locale.ROOT))) {
                    state = candidate;
                }
            }
            if (state == null) {
                problems.add(path + ".editorialStates", "'" + s + "' is not an editorial state: usable, update, correction or advisory");
            } else if (!state.isDeliverableFirst()) {
                problems.add(path + ".editorialStates", "'" + s + "' cannot be subscribed to: kills and withheld notices go to every subscriber that received the story, and to no one else");
            } else {
                states.add(state);
            }
        }
        if (problems.list.size() > before || name == null) {
            return null;
        }
        return new Product(name, Set.copyOf(agencies), topics, Set.copyOf(languages), min, max, Set.copyOf(places),
                Set.copyOf(keywords), states);
    }

    private static Integer urgencyBound(JsonNode urgency, String field, String path, Problems problems) {
        JsonNode v = urgency.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 9) {
            problems.add(path + ".urgency." + field, "must be a whole number from 1 (most urgent) to 9, got " + kind(v));
            return null;
        }
        return v.asInt();
    }

    private WebhookChannel webhook(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be a mapping (url, secret, giveUpAfter), got " + kind(node));
            return null;
        }
        int before = problems.list.size();
        unknownFields(node, WEBHOOK_FIELDS, path + ".", problems);
        URI url = null;
        String urlText = requiredText(node, "url", path, problems);
        if (urlText != null) {
            try {
                url = new URI(urlText.strip());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                    problems.add(path + ".url", "'" + urlText + "' must be an absolute http or https URL");
                    url = null;
                }
            } catch (URISyntaxException e) {
                problems.add(path + ".url", "'" + urlText + "' is not a URL: " + e.getReason());
            }
        }
        WebhookChannel.Secret secret = null;
        JsonNode s = node.get("secret");
        if (s == null || s.isNull()) {
            problems.add(path + ".secret", "is required: {env: VARIABLE}, {file: PATH} or {value: TEXT}; every body is signed with it");
        } else {
            secret = secret(s, path + ".secret", problems);
        }
        Duration giveUp = null;
        String giveUpText = optionalText(node, "giveUpAfter", path, problems);
        if (giveUpText != null) {
            try {
                giveUp = DurationText.parse(giveUpText);
                if (giveUp.isNegative() || giveUp.isZero()) {
                    problems.add(path + ".giveUpAfter", "must be longer than zero");
                }
            } catch (IllegalArgumentException e) {
                problems.add(path + ".giveUpAfter", e.getMessage());
            }
        }
        if (problems.list.size() > before) {
            return null;
        }
        return new WebhookChannel(url, secret, giveUp);
    }

    private WebhookChannel.Secret secret(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be a mapping with one of env, file or value, got " + kind(node));
            return null;
        }
        unknownFields(node, SECRET_FIELDS, path + ".", problems);
        List<String> given = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> { if (SECRET_FIELDS.contains(f)) given.add(f); });
        if (given.size() != 1) {
            problems.add(path, "needs exactly one of env, file or value, got " + (given.isEmpty() ? "none" : String.join(" and ", given)));
            return null;
        }
        String how = given.get(0);
        JsonNode v = node.get(how);
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + how, "must be a non-empty string");
            return null;
        }
        String text = v.asText().strip();
        if (!readSecrets && !how.equals("value")) {
            if (how.equals("env") && !ENV_NAME.matcher(text).matches()) {
                problems.add(path + ".env", "'" + text + "' is not an environment variable name");
                return null;
            }
            return new WebhookChannel.Secret(how + " " + text + " (not read by this service)", new byte[0]);
        }
        byte[] value;
        String source;
        switch (how) {
            case "env" -> {
                if (!ENV_NAME.matcher(text).matches()) {
                    problems.add(path + ".env", "'" + text + "' is not an environment variable name");
                    return null;
                }
                String fromEnv = env.get(text);
                if (fromEnv == null || fromEnv.isBlank()) {
                    problems.add(path + ".env", "environment variable " + text + " is not set");
                    return null;
                }
                value = fromEnv.strip().getBytes(StandardCharsets.UTF_8);
                source = "env " + text;
            }
            case "file" -> {
                Path file = baseDir == null ? Path.of(text) : baseDir.resolve(text);
                try {
                    value = Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(path + ".file", "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
                    return null;
                }
                if (value.length == 0) {
                    problems.add(path + ".file", "secret file " + file + " is empty");
                    return null;
                }
                source = "file " + file;
            }
            default -> {
                value = text.getBytes(StandardCharsets.UTF_8);
                source = "value in the subscribers file";
            }
        }
        if (value.length < 16) {
            problems.add(path, "the secret (" + source + ") is shorter than 16 bytes; use a long random string");
            return null;
        }
        return new WebhookChannel.Secret(source, value);
    }

    private static String requiredText(JsonNode node, String field, String path, Problems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(path + "." + field, "is required");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + field, "must be a non-empty string, got " + kind(v));
            return null;
        }
        return v.asText().strip();
    }

    private static String optionalText(JsonNode node, String field, String path, Problems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(path + "." + field, "must be a non-empty string, got " + kind(v));
            return null;
        }
        return v.asText().strip();
    }

    /** A list of non-blank strings (a single string is taken as a list of one). */
    private static List<String> textList(JsonNode node, String field, String path, boolean required, Problems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(path + "." + field, "is required" + (field.equals("agencies")
                        ? ": copy is licensed per agency; list the agencies, or '*' for every agency" : ""));
            }
            return List.of();
        }
        if (v.isTextual()) {
            return v.asText().isBlank() ? List.of() : List.of(v.asText().strip());
        }
        if (!v.isArray() || v.isEmpty()) {
            problems.add(path + "." + field, "must be a non-empty list of strings, got " + kind(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(path + "." + field + "[" + i + "]", "must be a non-empty string, got " + kind(item));
            } else {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, Problems problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(prefix + name, "unknown field" + nearest(name, known));
            }
        }
    }

    private static String nearest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known.stream().sorted().toList()) {
            int d = distance(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best != null && bestDistance <= Math.max(2, given.length() / 3)) {
            return "; did you mean '" + best + "'?";
        }
        return "; known fields here: " + String.join(", ", known.stream().sorted().toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1), Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "'" + abbreviate(v.asText()) + "'";
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        return v.isArray() ? "a list" : "a mapping";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String path, String problem) {
            list.add(path + ": " + problem);
        }
    }

}

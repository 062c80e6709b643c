package io.wirestream.wire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Agencies pushing over the real push API: {@code concurrency} clients, each sending one request at a time and
 * waiting for its answer, take requests from one queue. With a batch size of 1 every item is its own
 * {@code POST /v1/items}; above it, one agency's items go together to {@code POST /v1/items/batch}. Items the
 * service could not take for a passing reason (429, 503, or a 207's failed entries) are queued again; any other
 * refusal is counted and kept as a sample. An ack latency is the whole request, send to answer, one per request.
 */
public final class PushClients {

    static final int MAX_ATTEMPTS = 20;

    /**
     * @param pushed items sent at least once
     * @param accepted items the service acknowledged (2xx: Kafka had them)
     * @param refused items refused for good
     * @param retried requests sent again after a passing refusal
     * @param requests requests that were answered 2xx (the ack latencies are theirs)
     * @param acceptedItems the items acknowledged
     * @param refusals a few refusal reasons, with how often each was seen
     * @param firstSendNanos {@link System#nanoTime()} of the first request
     * @param lastAckNanos {@link System#nanoTime()} of the last acknowledgement
     */
    public record Result(int pushed, int accepted, int refused, int retried, int requests, Latencies ackLatency,
            List<BenchItem> acceptedItems, Map<String, Integer> refusals, long firstSendNanos, long lastAckNanos) {

        public double seconds() {
            return (lastAckNanos - firstSendNanos) / 1e9;
        }

        public double acceptedPerSecond() {
            return accepted / seconds();
        }
    }

    /** @param dueNanos when paced, when to send it at the earliest ({@link System#nanoTime()}) */
    private record Request(String agency, List<BenchItem> items, int attempt, long dueNanos) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final Function<String, String> apiKeys;
    private final int concurrency;
    private final int batchSize;
    private final double ratePerSecond;
    private final HttpClient http;

    /** @param ratePerSecond items per second offered by all clients together; 0 for as fast as they are answered */
    public PushClients(String ingestUrl, Function<String, String> apiKeys, int concurrency, int batchSize, double ratePerSecond) {
        this.ingestUrl = ingestUrl;
        this.apiKeys = apiKeys;
        this.concurrency = concurrency;
        this.batchSize = batchSize;
        this.ratePerSecond = ratePerSecond;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Pushes every item and returns once each was acknowledged or refused for good, or the deadline passed. */
    public Result push(List<BenchItem> items, Duration timeout) throws InterruptedException {
        long first = System.nanoTime();
        Queue<Request> queue = new ConcurrentLinkedQueue<>(requests(items, first));
        AtomicInteger outstanding = new AtomicInteger(queue.size());
        List<BenchItem> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger firstSends = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong();
        long deadline = System.nanoTime() + timeout.toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-push");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (outstanding.get() > 0 && System.nanoTime() < deadline) {
                    Request request = queue.poll();
                    if (request == null) {
                        pause(5); // another client is still waiting on an answer that may queue a retry
                        continue;
                    }
                    long wait = request.dueNanos - System.nanoTime();
                    if (ratePerSecond > 0 && request.attempt == 0 && wait > 0) {
                        pause(TimeUnit.NANOSECONDS.toMillis(wait));
                    }
                    try {
                        if (request.attempt == 0) {
                            firstSends.addAndGet(request.items.size());
                        }
                        Outcome outcome = send(request);
                        if (!outcome.accepted.isEmpty()) {
                            accepted.addAll(outcome.accepted);
                            latencies.add(outcome.micros);
                            lastAck.accumulateAndGet(outcome.answeredAt, Math::max);
                        }
                        for (Map.Entry<String, Integer> r : outcome.refusals.entrySet()) {
                            refused.addAndGet(r.getValue());
                            refusals.merge(r.getKey(), r.getValue(), Integer::sum);
                        }
                        if (!outcome.again.isEmpty()) {
                            if (request.attempt + 1 >= MAX_ATTEMPTS) {
                                refused.addAndGet(outcome.again.size());
                                refusals.merge("gave up after " + MAX_ATTEMPTS + " attempts: " + outcome.whyAgain, outcome.again.size(), Integer::sum);
                            } else {
                                retried.incrementAndGet();
                                outstanding.incrementAndGet();
                                pause(outcome.waitMillis);
                                queue.add(new Request(request.agency, outcome.again, request.attempt + 1, 0));
                            }
                        }
                    } catch (Exception e) {
                        refused.addAndGet(request.items.size());
                        refusals.merge("request failed: " + e, request.items.size(), Integer::sum);
                    } finally {
                        outstanding.decrementAndGet();
                    }
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a push client failed", e.getCause());
            }
        }
        pool.awaitTermination(10, TimeUnit.SECONDS);
        int unsent = queue.stream().mapToInt(r -> r.items.size()).sum();
        if (unsent > 0) {
            refused.addAndGet(unsent);
            refusals.merge("not pushed before the deadline", unsent, Integer::sum);
        }
        List<Long> micros;
        synchronized (latencies) {
            micros = new ArrayList<>(latencies);
        }
        return new Result(firstSends.get(), accepted.size(), refused.get(), retried.get(), micros.size(),
                Latencies.ofMicros(micros), List.copyOf(accepted), new LinkedHashMap<>(refusals), first,
                lastAck.get() == 0 ? System.nanoTime() : lastAck.get());
    }

    /**
     * One request per item, or per run of up to batchSize items of one agency, in the order the items come. When
     * paced, a request is due when the items before it have had their share of time at the offered rate.
     */
    private List<Request> requests(List<BenchItem> items, long start) {
        List<List<BenchItem>> groups = new ArrayList<>();
        if (batchSize <= 1) {
            items.forEach(i -> groups.add(List.of(i)));
        } else {
            Map<String, List<BenchItem>> open = new LinkedHashMap<>();
            for (BenchItem item : items) {
                List<BenchItem> batch = open.computeIfAbsent(item.agency(), a -> new ArrayList<>());
                batch.add(item);
                if (batch.size() == batchSize) {
                    groups.add(List.copyOf(batch));
                    open.remove(item.agency());
                }
            }
            open.values().forEach(batch -> groups.add(List.copyOf(batch)));
        }
        List<Request> requests = new ArrayList<>();
        long before = 0;
        for (List<BenchItem> group : groups) {
            long due = ratePerSecond > 0 ? start + (long) (before * 1e9 / ratePerSecond) : 0;
            requests.add(new Request(group.get(0).agency(), group, 0, due));
            before += group.size();
        }
        return requests;
    }

    private static final class Outcome {
        final List<BenchItem> accepted = new ArrayList<>();
        final List<BenchItem> again = new ArrayList<>();
        final Map<String, Integer> refusals = new LinkedHashMap<>();
        long micros;
        long answeredAt;
        long waitMillis;
        String whyAgain = "";
    }

    private Outcome send(Request request) throws Exception {
        boolean single = request.items.size() == 1 && batchSize <= 1;
        HttpRequest.Builder b = HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + apiKeys.apply(request.agency))
                .timeout(Duration.ofSeconds(60));
        if (single) {
            BenchItem item = request.items.get(0);
            b.uri(URI.create(ingestUrl + "/v1/items")).header("Content-Type", "application/xml")
                    .header("X-Item-Id", item.itemId()).header("X-Item-Version", "1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(item.bytes()));
        } else {
            b.uri(URI.create(ingestUrl + "/v1/items/batch")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(batchBody(request.items)));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long end = System.nanoTime();
        Outcome outcome = new Outcome();
        outcome.micros = (end - start) / 1000;
        outcome.answeredAt = end;
        int status = response.statusCode();
        JsonNode body = readJson(response.body());
        if (status == 202) {
            outcome.accepted.addAll(request.items);
        } else if (status == 207) {
            JsonNode results = body.path("results");
            for (int i = 0; i < request.items.size(); i++) {
                JsonNode r = results.path(i);
                int s = r.path("status").asInt();
                if (s == 202) {
                    outcome.accepted.add(request.items.get(i));
                } else {
                    classify(outcome, request.items.get(i), s, r, response);
                }
            }
        } else {
            for (BenchItem item : request.items) {
                classify(outcome, item, status, body, response);
            }
        }
        return outcome;
    }

    private static void classify(Outcome outcome, BenchItem item, int status, JsonNode reason, HttpResponse<String> response) {
        if (status == 429 || status == 503) {
            outcome.again.add(item);
            outcome.whyAgain = status + " " + reason.path("error").asText();
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            outcome.waitMillis = Math.max(outcome.waitMillis, Math.min(1000, seconds * 1000)); // a benchmark does not wait the full Retry-After
        } else {
            outcome.refusals.merge(status + " " + reason.path("error").asText() + ": " + reason.path("message").asText(), 1, Integer::sum);
        }
    }

    private static byte[] batchBody(List<BenchItem> items) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("items");
        for (BenchItem item : items) {
            array.addObject().put("id", item.itemId()).put("version", "1").put("contentType", "application/xml")
                    .put("body", new String(item.bytes(), StandardCharsets.UTF_8));
        }
        return JSON.writeValueAsBytes(root);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode().put("error", "unreadable").put("message", text.length() > 200 ? text.substring(0, 200) : text);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

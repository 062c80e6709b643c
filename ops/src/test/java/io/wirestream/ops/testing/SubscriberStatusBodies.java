package io.wirestream.ops.testing;

/** Answers of subscriber-service's {@code GET /health/subscribers}, written here in its documented shape. */
public final class SubscriberStatusBodies {

    private SubscriberStatusBodies() {}

    /**
     * Three subscribers: {@code harbour-daily} on its own topic, all well; {@code quay-news} whose webhook has failed
     * since 03:00:00 and waits with two deliveries; {@code pier-wire} whose webhook gave up on two deliveries since
     * its last 2xx.
     */
    public static String oneOfEach() {
        return """
                {"service":"subscriber-service","at":"2026-11-28T03:00:40Z","file":{"version":"ab12cd34"},
                 "fanOut":{"lagRecords":3,"lagSeconds":1.5,"sampledAt":"2026-11-28T03:00:38Z"},
                 "subscribers":[
                  {"id":"harbour-daily","name":"Harbour Daily","fanOutLagRecords":3,"fanOutLagSeconds":1.5,"fanOutFailures":0,
                   "topic":{"name":"wire.sub.harbour-daily","lastDeliveryAt":"2026-11-28T03:00:30Z"}},
                  {"id":"quay-news","name":"quay-news","fanOutLagRecords":3,"fanOutLagSeconds":1.5,"fanOutFailures":1,
                   "webhook":{"host":"quay.example","state":"RETRYING","queued":2,"oldestWaitingSeconds":40.0,
                    "lastQueuedAt":"2026-11-28T03:00:20Z","lastDeliveryAt":"2026-11-28T02:59:00Z","delivered":12,"failures":5,
                    "deadLetters":0,"deadLettersSinceDelivery":0,"retryingSince":"2026-11-28T03:00:00Z",
                    "giveUpAt":"2026-11-29T03:00:00Z","nextAttemptAt":"2026-11-28T03:00:45Z","lastError":"HTTP 503"}},
                  {"id":"pier-wire","name":"Pier Wire","fanOutLagRecords":3,"fanOutLagSeconds":1.5,"fanOutFailures":0,
                   "topic":{"name":"wire.sub.pier-wire"},
                   "webhook":{"host":"pier.example","state":"DEAD_LETTERED","queued":0,"oldestWaitingSeconds":0.0,
                    "delivered":0,"failures":9,"deadLetters":2,"deadLettersSinceDelivery":2,
                    "lastDeadLetterAt":"2026-11-28T03:00:10Z"}}
                 ]}
                """;
    }

    /** Every subscriber well: one topic subscriber and one webhook subscriber that delivers. */
    public static String allWell() {
        return """
                {"service":"subscriber-service","at":"2026-11-28T03:00:40Z","file":{"version":"ab12cd34"},
                 "fanOut":{"lagRecords":0,"lagSeconds":0.0,"sampledAt":"2026-11-28T03:00:38Z"},
                 "subscribers":[
                  {"id":"harbour-daily","name":"Harbour Daily","fanOutLagRecords":0,"fanOutLagSeconds":0.0,"fanOutFailures":0,
                   "topic":{"name":"wire.sub.harbour-daily","lastDeliveryAt":"2026-11-28T03:00:30Z"}},
                  {"id":"quay-news","name":"quay-news","fanOutLagRecords":0,"fanOutLagSeconds":0.0,"fanOutFailures":0,
                   "webhook":{"host":"quay.example","state":"OK","queued":0,"oldestWaitingSeconds":0.0,
                    "lastDeliveryAt":"2026-11-28T03:00:31Z","delivered":14,"failures":0,"deadLetters":0,"deadLettersSinceDelivery":0}}
                 ]}
                """;
    }
}

package io.wirestream.subscriptions.testing;

/** Subscribers files the tests write. */
public final class SubscriberFiles {

    private SubscriberFiles() {}

    /**
     * Three sites: sport of agency alpha (topic), economy of any agency in English (topic and webhook), everything of
     * agency beta with urgency 1-3 (webhook).
     */
    public static String threeSites(String webhookUrl) {
        return """
                subscribers:
                  - id: alpha-sport
                    name: Alpha sport desk
                    format: official
                    products:
                      - name: sport
                        agencies: [alpha]
                        mediaTopics: [medtop:15000000]
                    channels:
                      topic: true
                  - id: money-daily
                    format: extended
                    products:
                      - name: economy
                        agencies: ["*"]
                        mediaTopics: ["04000000"]
                        languages: [en]
                    channels:
                      topic: true
                      webhook:
                        url: %1$s
                        secret: {value: "money-daily-secret-0123456789"}
                  - id: beta-urgent
                    products:
                      - name: urgent
                        agencies: [beta]
                        urgency: {max: 3}
                    channels:
                      topic: true
                      webhook:
                        url: %1$s
                        secret: {value: "beta-urgent-secret-0123456789"}
                """.formatted(webhookUrl);
    }
}

package io.wirestream.runtime.kafka;

import java.util.List;

/** Existing topics differ from their declaration; the message lists every difference. */
public class TopicMismatchException extends IllegalStateException {

    private final List<String> mismatches;

    public TopicMismatchException(List<String> mismatches) {
        super("existing topics differ from their declaration (fix the topics or the settings): " + String.join("; ", mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    public List<String> mismatches() {
        return mismatches;
    }
}

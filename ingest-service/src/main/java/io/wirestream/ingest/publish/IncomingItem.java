package io.wirestream.ingest.publish;

import io.wirestream.avro.IngestChannel;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery before it goes to Kafka, from any channel.
 *
 * @param agency from the credential (push) or the source configuration (feed, drop folder), never from the body
 * @param sourceItemId the agency's own id, or null
 * @param sourceVersion the agency's own version label, or null
 * @param contentType declared Content-Type, or null
 * @param formatHint declared format hint, or null
 * @param transport remote address, file name, feed URL, headers worth keeping
 */
public record IncomingItem(String agency, String sourceItemId, String sourceVersion, String contentType, String formatHint,
        IngestChannel channel, Map<String, String> transport, byte[] payload) {

    public IncomingItem {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        transport = transport == null ? Map.of() : Map.copyOf(transport);
    }
}

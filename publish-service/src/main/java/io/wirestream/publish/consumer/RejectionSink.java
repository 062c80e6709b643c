package io.wirestream.publish.consumer;

import io.wirestream.avro.Rejection;

import java.util.List;

/**
 * Where publish-service sets aside a record it can never store (corrupt, too large), so it is seen and can be
 * replayed instead of vanishing. {@link #send} returns only once the rejections are durable; when that cannot be
 * done it throws {@link UpstreamUnavailableException} and the consumer waits, so a record is never skipped without
 * its rejection having been written.
 */
public interface RejectionSink {

    void send(List<Rejection> rejections);
}

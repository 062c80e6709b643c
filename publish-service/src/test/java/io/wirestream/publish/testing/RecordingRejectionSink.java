package io.wirestream.publish.testing;

import io.wirestream.avro.Rejection;
import io.wirestream.publish.consumer.RejectionSink;
import io.wirestream.publish.consumer.UpstreamUnavailableException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the rejections a consumer writes; can be made to fail as a broker that is away. */
public final class RecordingRejectionSink implements RejectionSink {

    public final List<Rejection> written = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public void send(List<Rejection> rejections) {
        if (down) {
            throw new UpstreamUnavailableException("test: broker is away", null);
        }
        written.addAll(rejections);
    }
}

package io.wirestream.ingest.classify;

/**
 * Decides whether a payload is news the pipeline can read, before it is acknowledged. The declared content type and
 * format hint help but are never trusted alone: the bytes decide.
 */
@FunctionalInterface
public interface NewsPayloadClassifier {

    Classification classify(byte[] payload, String contentType, String formatHint);
}

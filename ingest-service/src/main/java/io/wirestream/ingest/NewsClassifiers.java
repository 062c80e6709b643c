package io.wirestream.ingest;

import io.wirestream.ingest.classify.NewsPayloadClassifier;
import io.wirestream.ingest.classify.SniffingNewsClassifier;

/** The classifier the service uses unless told otherwise. */
final class NewsClassifiers {

    private NewsClassifiers() {}

    static NewsPayloadClassifier standard() {
        return new SniffingNewsClassifier();
    }
}

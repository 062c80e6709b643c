package io.wirestream.ingest;

import io.wirestream.ingest.classify.NewsPayloadClassifier;
import io.wirestream.ingest.classify.FormatDetectorClassifier;

/** The classifier the service uses unless told otherwise: the pipeline's own format detector. */
final class NewsClassifiers {

    private NewsClassifiers() {}

    static NewsPayloadClassifier standard() {
        return new FormatDetectorClassifier();
    }
}

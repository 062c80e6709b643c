package io.wirestream.ingest.classify;

import io.wirestream.newsformats.format.Detection;
import io.wirestream.newsformats.format.FormatDetector;

/**
 * The pipeline's own {@link FormatDetector} (the one the normaliser uses to pick a parser) as ingest's judge: what it
 * cannot place would be rejected downstream anyway, so the agency hears it now, with the detector's reason.
 */
public final class FormatDetectorClassifier implements NewsPayloadClassifier {

    private final FormatDetector detector = new FormatDetector();

    @Override
    public Classification classify(byte[] payload, String contentType, String formatHint) {
        String refusal = MediaTypeGate.refusal(payload, contentType);
        if (refusal != null) {
            return Classification.unsupported(refusal);
        }
        if (payload == null || payload.length == 0) {
            return Classification.notNews("the body is empty");
        }
        Detection d = detector.detect(payload, contentType, formatHint);
        if (!d.known()) {
            return Classification.notNews("not recognised as a news format: " + d.reason());
        }
        return Classification.news(d.format().label(), d.reason());
    }
}

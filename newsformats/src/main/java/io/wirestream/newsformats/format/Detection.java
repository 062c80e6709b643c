package io.wirestream.newsformats.format;

import java.util.Objects;

/**
 * What {@link FormatDetector} concluded: the format family, how sure it is (0..1) and a reason a human can read.
 * For {@link WireFormat#UNKNOWN} the confidence is how sure the detector is that the payload is not a news format.
 */
public record Detection(WireFormat format, double confidence, String reason) {

    public Detection {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(reason, "reason");
        if (confidence < 0.0 || confidence > 1.0 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /** True when the payload is a format the pipeline can parse. */
    public boolean known() {
        return format != WireFormat.UNKNOWN;
    }

    static Detection unknown(double confidence, String reason) {
        return new Detection(WireFormat.UNKNOWN, confidence, reason);
    }
}

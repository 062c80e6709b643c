package io.wirestream.ingest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorClassifierTest {

    final FormatDetectorClassifier classifier = new FormatDetectorClassifier();

    Classification of(String body, String contentType) {
        return classifier.classify(body.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    @Test
    void takesWhatTheDetectorRecognisesUnderItsLabel() {
        Classification nitf = of("<?xml version=\"1.0\"?><nitf><head><title>Storm</title></head><body/></nitf>", "application/xml");
        assertThat(nitf.isNews()).isTrue();
        assertThat(nitf.format()).isEqualTo("nitf");
        assertThat(of("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id></entry></feed>", null).format()).isEqualTo("atom");
    }

    @Test
    void unknownPayloadsAre422WithTheDetectorsReason() {
        Classification c = of("<invoice><total>3</total></invoice>", "application/xml");
        assertThat(c.verdict()).isEqualTo(Classification.Verdict.NOT_NEWS);
        assertThat(c.reason()).startsWith("not recognised as a news format: ").hasSizeGreaterThan(40);
        assertThat(of("", "application/xml").reason()).contains("empty");
    }

    @Test
    void refusedMediaAre415BeforeAnyDetection() {
        assertThat(of("<nitf/>", "image/jpeg").verdict()).isEqualTo(Classification.Verdict.UNSUPPORTED_MEDIA_TYPE);
        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0};
        assertThat(classifier.classify(gzip, null, null).verdict()).isEqualTo(Classification.Verdict.UNSUPPORTED_MEDIA_TYPE);
    }
}

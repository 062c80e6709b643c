package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `java -cp ... WireCommand` without the Avro property must still read the pipeline's records (issue 16, round three). */
class AvroTrustTest {

    @Test
    void theContractsPackageIsTrustedUnlessTheJvmWasToldOtherwise() {
        String before = System.getProperty(WireCommand.AVRO_TRUSTED_PACKAGES);
        try {
            System.clearProperty(WireCommand.AVRO_TRUSTED_PACKAGES);
            WireCommand.trustAvroPackage();
            assertThat(System.getProperty(WireCommand.AVRO_TRUSTED_PACKAGES)).isEqualTo("io.wirestream.avro");

            System.setProperty(WireCommand.AVRO_TRUSTED_PACKAGES, "io.wirestream.avro,org.example");
            WireCommand.trustAvroPackage();
            assertThat(System.getProperty(WireCommand.AVRO_TRUSTED_PACKAGES)).isEqualTo("io.wirestream.avro,org.example");
        } finally {
            if (before == null) {
                System.clearProperty(WireCommand.AVRO_TRUSTED_PACKAGES);
            } else {
                System.setProperty(WireCommand.AVRO_TRUSTED_PACKAGES, before);
            }
        }
    }
}

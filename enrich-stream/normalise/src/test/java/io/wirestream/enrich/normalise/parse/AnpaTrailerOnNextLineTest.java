package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The filing-time trailer is read whether it follows ETX directly or on the next line. */
class AnpaTrailerOnNextLineTest {

    static Article parse(String afterEtx) throws Exception {
        String anpa = "\u0016\u0016\u0001a0412\u001fCND\r\nr i BC-Peru-Rain 03-04 0090\r\n\u0002^Heavy rain floods Lima streets<\r\n"
                + "\tLIMA (Condor) - Heavy rain flooded streets in the Peruvian capital on Wednesday.\r\n\u0003" + afterEtx + "\u0004";
        RawItem raw = RawItem.newBuilder().setItemId("a").setAgency("condor").setReceivedAt(Instant.parse("2026-03-05T00:00:00Z"))
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(anpa.getBytes(StandardCharsets.ISO_8859_1))).build();
        return new WireItemNormaliser().normalise(raw).get(0);
    }

    @Test
    void readsTheFilingTimeOnTheLineAfterEtx() throws Exception {
        assertThat(parse("\r\nCN-WF-03-04-26 1412GMT\r\n").getVersioncreated()).isEqualTo(Instant.parse("2026-03-04T14:12:00Z"));
    }

    @Test
    void readsTheFilingTimeRightAfterEtx() throws Exception {
        assertThat(parse("CN-WF-03-04-26 1412GMT\r\n").getVersioncreated()).isEqualTo(Instant.parse("2026-03-04T14:12:00Z"));
    }
}

package io.wirestream.wire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FaultsCommandTest {

    @Test
    void anUnknownFaultIsRefusedBeforeAnythingStarts() {
        assertThat(new CommandLine(new FaultsCommand()).execute("--faults", "kill,flood")).isEqualTo(2);
    }

    @Test
    void theTableSaysARowHoldsOnlyWhenNothingIsLostOrPublishedTwiceAndTheSumsAddUp() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FaultsCommand.print(List.of(
                new FaultsCommand.Row("kill", new Ledger.Count(400, 360, 40, 0, 0, 0, List.of()), 139.4),
                new FaultsCommand.Row("broker", new Ledger.Count(400, 350, 40, 0, 10, 0, List.of("urn:x")), 49),
                new FaultsCommand.Row("registry", new Ledger.Count(400, 360, 40, 0, 0, 2, List.of()), 34)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("| kill | 400 | 360 | 40 | 0 | 0 | 0 | 139 | yes |")
                .contains("| broker | 400 | 350 | 40 | 0 | 10 | 0 | 49 | NO |")
                .contains("| registry | 400 | 360 | 40 | 0 | 0 | 2 | 34 | NO |");
    }
}

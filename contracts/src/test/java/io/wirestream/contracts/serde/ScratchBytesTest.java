package io.wirestream.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScratchBytesTest {

    @Test
    void eachRecordGetsExactlyItsOwnBytesWhateverWasWrittenBefore() throws IOException {
        byte[] big = new byte[50_000];
        Arrays.fill(big, (byte) 7);
        assertThat(ScratchBytes.write(out -> out.write(big))).isEqualTo(big);
        assertThat(ScratchBytes.write(out -> out.write("short".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("short".getBytes(StandardCharsets.UTF_8));
        assertThat(ScratchBytes.write(out -> { })).isEmpty();
    }

    @Test
    void aSerializerWritingAnothersBytesInsideItsOwnGetsASeparateBuffer() throws IOException {
        byte[] outer = ScratchBytes.write(out -> {
            out.write('<');
            byte[] inner = ScratchBytes.write(in -> in.write("inner".getBytes(StandardCharsets.UTF_8)));
            out.write(inner);
            out.write('>');
        });
        assertThat(new String(outer, StandardCharsets.UTF_8)).isEqualTo("<inner>");
    }

    @Test
    void aWriterThatFailsLeavesTheBufferFreeForTheNextRecord() throws IOException {
        assertThatThrownBy(() -> ScratchBytes.write(out -> {
            out.write(1);
            throw new IOException("broken");
        })).isInstanceOf(IOException.class).hasMessage("broken");
        assertThat(ScratchBytes.write(out -> out.write(9))).containsExactly(9);
    }

    @Test
    void recordsLargerThanTheKeptBufferStillComeOutWhole() throws IOException {
        byte[] huge = new byte[3 << 20];
        huge[huge.length - 1] = 5;
        byte[] back = ScratchBytes.write(out -> out.write(huge, 0, huge.length));
        assertThat(back).hasSize(huge.length);
        assertThat(back[back.length - 1]).isEqualTo((byte) 5);
        assertThat(ScratchBytes.write(out -> out.write(3))).containsExactly(3);
    }
}

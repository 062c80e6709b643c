package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void utf8IsReadAsUtf8() {
        TextDecoder.Decoded d = TextDecoder.decode("Malmö “quoted” €".getBytes(StandardCharsets.UTF_8), null);
        assertThat(d.text()).isEqualTo("Malmö “quoted” €");
        assertThat(d.note()).isNull();
    }

    @Test
    void cp1252WithoutDeclarationIsSniffed() {
        byte[] bytes = "Malmö “quoted” – 5 €".getBytes(CP1252);
        TextDecoder.Decoded d = TextDecoder.decode(bytes, null);
        assertThat(d.text()).isEqualTo("Malmö “quoted” – 5 €");
        assertThat(d.note()).contains("windows-1252");
    }

    @Test
    void aLoneLatin1ByteInUtf8CopySurvives() {
        byte[] utf8 = "Zürich café ".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[utf8.length + 3];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        mixed[utf8.length] = (byte) 0xA3; // a latin-1 pound sign in the middle of UTF-8 text
        mixed[utf8.length + 1] = '5';
        mixed[utf8.length + 2] = '!';
        assertThat(TextDecoder.decode(mixed, "UTF-8").text()).isEqualTo("Zürich café £5!");
    }

    @Test
    void declaredLatin1IsReadAsCp1252UnlessTheBytesAreUtf8() {
        byte[] cp = "“Grève” à Paris".getBytes(CP1252);
        assertThat(TextDecoder.decode(cp, "ISO-8859-1").text()).isEqualTo("“Grève” à Paris");
        byte[] utf8 = "Grève à Paris".getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded mislabelled = TextDecoder.decode(utf8, "iso-8859-1");
        assertThat(mislabelled.text()).isEqualTo("Grève à Paris");
        assertThat(mislabelled.note()).contains("UTF-8");
    }

    @Test
    void oddAndUnknownDeclaredCharsets() {
        byte[] koi8 = "Москва".getBytes(Charset.forName("KOI8-R"));
        assertThat(TextDecoder.decode(koi8, "koi8-r").text()).isEqualTo("Москва");
        TextDecoder.Decoded unknown = TextDecoder.decode("plain".getBytes(StandardCharsets.US_ASCII), "x-made-up-charset");
        assertThat(unknown.text()).isEqualTo("plain");
        assertThat(unknown.note()).contains("unknown");
    }

    @Test
    void byteOrderMarks() {
        byte[] utf16 = "\uFEFFnews".getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(utf16, null).text()).isEqualTo("news");
        byte[] utf8bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
        assertThat(TextDecoder.decode(utf8bom, null).text()).isEqualTo("ok");
    }

    @Test
    void declarationsAreFound() {
        assertThat(TextDecoder.xmlDeclaredEncoding("<?xml version=\"1.0\" encoding='iso-8859-1'?><a/>"
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo("iso-8859-1");
        assertThat(TextDecoder.htmlDeclaredCharset("<html><head><meta charset=\"windows-1252\">"
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo("windows-1252");
        assertThat(TextDecoder.contentTypeCharset("text/plain; charset=UTF-8")).isEqualTo("UTF-8");
    }
}

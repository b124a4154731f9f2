package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String QUOTED = "<p>“Rain again,” said the harbour master — “it’s the third day.” Ölfur’s café agreed.</p>";

    @Test
    void validUtf8WithoutDeclarationIsUtf8() {
        var decoded = PageDecoder.decode(QUOTED.getBytes(StandardCharsets.UTF_8), null);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(QUOTED);
    }

    @Test
    void undeclaredLegacyBytesAreDetectedAsWindows1252() {
        var decoded = PageDecoder.decode(QUOTED.getBytes(CP1252), null);
        assertThat(decoded.charset()).isEqualTo(CP1252);
        assertThat(decoded.text()).isEqualTo(QUOTED);
    }

    @Test
    void utf16ByteOrderMarkIsHonoured() {
        byte[] body = ("\uFEFF" + QUOTED).getBytes(StandardCharsets.UTF_16LE);
        var decoded = PageDecoder.decode(body, "text/html; charset=iso-8859-1");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(decoded.text()).isEqualTo(QUOTED);
    }

    @Test
    void declaredLegacyCharsetLosesToBytesThatAreClearlyUtf8() {
        var decoded = PageDecoder.decode(QUOTED.getBytes(StandardCharsets.UTF_8), "text/html; charset=windows-1252");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(QUOTED);
    }

    @Test
    void unknownDeclaredCharsetFallsBackToTheBytes() {
        var decoded = PageDecoder.decode(QUOTED.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-no-such-thing");
        assertThat(decoded.text()).isEqualTo(QUOTED);
    }
}

package dev.redline.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of a page into text, choosing the character set the way browsers do and
 * checking the declaration against the bytes: byte-order mark first, then the HTTP
 * {@code Content-Type} charset, then {@code <meta charset>} / {@code http-equiv}; a UTF-8 claim (or
 * no claim) that the bytes contradict falls to ICU's {@link CharsetDetector}. Latin-1 and ASCII
 * labels mean windows-1252, as in the HTML standard, so curly quotes survive. Stateless and
 * thread-safe.
 */
final class PageDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int META_SCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:\\-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([\\w.:\\-]+)");

    private PageDecoder() {
    }

    /** The decoded page and the charset used, for diagnostics. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] body, String contentTypeHeader) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(new String(body, skip, body.length - skip, bom), bom);
        }
        Charset declared = charsetFromHeader(contentTypeHeader);
        if (declared == null) {
            declared = charsetFromMeta(body);
        }
        if (declared != null && !isUtf8(declared)) {
            // a single-byte or legacy declaration: trust it unless the bytes are clearly UTF-8
            String utf8 = hasMultiByteUtf8(body) ? strictUtf8(body) : null;
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8);
            }
            return new Decoded(new String(body, declared), declared);
        }
        String utf8 = strictUtf8(body);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Charset detected = detect(body);
        return new Decoded(new String(body, detected), detected);
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static Charset charsetFromHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    private static Charset charsetFromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** Resolves a label, mapping the labels browsers treat as windows-1252; null when unknown. */
    private static Charset lookup(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")
                || name.equals("ascii") || name.equals("iso8859-1") || name.equals("l1")) {
            return WINDOWS_1252;
        }
        if (name.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset cs = Charset.forName(name);
            // UTF-16 declared inside an 8-bit-readable document is a lie by construction
            return cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean isUtf8(Charset cs) {
        return cs.equals(StandardCharsets.UTF_8);
    }

    private static String strictUtf8(byte[] body) {
        // the JDK's lenient decoding is much faster than a reporting decoder; with no replacement
        // character in its result nothing was malformed, so it is the strict result
        String lenient = new String(body, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasMultiByteUtf8(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b >= 0xC2 && b <= 0xF4 && (body[i + 1] & 0xC0) == 0x80) {
                return true;
            }
        }
        return false;
    }

    private static Charset detect(byte[] body) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(body);
        for (CharsetMatch match : detector.detectAll()) {
            Charset cs = lookup(match.getName());
            if (cs != null && !isUtf8(cs)) {
                return cs;
            }
        }
        return WINDOWS_1252;
    }
}

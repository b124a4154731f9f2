package dev.redline.cli;

/**
 * Text from other sites made safe for a terminal or a log: control characters (which could move the
 * cursor, recolour or retitle the terminal through escape sequences, C1 controls included), line
 * separators and bidi overrides (which could disguise text) are shown as {@code \\uXXXX}. Stateless.
 */
public final class Printable {
    private Printable() {
    }

    /** One line: every control character escaped, line breaks too, so outside text cannot forge a line. */
    public static String of(String text) {
        return escape(text, false);
    }

    /**
     * Many lines Redline itself laid out (a stack trace): line feeds and tabs stay, every other control
     * character is escaped.
     */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean bidiControl = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
            boolean layout = keepLines && (cp == '\n' || cp == '\t');
            if (!layout && (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || bidiControl)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}

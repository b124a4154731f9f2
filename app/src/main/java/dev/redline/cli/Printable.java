package dev.redline.cli;

/**
 * Text from other sites made safe for a terminal: control characters (which could move the cursor,
 * recolour or retitle the terminal through escape sequences), line separators and bidi overrides
 * (which could disguise text) are shown as {@code \\uXXXX}.
 */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean bidiControl = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || bidiControl) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}

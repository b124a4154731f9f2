package dev.redline.feed;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A fetched feed document decoded to text, with what its first bytes and XML prolog say about it.
 *
 * <p>The charset comes from the bytes first (byte-order mark, or the zero-byte pattern of UTF-16/32
 * as the XML spec's Appendix F and RFC 4627 describe; Rome's {@link XmlReader} knows no UTF-32),
 * then from the XML declaration and Content-Type through Rome. For XML, the prolog is read with the
 * JDK's StAX parser with DTD support off, which skips a DOCTYPE without fetching or expanding
 * anything; the DOCTYPE is then blanked out (spaces, newlines kept so line and column numbers in
 * later errors stay true), because the parsers after this one refuse DOCTYPEs. The XML declaration
 * stays: a parser reading decoded text ignores its encoding.
 *
 * @param kind     JSON or XML
 * @param text     the decoded document; for XML without its DOCTYPE
 * @param root     the root element's local name in lower case, or "" for JSON
 * @param rootNs   the root element's namespace URI, or ""
 */
record FeedText(Kind kind, String text, String root, String rootNs) {

    enum Kind { JSON, XML }

    /** Decodes {@code body}; the exception names the first bytes or the line and column at fault. */
    static FeedText decode(byte[] body, String contentType, String url) throws FeedException {
        String text = stripBom(toText(body, contentType, url));
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return new FeedText(Kind.JSON, text, "", "");
        }
        if (!start.startsWith("<")) {
            throw new FeedException("cannot read feed " + url + ": neither XML nor JSON; first bytes: " + firstBytes(body));
        }
        return readProlog(text, url);
    }

    /** The first bytes of a document in hex, for errors about content that is no text Redline knows. */
    static String firstBytes(byte[] body) {
        return HexFormat.ofDelimiter(" ").formatHex(body, 0, Math.min(body.length, 16))
                + (body.length > 16 ? " …" : "");
    }

    private static String toText(byte[] body, String contentType, String url) throws FeedException {
        Charset unicode = unicodeByBytes(body);
        if (unicode != null) {
            return new String(body, unicode);
        }
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && (body[first] == '{' || body[first] == '[')) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            StringBuilder out = new StringBuilder(body.length);
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new FeedException("cannot read feed " + url + ": unknown encoding (" + e.getMessage()
                    + "); first bytes: " + firstBytes(body), e);
        }
    }

    /** UTF-8/16/32 told by a byte-order mark or by where the zero bytes of "&lt;" or "{" fall; else null. */
    private static Charset unicodeByBytes(byte[] b) {
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
            return Charset.forName("UTF-32BE");
        }
        if (n >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return Charset.forName("UTF-32BE");
        }
        if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (n >= 2 && b[0] == 0 && b[1] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 2 && b[0] != 0 && b[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static FeedText readProlog(String text, String url) throws FeedException {
        StringBuilder cleaned = new StringBuilder(text);
        XMLStreamReader reader = null;
        try {
            reader = prologFactory().createXMLStreamReader(new StringReader(text));
            int markupEnd = reader.getLocation().getCharacterOffset();
            while (reader.hasNext()) {
                int event = reader.next();
                int offset = reader.getLocation().getCharacterOffset();
                if (event == XMLStreamConstants.DTD) {
                    blank(cleaned, markupEnd, offset);
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    return new FeedText(Kind.XML, cleaned.toString(), reader.getLocalName().toLowerCase(Locale.ROOT),
                            ns == null ? "" : ns);
                }
                markupEnd = offset;
            }
            throw new FeedException("cannot read feed " + url + ": XML without a root element");
        } catch (XMLStreamException e) {
            throw new FeedException("cannot read feed " + url + ": not well-formed XML" + where(e) + ": " + parserMessage(e), e);
        } finally {
            close(reader);
        }
    }

    /** Replaces [from, to) with spaces, keeping line breaks. */
    private static void blank(StringBuilder text, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
    }

    static String where(XMLStreamException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    /** The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the location is told separately. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened but a StringReader
            }
        }
    }

    /** A new factory each time: the JDK does not promise a shared one is safe across threads. */
    private static XMLInputFactory prologFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}

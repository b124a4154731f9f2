package dev.redline.web;

import dev.redline.diff.DiffResult;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A share card: a 1200×630 PNG of a diff (the size og:image and twitter:card
 * {@code summary_large_image} expect), drawn on the server with Java2D, headless: the source and
 * time, the headline, and the changed sentences with deletions struck through in red and
 * insertions underlined in green, as many as fit. Its alt text is "Before: … After: …".
 * Stateless and thread-safe.
 */
final class ShareCard {
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    private static final int MARGIN = 56;
    private static final int ALT_CHARS = 200;
    private static final Color INK = new Color(0x1b1b1b);
    private static final Color MUTED = new Color(0x666666);
    private static final Color DEL_BG = new Color(0xfbe9e9);
    private static final Color DEL_INK = new Color(0x8a1414);
    private static final Color ADD_BG = new Color(0xe6f4ea);
    private static final Color ADD_INK = new Color(0x0b5b1f);

    private ShareCard() {
    }

    /** The card as PNG bytes. */
    static byte[] png(DiffResult diff, DiffView view, String source, Instant at) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xc0392b));
            g.fillRect(0, 0, WIDTH, 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            g.setColor(MUTED);
            g.drawString(oneLine((source == null ? "" : source + " · ") + Fmt.time(at) + " · Redline"), MARGIN, 60);
            Layout layout = new Layout(g, MARGIN, 110, WIDTH - MARGIN, HEIGHT - MARGIN);
            layout.pieces(view.title(), new Font(Font.SERIF, Font.BOLD, 40));
            layout.gap(18);
            Font body = new Font(Font.SERIF, Font.PLAIN, 28);
            for (DiffView.Cell line : view.lines()) {
                if (line.kind().equals("same") || line.kind().equals("moved-away") || !layout.room()) {
                    continue;
                }
                layout.pieces(line.pieces().isEmpty() ? List.of() : pieces(line), body);
                layout.gap(12);
            }
            if (!layout.room()) {
                layout.ellipsis(body);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A whole added or deleted sentence shows as one inserted or deleted run. */
    private static List<DiffView.Piece> pieces(DiffView.Cell line) {
        if (line.kind().equals("add") || line.kind().equals("delete")) {
            return line.pieces().stream().map(p -> new DiffView.Piece(p.text(), line.kind())).toList();
        }
        return line.pieces();
    }

    /** "Before: old After: new" for the headline when it changed, else the first changed sentence. */
    static String altText(DiffResult diff) {
        if (diff.title().changed()) {
            return "Before: " + cut(diff.title().oldText()) + " After: " + cut(diff.title().newText());
        }
        for (SentenceOp op : diff.ops()) {
            if (op.op() == OpKind.EDIT || op.op() == OpKind.ADD || op.op() == OpKind.DELETE) {
                return "Before: " + (op.oldText() == null ? "(nothing)" : cut(op.oldText()))
                        + " After: " + (op.newText() == null ? "(removed)" : cut(op.newText()));
            }
        }
        return "Before and after: " + cut(diff.title().newText()) + " (no sentence changed)";
    }

    private static String cut(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= ALT_CHARS ? t : t.substring(0, ALT_CHARS - 1) + "…";
    }

    /** Word-wrapping text runs into a box, line by line, until the box is full. */
    private static final class Layout {
        private final Graphics2D g;
        private final int left;
        private final int right;
        private final int bottom;
        private int x;
        private int y;

        Layout(Graphics2D g, int left, int top, int right, int bottom) {
            this.g = g;
            this.left = left;
            this.right = right;
            this.bottom = bottom;
            this.x = left;
            this.y = top;
        }

        boolean room() {
            return y < bottom;
        }

        void gap(int pixels) {
            y += pixels;
        }

        void pieces(List<DiffView.Piece> pieces, Font font) {
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int lineHeight = fm.getHeight();
            x = left;
            y += fm.getAscent();
            for (DiffView.Piece piece : pieces) {
                for (String word : oneLine(piece.text()).split(" ")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    int w = fm.stringWidth(word);
                    if (x > left && x + w > right) {
                        x = left;
                        y += lineHeight;
                    }
                    if (y > bottom) {
                        return;
                    }
                    draw(word, piece.kind(), fm, w);
                    x += w + fm.stringWidth(" ");
                }
            }
            y += fm.getDescent();
        }

        private void draw(String word, String kind, FontMetrics fm, int w) {
            boolean add = kind.equals("add");
            boolean del = kind.equals("delete");
            if (add || del) {
                g.setColor(add ? ADD_BG : DEL_BG);
                g.fillRect(x - 2, y - fm.getAscent(), w + 4, fm.getAscent() + fm.getDescent());
            }
            g.setColor(add ? ADD_INK : del ? DEL_INK : INK);
            g.drawString(word, x, y);
            if (add || del) {
                int lineY = add ? y + 3 : y - fm.getAscent() / 3;
                g.fillRect(x, lineY, w, 2);
            }
        }

        void ellipsis(Font font) {
            g.setFont(font);
            g.setColor(MUTED);
            g.drawString("…", left, bottom + 20);
        }
    }

    /** Text for one drawn line: control characters and runs of white space become single spaces. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ");
    }
}

package dev.redline.cli;

import dev.redline.diff.DiffResult;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import dev.redline.diff.TitleChange;
import dev.redline.diff.WordOp;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * A diff as one self-contained HTML page: old version on the left, new on the right, one row per
 * sentence op in reading order of the new version, word changes marked with {@code <del>} and
 * {@code <ins>}. No scripts, no external resources (the CSS is embedded), every text from the
 * versions HTML-escaped. Stateless and thread-safe.
 */
final class DiffHtml {
    private static final String CSS = """
            body{font:16px/1.5 Georgia,serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
            h1{font-size:1.4em}.meta{color:#666;font:14px sans-serif;margin-bottom:1em}
            table{border-collapse:collapse;width:100%;table-layout:fixed}
            th{font:bold 14px sans-serif;text-align:left;border-bottom:2px solid #ccc;padding:.3em .6em}
            td{vertical-align:top;padding:.3em .6em;border-bottom:1px solid #eee}
            .kind{width:5.5em}td.kind{font:12px sans-serif;color:#666}
            tr.same td.text{color:#555}
            tr.add td.new,tr.delete td.old{background:#f6f6f6}
            tr.add td.new{background:#e6ffec}tr.delete td.old{background:#ffebe9}
            tr.move td{background:#f3f0ff}
            del{background:#ffc0c0;text-decoration:line-through}ins{background:#abf2bc;text-decoration:none}
            .boring{display:inline-block;background:#eee;border-radius:3px;padding:0 .4em}
            """;

    private DiffHtml() {
    }

    static String render(DiffResult diff, String oldName, String newName) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(esc("Diff: " + headline(diff.title()))).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(title(diff.title())).append("</h1>\n");
        if (diff.byline().old() != null || diff.byline().new_() != null) {
            h.append("<p class=\"byline\">").append(title(diff.byline())).append("</p>\n");
        }
        h.append("<p class=\"meta\">");
        if (diff.gap() != null) {
            h.append(esc(diff.gap())).append(" · ");
        }
        var s = diff.stats();
        h.append(s.edited()).append(" edited, ").append(s.added()).append(" added, ").append(s.deleted())
                .append(" deleted, ").append(s.moved()).append(" moved");
        if (diff.boring()) {
            h.append(" · <span class=\"boring\">boring: ").append(esc(diff.boringReason())).append("</span>");
        }
        h.append("</p>\n<table>\n<thead><tr><th class=\"kind\"></th><th>").append(esc(oldName))
                .append("</th><th>").append(esc(newName)).append("</th></tr></thead>\n<tbody>\n");
        for (SentenceOp op : diff.ops()) {
            h.append("<tr class=\"").append(op.op()).append("\"><td class=\"kind\">").append(DiffText.kindLabel(op)).append("</td>")
                    .append("<td class=\"text old\">").append(side(op, OpKind.DELETE)).append("</td>")
                    .append("<td class=\"text new\">").append(side(op, OpKind.ADD)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</body></html>\n");
        return h.toString();
    }

    private static String headline(TitleChange t) {
        return t.new_() != null ? t.new_() : t.old() == null ? "" : t.old();
    }

    private static String title(TitleChange t) {
        if (!t.changed()) {
            return esc(headline(t));
        }
        return "<span class=\"old\">" + words(t.words(), OpKind.DELETE) + "</span><br>"
                + "<span class=\"new\">" + words(t.words(), OpKind.ADD) + "</span>";
    }

    /** One side of an op: the old side shows deletions, the new side additions. */
    private static String side(SentenceOp op, OpKind change) {
        String text = change == OpKind.DELETE ? op.old() : op.new_();
        if (text == null) {
            return "";
        }
        return op.words().isEmpty() ? esc(text) : words(op.words(), change);
    }

    private static String words(List<WordOp> words, OpKind change) {
        StringBuilder s = new StringBuilder();
        String tag = change == OpKind.DELETE ? "del" : "ins";
        for (WordOp w : words) {
            if (w.op() != OpKind.SAME && w.op() != change) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(w.op() == OpKind.SAME ? esc(w.text()) : "<" + tag + ">" + esc(w.text()) + "</" + tag + ">");
        }
        return s.toString();
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }
}

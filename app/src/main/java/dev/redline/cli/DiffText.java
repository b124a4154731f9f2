package dev.redline.cli;

import dev.redline.diff.DiffResult;
import dev.redline.diff.DiffStats;
import dev.redline.diff.SentenceOp;
import dev.redline.diff.TitleChange;
import dev.redline.diff.WordOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A diff for the terminal: a header (headline, byline, gap, counts, boring flag), then one line
 * per sentence op in reading order of the new version. With colour, deleted words are red and
 * added words green; without, they are marked {@code [-deleted-]} and {@code {+added+}} (wdiff
 * style) so the output still reads in a pipe or a log. Control characters in the (untrusted)
 * text are shown as {@code ?} so a page cannot send escape sequences to the terminal. Stateless
 * and thread-safe.
 */
final class DiffText {
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String DIM = "\u001B[2m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private DiffText() {
    }

    static String render(DiffResult diff, boolean color) {
        Painter p = new Painter(color);
        StringBuilder out = new StringBuilder();
        line(out, p, "Headline", diff.title());
        if (diff.byline().oldText() != null || diff.byline().newText() != null) {
            line(out, p, "Byline", diff.byline());
        }
        List<String> facts = new ArrayList<>();
        if (diff.gap() != null) {
            facts.add(diff.gap());
        }
        facts.add(summary(diff.stats()));
        if (diff.boring()) {
            facts.add("boring: " + diff.boringReason());
        }
        out.append(p.dim(String.join(" · ", facts))).append('\n').append('\n');
        for (SentenceOp op : diff.ops()) {
            out.append(op(op, p)).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Painter p, String label, TitleChange change) {
        out.append(p.bold(label + ": "));
        if (change.changed()) {
            out.append(words(change.words(), p));
        } else {
            out.append(Printable.of(change.newText()));
        }
        out.append('\n');
    }

    /** "edit", or "split" / "merge" for an edit covering two sentences on one side; "same", "add"… */
    private static String kindLabel(SentenceOp op) {
        if (op.newIndexEnd() != null) {
            return "split";
        }
        return op.oldIndexEnd() != null ? "merge" : op.op().toString();
    }

    private static String summary(DiffStats s) {
        if (s.bodyUnchanged()) {
            return "body unchanged";
        }
        List<String> parts = new ArrayList<>();
        count(parts, s.edited(), "edited");
        count(parts, s.added(), "added");
        count(parts, s.deleted(), "deleted");
        count(parts, s.moved(), "moved");
        return String.join(", ", parts) + " (+" + s.wordsAdded() + "/-" + s.wordsDeleted() + " words)";
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + (n == 1 ? " sentence " : " sentences ") + what);
        }
    }

    private static String op(SentenceOp op, Painter p) {
        return switch (op.op()) {
            case SAME -> p.dim("  " + Printable.of(op.newText()));
            case ADD -> p.green("+ " + Printable.of(op.newText()));
            case DELETE -> p.red("- " + Printable.of(op.oldText()));
            case EDIT -> "~ " + (op.oldIndexEnd() != null || op.newIndexEnd() != null ? p.dim("(" + kindLabel(op) + ") ") : "")
                    + words(op.words(), p);
            case MOVE -> "> " + p.dim("(moved from sentence " + (op.oldIndex() + 1) + ") ")
                    + (op.words().isEmpty() ? Printable.of(op.newText()) : words(op.words(), p));
        };
    }

    private static String words(List<WordOp> words, Painter p) {
        StringBuilder s = new StringBuilder();
        for (WordOp w : words) {
            if (!s.isEmpty() && w.spaceBefore()) {
                s.append(' ');
            }
            String text = Printable.of(w.text());
            s.append(switch (w.op()) {
                case ADD -> p.added(text);
                case DELETE -> p.deleted(text);
                default -> text;
            });
        }
        return s.toString();
    }

    /** Colour or plain markers, chosen once. */
    private record Painter(boolean color) {
        String red(String s) {
            return color ? RED + s + RESET : s;
        }

        String green(String s) {
            return color ? GREEN + s + RESET : s;
        }

        String dim(String s) {
            return color ? DIM + s + RESET : s;
        }

        String bold(String s) {
            return color ? BOLD + s + RESET : s;
        }

        String deleted(String s) {
            return color ? RED + "\u001B[9m" + s + RESET : "[-" + s + "-]";
        }

        String added(String s) {
            return color ? GREEN + "\u001B[4m" + s + RESET : "{+" + s + "+}";
        }
    }
}

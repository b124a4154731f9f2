package dev.redline.web;

import dev.redline.diff.DiffResult;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import dev.redline.diff.TitleChange;
import dev.redline.diff.WordOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A {@link DiffResult} laid out for the diff page: rows of old and new cells for the side-by-side
 * view, and one line per sentence for the inline view. A moved sentence appears at its new place
 * ("moved from sentence 3") and leaves a marker at its old place ("moved to sentence 7"), each
 * linking to the other by fragment, so the page needs no script. Immutable.
 *
 * @param title  headline pieces (word-level when the headline changed)
 * @param byline byline pieces, or empty when the byline did not change
 * @param rows   side-by-side rows
 * @param lines  inline lines
 */
public record DiffView(List<Piece> title, List<Piece> byline, List<Row> rows, List<Cell> lines) {

    /**
     * A run of text: {@code kind} is "same", "add" or "delete" (or "hit" in search snippets);
     * {@code spaceBefore} whether a space goes between it and the piece before.
     */
    public record Piece(String text, String kind, boolean spaceBefore) {
        /** A piece that carries its own spacing (the whole text, or a cut of it). */
        public Piece(String text, String kind) {
            this(text, kind, false);
        }
    }

    /**
     * One sentence as shown: {@code kind} is same, edit, add, delete, move (arrived here) or
     * moved-away (left from here); {@code anchor} its fragment id; {@code note}/{@code noteHref}
     * say where a moved sentence came from or went; {@code paragraph} whether it begins a paragraph
     * of its version.
     */
    public record Cell(String kind, List<Piece> pieces, String anchor, String note, String noteHref, boolean paragraph) {
        static final Cell EMPTY = new Cell("empty", List.of(), null, null, null, false);

        public boolean empty() {
            return pieces.isEmpty();
        }

        Cell startingParagraph(boolean starts) {
            return starts == paragraph ? this : new Cell(kind, pieces, anchor, note, noteHref, starts);
        }
    }

    public record Row(Cell oldCell, Cell newCell) {
        /** A row begins a paragraph when either of its sentences does. */
        public boolean paragraph() {
            return oldCell.paragraph() || newCell.paragraph();
        }
    }

    static DiffView of(DiffResult diff) {
        List<Row> rows = new ArrayList<>();
        List<Integer> rowOldIndex = new ArrayList<>();
        List<Cell> lines = new ArrayList<>();
        List<SentenceOp> moves = new ArrayList<>();
        Set<Integer> oldStarts = Set.copyOf(diff.oldParagraphStarts());
        Set<Integer> newStarts = Set.copyOf(diff.newParagraphStarts());
        for (SentenceOp op : diff.ops()) {
            boolean oldStart = op.oldIndex() != null && oldStarts.contains(op.oldIndex());
            boolean newStart = op.newIndex() != null && newStarts.contains(op.newIndex());
            switch (op.op()) {
                case SAME -> {
                    rows.add(new Row(plain("same", op.oldText(), oldAnchor(op)).startingParagraph(oldStart),
                            plain("same", op.newText(), newAnchor(op)).startingParagraph(newStart)));
                    lines.add(plain("same", op.newText(), newAnchor(op)).startingParagraph(newStart));
                }
                case EDIT -> {
                    String note = op.newIndexEnd() != null ? "split" : op.oldIndexEnd() != null ? "merged" : null;
                    rows.add(new Row(words("edit", op.words(), OpKind.ADD, oldAnchor(op), null, null).startingParagraph(oldStart),
                            words("edit", op.words(), OpKind.DELETE, newAnchor(op), note, null).startingParagraph(newStart)));
                    lines.add(words("edit", op.words(), null, newAnchor(op), note, null).startingParagraph(newStart));
                }
                case ADD -> {
                    rows.add(new Row(Cell.EMPTY, plain("add", op.newText(), newAnchor(op)).startingParagraph(newStart)));
                    lines.add(plain("add", op.newText(), newAnchor(op)).startingParagraph(newStart));
                }
                case DELETE -> {
                    rows.add(new Row(plain("delete", op.oldText(), oldAnchor(op)).startingParagraph(oldStart), Cell.EMPTY));
                    lines.add(plain("delete", op.oldText(), oldAnchor(op)).startingParagraph(oldStart));
                }
                case MOVE -> {
                    moves.add(op);
                    String note = "moved here from sentence " + number(op.oldIndex());
                    Cell arrived = (op.words().isEmpty()
                            ? new Cell("move", List.of(new Piece(op.newText(), "same")), newAnchor(op), note, "#" + oldAnchor(op), false)
                            : words("move", op.words(), OpKind.DELETE, newAnchor(op), note, "#" + oldAnchor(op)))
                            .startingParagraph(newStart);
                    rows.add(new Row(Cell.EMPTY, arrived));
                    lines.add(op.words().isEmpty() ? arrived
                            : words("move", op.words(), null, newAnchor(op), note, "#" + oldAnchor(op)).startingParagraph(newStart));
                }
            }
            rowOldIndex.add(op.op() == OpKind.MOVE ? null : op.oldIndex());
        }
        return new DiffView(titlePieces(diff.title()), diff.byline() != null && diff.byline().changed()
                ? titlePieces(diff.byline()) : List.of(), placeMovedAway(rows, rowOldIndex, moves, oldStarts, false),
                placeMovedAway(lines, rowOldIndex, moves, oldStarts, true));
    }

    /**
     * Inserts a "moved to" marker where each moved sentence used to stand: before the first row
     * whose old sentence came after it. Rows that are not moves keep both orders, so this place
     * is well defined.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> placeMovedAway(List<T> items, List<Integer> itemOldIndex, List<SentenceOp> moves,
                                              Set<Integer> oldStarts, boolean inline) {
        List<List<T>> before = new ArrayList<>();
        for (int i = 0; i <= items.size(); i++) {
            before.add(new ArrayList<>());
        }
        moves.stream().sorted(Comparator.comparing(SentenceOp::oldIndex)).forEach(move -> {
            int at = items.size();
            for (int i = 0; i < items.size(); i++) {
                Integer oldIndex = itemOldIndex.get(i);
                if (oldIndex != null && oldIndex > move.oldIndex()) {
                    at = i;
                    break;
                }
            }
            Cell away = new Cell("moved-away", List.of(new Piece(move.oldText(), "same")), oldAnchor(move),
                    "moved to sentence " + number(move.newIndex()), "#" + newAnchor(move), oldStarts.contains(move.oldIndex()));
            before.get(at).add((T) (inline ? away : new Row(away, Cell.EMPTY)));
        });
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.addAll(before.get(i));
            out.add(items.get(i));
        }
        out.addAll(before.get(items.size()));
        return List.copyOf(out);
    }

    private static List<Piece> titlePieces(TitleChange change) {
        if (!change.changed() || change.words().isEmpty()) {
            return List.of(new Piece(change.newText() == null ? "" : change.newText(), "same"));
        }
        return pieces(change.words(), null);
    }

    private static Cell plain(String kind, String text, String anchor) {
        return new Cell(kind, List.of(new Piece(text, "same")), anchor, null, null, false);
    }

    /** The word runs of an edit, leaving out those of kind {@code skip} (null keeps all). */
    private static Cell words(String kind, List<WordOp> words, OpKind skip, String anchor, String note, String href) {
        return new Cell(kind, pieces(words, skip), anchor, note, href, false);
    }

    /** The runs shown on one side (leaving out {@code skip}), the first with no space before it. */
    private static List<Piece> pieces(List<WordOp> words, OpKind skip) {
        List<Piece> pieces = new ArrayList<>(words.size());
        for (WordOp w : words) {
            if (w.op() != skip) {
                pieces.add(new Piece(w.text(), w.op().toString(), w.spaceBefore() && !pieces.isEmpty()));
            }
        }
        return pieces;
    }

    private static String oldAnchor(SentenceOp op) {
        return op.oldIndex() == null ? null : "o" + op.oldIndex();
    }

    private static String newAnchor(SentenceOp op) {
        return op.newIndex() == null ? null : "n" + op.newIndex();
    }

    private static int number(Integer index) {
        return index + 1;
    }
}

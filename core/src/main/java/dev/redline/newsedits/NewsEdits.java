package dev.redline.newsedits;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SentenceOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the NewsEdits rows ({@link EditRow}) of an article's history: the one rule shared by
 * {@code redline export --format newsedits} and the Spark {@code edits} job, so both write the
 * same rows for the same input. Stateless and thread-safe.
 */
public final class NewsEdits {
    private NewsEdits() {
    }

    /**
     * One version as the rows need it.
     *
     * @param number    version number
     * @param fetchedAt when it was seen
     * @param text      its text
     * @param boring    its stored boring flag
     */
    public record Version(int number, Instant fetchedAt, ArticleText text, boolean boring) {
    }

    /** The rows of every consecutive pair of versions of one article ({@code versions} oldest first). */
    public static List<EditRow> rows(String url, String source, List<Version> versions) {
        List<EditRow> rows = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            Version a = versions.get(i - 1);
            Version b = versions.get(i);
            DiffResult diff = Diff.compare(a.text(), b.text(), a.fetchedAt(), b.fetchedAt());
            for (SentenceOp op : diff.ops()) {
                rows.add(new EditRow(url, source, a.number(), b.number(), a.fetchedAt(), b.fetchedAt(), op.op(),
                        op.oldIndex(), op.newIndex(), op.oldIndexEnd(), op.newIndexEnd(), op.oldText(), op.newText(), b.boring()));
            }
        }
        return rows;
    }
}

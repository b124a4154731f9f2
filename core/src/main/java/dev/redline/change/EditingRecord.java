package dev.redline.change;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One source's editing record: how many of its articles changed after publication, how soon, and
 * per ISO week (Monday, UTC) its headline changes, corrections, stealth edits and unpublished
 * articles. The one computation of these figures: the source page, its CSV/JSON downloads and the
 * batch {@code stats} job all call {@link #of}. Immutable.
 *
 * @param source            the source's name
 * @param articles          how many articles it has with at least one version
 * @param changed           how many changed (not cosmetically) after they were first seen
 * @param medianFirstChange the median time from first sight to first change over those, or null when none changed
 * @param weeks             the weeks with any activity, oldest first
 */
public record EditingRecord(String source, int articles, int changed, Duration medianFirstChange, List<Week> weeks) {
    public EditingRecord {
        weeks = List.copyOf(weeks);
    }

    /**
     * One week of a source's record.
     *
     * @param start       the Monday it begins (UTC)
     * @param published   articles first seen that week
     * @param headlines   headline changes (a headline test counts once)
     * @param corrections correction notes added
     * @param stealth     stealth edits
     * @param unpublished articles taken down
     */
    public record Week(LocalDate start, int published, int headlines, int corrections, int stealth, int unpublished) {
    }

    /** The record of {@code source} over its articles' edits. */
    public static EditingRecord of(String source, List<ArticleEdits> articles) {
        List<Duration> firstChanges = new ArrayList<>();
        Map<LocalDate, int[]> weeks = new TreeMap<>();
        for (ArticleEdits a : articles) {
            if (!a.changes().isEmpty()) {
                firstChanges.add(Duration.between(a.published(), a.changes().getFirst()));
            }
            count(weeks, List.of(a.published()), 0);
            count(weeks, a.headlines(), 1);
            count(weeks, a.corrections(), 2);
            count(weeks, a.stealth(), 3);
            count(weeks, a.unpublished() == null ? List.of() : List.of(a.unpublished()), 4);
        }
        firstChanges.sort(null);
        Duration median = firstChanges.isEmpty() ? null : median(firstChanges);
        List<Week> rows = weeks.entrySet().stream()
                .map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .toList();
        return new EditingRecord(source, articles.size(), firstChanges.size(), median, rows);
    }

    private static void count(Map<LocalDate, int[]> weeks, List<Instant> times, int column) {
        for (Instant t : times) {
            weeks.computeIfAbsent(weekOf(t), w -> new int[5])[column]++;
        }
    }

    /** The Monday (UTC) of the ISO week {@code t} falls in. */
    public static LocalDate weekOf(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}

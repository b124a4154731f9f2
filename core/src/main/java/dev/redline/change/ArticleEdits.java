package dev.redline.change;

import dev.redline.article.ArticleText;
import dev.redline.text.Normalize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When one article was edited after publication, as {@link EditingRecord} counts it.
 *
 * @param published   when it was first seen
 * @param changes     when each non-cosmetic version after the first was seen, ascending
 * @param headlines   when the headline changed, a headline test counted once at its start
 * @param corrections when a correction note was added
 * @param stealth     when a stealth edit was made
 * @param unpublished when it was taken down, or null
 */
public record ArticleEdits(Instant published, List<Instant> changes, List<Instant> headlines, List<Instant> corrections,
                           List<Instant> stealth, Instant unpublished) {
    public ArticleEdits {
        changes = List.copyOf(changes);
        headlines = List.copyOf(headlines);
        corrections = List.copyOf(corrections);
        stealth = List.copyOf(stealth);
    }

    /**
     * Reads an article's history with its events: the flip-flops among them are sightings and the
     * first take-down is when it was unpublished ({@link HistoryEvent}). The source page and the
     * batch {@code stats} job both read a history this way.
     *
     * @param versions its stored versions, oldest first (at least one)
     * @param events   its events, oldest first
     * @param now      the time of the question, for headline tests that may still run
     */
    public static ArticleEdits of(List<EditedVersion> versions, List<HistoryEvent> events, Instant now) {
        List<ArticleText> texts = versions.stream().map(EditedVersion::text).toList();
        return of(versions, HistoryEvent.flipFlops(events, texts), HistoryEvent.takenDown(events), now);
    }

    /**
     * Reads an article's history.
     *
     * @param versions    its stored versions, oldest first (at least one)
     * @param flipFlops   earlier texts shown again, which headline tests count as sightings
     * @param unpublished when it was taken down, or null
     * @param now         the time of the question, for headline tests that may still run
     */
    public static ArticleEdits of(List<EditedVersion> versions, List<Sighting> flipFlops, Instant unpublished, Instant now) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an article's history needs at least one version");
        }
        List<Sighting> sightings = new ArrayList<>(flipFlops);
        versions.forEach(v -> sightings.add(new Sighting(v.at(), v.text())));
        List<HeadlineTest> tests = HeadlineTests.find(sightings, now);
        List<Instant> changes = new ArrayList<>();
        List<Instant> headlines = new ArrayList<>();
        List<Instant> corrections = new ArrayList<>();
        List<Instant> stealth = new ArrayList<>();
        tests.forEach(t -> headlines.add(t.firstSeen()));
        for (int k = 0; k < versions.size(); k++) {
            EditedVersion v = versions.get(k);
            if (k > 0 && !v.boring()) {
                changes.add(v.at());
                boolean retitled = !Normalize.key(versions.get(k - 1).text().title()).equals(Normalize.key(v.text().title()));
                if (retitled && tests.stream().noneMatch(t -> within(t, v.at()))) {
                    headlines.add(v.at());
                }
            }
            if (v.change().notes().stream().anyMatch(n -> n.kind() == NoteKind.CORRECTION)) {
                corrections.add(v.at());
            }
            if (v.change().stealth()) {
                stealth.add(v.at());
            }
        }
        headlines.sort(null);
        return new ArticleEdits(versions.getFirst().at(), changes, headlines, corrections, stealth, unpublished);
    }

    /** Headline tests: which of an article's sightings form one (see {@link HeadlineTests#find}). */
    private static boolean within(HeadlineTest test, Instant at) {
        return !at.isBefore(test.firstSeen()) && !at.isAfter(test.lastSeen());
    }
}

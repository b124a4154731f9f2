package dev.redline.change;

import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds headline tests in an article's sightings: a run of sightings within {@link #WINDOW} of its
 * first, over a body that stays within {@link #BODY_SIMILARITY} of the first's, in which a headline
 * comes back after another was shown (A/B/A). A headline that only ever moves on (A/B/C) is
 * rewritten, not tested. Stateless and thread-safe.
 */
public final class HeadlineTests {
    /** How long a newsroom's test runs at most: studies of A/B headline tests find hours, not days. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /**
     * How long a test must go without a new sighting to count as over: the tracker stores changes,
     * not every check, so a page left on one variant leaves no trace but this quiet.
     */
    public static final Duration STOPPED_AFTER = Duration.ofHours(6);
    /** Share of body words both texts keep for the body to count as "nearly unchanged". */
    static final double BODY_SIMILARITY = 0.9;

    private HeadlineTests() {
    }

    /**
     * The headline tests in {@code sightings} (any order), oldest first.
     *
     * @param now the time of the question: a test seen within {@link #STOPPED_AFTER} of it, with
     *            nothing seen after, may still be running, so it has no winner yet
     */
    public static List<HeadlineTest> find(List<Sighting> sightings, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Sighting> seen = sightings.stream().sorted(Comparator.comparing(Sighting::at)).toList();
        List<String> titles = seen.stream().map(s -> Normalize.key(s.text().title())).toList();
        List<Map<String, Integer>> bodies = seen.stream().map(s -> bag(s.text().bodyText())).toList();
        List<HeadlineTest> tests = new ArrayList<>();
        int start = 0;
        while (start < seen.size()) {
            int end = start;
            while (end + 1 < seen.size()
                    && !seen.get(end + 1).at().isAfter(seen.get(start).at().plus(WINDOW))
                    && similarity(bodies.get(start), bodies.get(end + 1)) >= BODY_SIMILARITY) {
                end++;
            }
            if (alternates(titles.subList(start, end + 1))) {
                tests.add(test(seen, titles, start, end, now));
                start = end + 1;
            } else {
                start++;
            }
        }
        return tests;
    }

    /**
     * Whether {@link #find} can find any test in {@code sightings} (any order), whatever their bodies:
     * only if, in time order, a headline comes back after another was shown. A reader that gets
     * false may leave the bodies unread (a test is such a return within a run of sightings, and a
     * run is a stretch of the whole).
     */
    public static boolean possible(List<Sighting> sightings) {
        return alternates(sightings.stream().sorted(Comparator.comparing(Sighting::at)).map(s -> Normalize.key(s.text().title())).toList());
    }

    /** Whether a headline comes back after a different one was shown. */
    private static boolean alternates(List<String> titles) {
        Map<String, Integer> lastAt = new HashMap<>();
        for (int k = 0; k < titles.size(); k++) {
            Integer before = lastAt.put(titles.get(k), k);
            if (before != null && before < k - 1) {
                return true;
            }
        }
        return false;
    }

    private static HeadlineTest test(List<Sighting> seen, List<String> titles, int start, int end, Instant now) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int k = start; k <= end; k++) {
            shown.putIfAbsent(titles.get(k), seen.get(k).text().title());
            counts.merge(titles.get(k), 1, Integer::sum);
        }
        Instant last = seen.get(end).at();
        boolean stopped = end + 1 < seen.size() || now.isAfter(last.plus(STOPPED_AFTER));
        return new HeadlineTest(List.copyOf(shown.values()), shown.keySet().stream().map(counts::get).toList(),
                seen.get(start).at(), last, stopped ? seen.get(end).text().title() : null);
    }

    private static Map<String, Integer> bag(String body) {
        Map<String, Integer> words = new HashMap<>();
        for (String token : Words.tokens(Normalize.looseKey(body))) {
            words.merge(token, 1, Integer::sum);
        }
        return words;
    }

    /** Shared words over the larger body's word count (1 for two empty bodies). */
    private static double similarity(Map<String, Integer> a, Map<String, Integer> b) {
        int shared = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            shared += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        int larger = Math.max(a.values().stream().mapToInt(Integer::intValue).sum(), b.values().stream().mapToInt(Integer::intValue).sum());
        return larger == 0 ? 1 : shared / (double) larger;
    }
}

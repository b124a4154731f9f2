package dev.redline.change;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of an article's history as the editing record reads it: when, its kind by wire name
 * (the names of the app's {@code store.EventKind}, as {@code redline export} writes them and the
 * store keeps them), and its detail. Only two readings matter here, so the source page and the
 * batch {@code stats} job read them the same way: which events say the article was taken down,
 * and which earlier version a flip-flop showed again. Immutable.
 *
 * @param at     when it happened
 * @param kind   the kind's wire name
 * @param detail the kind's detail, or null
 */
public record HistoryEvent(Instant at, String kind, String detail) {
    /** The wire names of the kinds that mean the article was taken down (404/410, or unpublished). */
    public static final Set<String> TAKEN_DOWN = Set.of("gone", "unpublished");
    /** The wire name of a flip-flop: the page went back to an earlier version. */
    public static final String FLIP_FLOP = "flip-flop";
    /** A flip-flop's detail names the version shown again (the recorder's wording, "the page shows version N again"). */
    private static final Pattern SHOWN_AGAIN = Pattern.compile("shows version (\\d+) again");

    public HistoryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }

    /** The flip-flop detail the recorder writes when the page shows version {@code shown} again after {@code latest}. */
    public static String flipFlopDetail(int shown, int latest) {
        return "the page shows version " + shown + " again (latest is " + latest + ")";
    }

    /** When the first event that says the article was taken down happened, or null while it is up. */
    public static Instant takenDown(List<HistoryEvent> events) {
        return events.stream().filter(e -> TAKEN_DOWN.contains(e.kind())).map(HistoryEvent::at).findFirst().orElse(null);
    }

    /**
     * The flip-flops among {@code events} as sightings of the versions they showed again (what
     * headline tests count besides the versions); one naming no stored version is left out.
     *
     * @param versions the article's version texts, index = version number
     */
    public static List<Sighting> flipFlops(List<HistoryEvent> events, List<ArticleText> versions) {
        List<Sighting> out = new ArrayList<>();
        for (HistoryEvent e : events) {
            Matcher m = FLIP_FLOP.equals(e.kind()) && e.detail() != null ? SHOWN_AGAIN.matcher(e.detail()) : null;
            if (m != null && m.find()) {
                int shown = Integer.parseInt(m.group(1));
                if (shown < versions.size()) {
                    out.add(new Sighting(e.at(), versions.get(shown)));
                }
            }
        }
        return out;
    }
}

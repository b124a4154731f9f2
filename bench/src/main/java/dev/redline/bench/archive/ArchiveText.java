package dev.redline.bench.archive;

import dev.redline.article.ArticleText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated news histories: article {@code i} of a run is drawn from its own seed, so any article can
 * be regenerated alone and two runs with the same seed write the same texts. Each history is a
 * first version of 6 to 13 paragraphs followed by 0 to 18 edits (ten versions on average), each edit
 * one of what newsrooms do: a typo or punctuation fix (cosmetic), a rewritten headline, a headline
 * test going back to an earlier headline within hours, a changed figure, name or quotation (stealth
 * unless noted), a correction or update note, an added or deleted paragraph. Edits come minutes apart
 * at first and days apart later. Thread-safe (no mutable state).
 */
final class ArchiveText {
    private static final String[] PLACES = {"Port Wendell", "Ashbury", "North Quay", "Greymoor", "Little Fenton",
            "Harrow Vale", "Eastmere", "Calder Bridge", "Saltholm", "Brackwater", "Kingsferry", "Oldcastle"};
    private static final String[] BODIES = {"the town council", "the harbour authority", "the regional court",
            "the school board", "the fire service", "the water board", "the transport ministry", "the hospital trust",
            "the ferry operator", "the port police", "the chamber of commerce", "the weather service"};
    private static final String[] PEOPLE = {"Ada Okafor", "Tomas Lindqvist", "Priya Haddad", "Jonah Moreau",
            "Mira Baptiste", "Elliot Kowalski", "Sana Nakamura", "Wen Ferreira", "Lucia Brandt", "Omar Castell",
            "Ines Varga", "Pavel Novak", "Hana Sato", "Rafael Quint", "Greta Olsen", "Kofi Mensah"};
    private static final String[] ROLES = {"the mayor", "a council spokesperson", "the harbour master",
            "the chief engineer", "a union representative", "the head teacher", "the police commissioner",
            "the hospital's director", "a local shopkeeper", "the project manager"};
    private static final String[] VERBS = {"said", "confirmed", "warned", "announced", "denied", "estimated",
            "told reporters", "wrote in a statement"};
    private static final String[] TOPICS = {"the bridge repairs", "the new ferry line", "the flood defences",
            "the school merger", "the hospital wing", "the harbour dredging", "the tram extension", "the budget",
            "the storm damage", "the housing plan", "the fishing quota", "the power cuts"};
    private static final String[] OUTCOMES = {"would be delayed until spring", "had cost more than planned",
            "would go to a public vote", "was on schedule", "would need a second inquiry",
            "had been approved without debate", "could close the road for weeks", "had drawn hundreds of complaints"};
    private static final String[] UNITS = {"million euros", "households", "workers", "metres", "days", "passengers",
            "per cent", "vehicles"};
    private static final String[] HEADLINE_NOUNS = {"Ferry", "Bridge", "Council", "Storm", "Hospital", "Strike",
            "Harbour", "School", "Tram", "Budget", "Flood", "Port"};
    private static final String[] HEADLINE_EVENTS = {"plans delayed", "talks collapse", "reopens after repairs",
            "faces inquiry", "budget approved", "closed until further notice", "costs soar", "vote postponed",
            "deal agreed", "chief resigns"};
    private static final String[] QUOTES = {"We will not cut corners", "This is the worst flooding we have seen",
            "Nobody was told in advance", "The money is simply not there", "We expect to finish by the summer",
            "It is a matter for the courts now"};

    /** How many versions a history has at most (first version plus edits). */
    static final int MAX_VERSIONS = 19;

    private final long seed;

    ArchiveText(long seed) {
        this.seed = seed;
    }

    /** One generated version: when it was seen and what it said. */
    record Seen(Instant at, ArticleText text) {
    }

    /** The history of article {@code i}, first version at {@code published}, oldest first. */
    List<Seen> history(long i, Instant published) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        String byline = "By " + pick(r, PEOPLE);
        List<String> titles = new ArrayList<>();
        titles.add(headline(r));
        List<String> body = new ArrayList<>();
        int paragraphs = 6 + r.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            body.add(paragraph(r));
        }
        List<Seen> history = new ArrayList<>();
        Instant at = published;
        String title = titles.getFirst();
        history.add(new Seen(at, new ArticleText(title, byline, List.copyOf(body))));
        int edits = r.nextInt(MAX_VERSIONS);
        for (int e = 0; e < edits; e++) {
            // minutes apart while the story is fresh, days apart later
            long minutes = e < 4 ? 5 + r.nextInt(90) : e < 10 ? 60 + r.nextInt(12 * 60) : 24 * 60 + r.nextInt(4 * 24 * 60);
            at = at.plus(Duration.ofMinutes(minutes));
            List<String> before = List.copyOf(body);
            String next = edit(r, titles, title, body);
            if (next.equals(title) && body.equals(before)) {
                body.set(0, typo(body.getFirst())); // an edit that missed (a name not in the paragraph) fixes a typo instead
            }
            title = next;
            history.add(new Seen(at, new ArticleText(title, byline, List.copyOf(body))));
        }
        return history;
    }

    /** Applies one edit to {@code body} (in place) and returns the headline after it. */
    private static String edit(SplittableRandom r, List<String> titles, String title, List<String> body) {
        int k = r.nextInt(body.size());
        switch (r.nextInt(10)) {
            case 0 -> body.set(k, typo(body.get(k)));
            case 1 -> {
                String next = headline(r);
                titles.add(next);
                return next;
            }
            case 2 -> {
                // a headline test: back to an earlier headline, or a second variant to test against
                if (titles.size() > 1) {
                    return titles.get(r.nextInt(titles.size() - 1));
                }
                String variant = title + ": what we know";
                titles.add(variant);
                return variant;
            }
            case 3 -> body.set(k, body.get(k).replaceFirst("\\d+", Integer.toString(2 + r.nextInt(900))));
            case 4 -> body.set(k, body.get(k).replace(pick(r, PEOPLE), pick(r, PEOPLE)));
            case 5 -> body.add("Correction: An earlier version of this article misstated the figure for "
                    + pick(r, TOPICS) + ". It is " + (2 + r.nextInt(900)) + " " + pick(r, UNITS) + ", not "
                    + (2 + r.nextInt(900)) + ".");
            case 6 -> body.add("Update: " + capitalise(pick(r, BODIES)) + " " + pick(r, VERBS) + " on "
                    + day(r) + " that " + pick(r, TOPICS) + " " + pick(r, OUTCOMES) + ".");
            case 7 -> body.add(1 + r.nextInt(body.size()), paragraph(r));
            case 8 -> {
                if (body.size() > 4) {
                    body.remove(k);
                } else {
                    body.add(paragraph(r));
                }
            }
            default -> body.set(k, "\u201c" + pick(r, QUOTES) + ",\u201d " + pick(r, ROLES) + " said. " + body.get(k));
        }
        return title;
    }

    private static String typo(String paragraph) {
        return paragraph.endsWith(".") ? paragraph.substring(0, paragraph.length() - 1) + " ." : paragraph + ".";
    }

    private static String headline(SplittableRandom r) {
        return pick(r, HEADLINE_NOUNS) + " " + pick(r, HEADLINE_EVENTS) + " in " + pick(r, PLACES);
    }

    private static String paragraph(SplittableRandom r) {
        StringBuilder p = new StringBuilder();
        int sentences = 2 + r.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                p.append(' ');
            }
            switch (r.nextInt(4)) {
                case 0 -> p.append(pick(r, PEOPLE)).append(", ").append(pick(r, ROLES)).append(", ")
                        .append(pick(r, VERBS)).append(" that ").append(pick(r, TOPICS)).append(' ')
                        .append(pick(r, OUTCOMES)).append('.');
                case 1 -> p.append(capitalise(pick(r, BODIES))).append(" in ").append(pick(r, PLACES)).append(' ')
                        .append(pick(r, VERBS)).append(" on ").append(day(r)).append(" that about ")
                        .append(2 + r.nextInt(900)).append(' ').append(pick(r, UNITS)).append(" were affected.");
                case 2 -> p.append("\u201c").append(pick(r, QUOTES)).append(",\u201d said ").append(pick(r, PEOPLE))
                        .append(", speaking in ").append(pick(r, PLACES)).append('.');
                default -> p.append("The decision on ").append(pick(r, TOPICS)).append(" follows ")
                        .append(2 + r.nextInt(30)).append(" months of talks between ").append(pick(r, BODIES))
                        .append(" and ").append(pick(r, BODIES)).append('.');
            }
        }
        return p.toString();
    }

    private static String day(SplittableRandom r) {
        return pick(r, new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"});
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(SplittableRandom r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}

package dev.redline.sim;

import java.util.Random;

/** Plausible filler news sentences for generated load-test newsrooms; not meant to be read. */
final class SyntheticText {
    private static final String[] PLACES = {"Port Wendell", "Ashbury", "the valley", "North Quay", "Greymoor",
            "the harbour district", "Little Fenton", "the old mill town"};
    private static final String[] SUBJECTS = {"The council", "Local police", "The harbour authority",
            "A spokesperson for the mayor", "Residents", "The fire service", "Union leaders", "Hospital managers",
            "The school board", "Transport officials"};
    private static final String[] VERBS = {"said", "confirmed", "announced", "warned", "denied", "reported",
            "promised", "estimated"};
    private static final String[] OBJECTS = {"that repairs would take weeks", "a review of the budget",
            "that two people had been injured", "new limits on traffic", "a delay to the opening",
            "that talks would resume on Monday", "an investigation into the cause", "extra funding for the project",
            "that the road would stay closed", "a public meeting next week"};
    private static final String[] NOUNS = {"Ferry", "Bridge", "Council", "Storm", "Hospital", "Strike", "Market",
            "Harbour", "School", "Railway"};
    private static final String[] EVENTS = {"plans delayed", "talks collapse", "reopens after repairs",
            "faces inquiry", "budget approved", "closed until further notice", "record broken", "vote postponed"};
    private static final String[] MONTHS = {"January", "March", "May", "July", "September", "November"};
    private static final String[] FIRST = {"Ada", "Tomas", "Priya", "Jonah", "Mira", "Elliot", "Sana", "Wen"};
    private static final String[] LAST = {"Okafor", "Lindqvist", "Haddad", "Moreau", "Baptiste", "Kowalski",
            "Nakamura", "Ferreira"};

    private SyntheticText() {
    }

    static String headline(Random r) {
        return pick(r, NOUNS) + " " + pick(r, EVENTS) + " in " + pick(r, PLACES);
    }

    /** "GREYMOOR, May 14": where and when a story was filed. */
    static String dateline(Random r) {
        return pick(r, PLACES).replaceFirst("^the ", "").toUpperCase(java.util.Locale.ROOT) + ", " + pick(r, MONTHS) + " "
                + (1 + r.nextInt(28));
    }

    static String name(Random r) {
        return pick(r, FIRST) + " " + pick(r, LAST);
    }

    static String paragraph(Random r) {
        StringBuilder p = new StringBuilder();
        int sentences = 2 + r.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(pick(r, SUBJECTS)).append(" in ").append(pick(r, PLACES)).append(' ')
                    .append(pick(r, VERBS)).append(' ').append(pick(r, OBJECTS))
                    .append(" on day ").append(1 + r.nextInt(28)).append('.');
        }
        return p.toString();
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}

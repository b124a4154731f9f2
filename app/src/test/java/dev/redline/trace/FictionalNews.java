package dev.redline.trace;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates fictional news histories (every name, place and event is invented) and copies of
 * their versions with the alterations copiers make, for the trace labelled set. Deterministic for a
 * seed. Stories on one topic share vocabulary and stock phrases, so unrelated stories on the same
 * topic are realistic near-misses.
 */
final class FictionalNews {
    static final List<String> COPIER_BOILERPLATE = List.of(
            "Receive News Alerts on WhatsApp: +000 555 0100",
            "Receive News Alerts on Telegram by joining our channel today",
            "No Comments yet",
            "Leave a comment below and share this story with your friends",
            "Related: more stories from our correspondents across the region",
            "Copyright 2026 The Lagoon Courier. All rights reserved.");

    private static final String[] PEOPLE = {"Ada Quillon", "Tobin Marsh", "Ifeoma Okafor-Reyes", "Lars Penhallow",
            "Mira Castellane", "Osei Brandt", "Yuki Ferrand", "Dalia Morcombe", "Emeka Strand", "Henrietta Vale",
            "Rafael Oduya", "Signe Whitlow", "Kwame Ardent", "Nell Otterby", "Baraka Lindqvist", "Petra Auclair"};
    private static final String[] PLACES = {"Port Wendle", "Carrow Bay", "Eastmere", "Lindholt", "the Varn valley",
            "Okonmere", "Saltreach", "New Bramley", "Kessington", "the Ashby islands", "Dunmorrow", "Telford Cross"};
    private static final String[] ORGS = {"the harbour council", "the regional assembly", "the transport ministry",
            "the coalition of northern states", "the health board", "the central bank", "the workers' union",
            "the coastguard", "the electoral commission", "the water authority"};
    private static final String[] TOPICS = {"ferry", "election", "flood", "summit", "strike", "budget"};
    private static final String[][] TOPIC_WORDS = {
            {"ferry", "terminal", "pier", "crossing", "vessel", "passengers", "timetable", "harbour"},
            {"ballot", "candidates", "turnout", "polling stations", "recount", "campaign", "voters", "results"},
            {"river", "rainfall", "levees", "evacuation", "sandbags", "flood defences", "residents", "shelters"},
            {"talks", "delegations", "ministers", "communique", "coalition", "envoys", "ceasefire", "agenda"},
            {"walkout", "pay offer", "picket lines", "negotiators", "members", "ballot", "arbitration", "shifts"},
            {"spending plan", "deficit", "tax rise", "forecast", "borrowing", "reserves", "cuts", "revenue"}};
    private static final String[] VERBS = {"said", "warned", "confirmed", "insisted", "announced", "told reporters",
            "argued", "admitted", "suggested", "stressed"};
    private static final String[] DAYS = {"on Monday", "on Tuesday", "on Wednesday", "late on Thursday",
            "early on Friday", "over the weekend", "this morning", "last night"};
    private static final String[] ADJECTIVES = {"serious", "unexpected", "long-awaited", "controversial", "urgent",
            "modest", "sweeping", "temporary", "costly", "fragile", "cautious", "bitter"};
    // every run of five words holds at least one filled slot, so stories share stock phrases, not shingles wholesale
    private static final String[] CLAUSES = {
            "%s %s that the %s would be reviewed %s",
            "the %s %s has raised questions about %s in %s",
            "more than %d people gathered near the %s as %s %s",
            "officials in %s expect the %s to last %d days",
            "%s described the %s as %s and %s",
            "a spokesperson for %s %s the %s was %s",
            "critics pointed to the %s and asked why %s had not acted in %s",
            "%s has promised a %s inquiry into %s before %d",
            "businesses near the %s reported losses of %d thousand %s",
            "the %s, first proposed %s, was called %s by %s",
            "in %s, many %s said the %s came as a surprise to %s",
            "%s, who has led %s for %d years, %s the %s was not over",
            "\"We will not walk away from %s,\" %s %s, adding that the %s mattered to %s",
            "the %s's %s won't be settled until %s agrees to a %s review",
            "%s and %s met %s to discuss the %s in %s",
            "by %s the %s had cost %s about %d million",
    };

    private final Random random;

    FictionalNews(long seed) {
        this.random = new Random(seed);
    }

    int topics() {
        return TOPICS.length;
    }

    /** An invented person's full name (two words, capitalised). */
    String person() {
        return pick(PEOPLE);
    }

    /** Every invented person's name. */
    static List<String> people() {
        return List.of(PEOPLE);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One sentence on a topic: a clause bank filled with invented names, topic words and numbers. */
    String sentence(int topic) {
        String[] words = TOPIC_WORDS[topic];
        String template = CLAUSES[random.nextInt(CLAUSES.length)];
        List<Object> args = new ArrayList<>();
        int at = 0;
        while ((at = template.indexOf('%', at)) >= 0) {
            char kind = template.charAt(at + 1);
            if (kind == 'd') {
                args.add(2 + random.nextInt(900));
            } else {
                int r = random.nextInt(6);
                args.add(switch (r) {
                    case 0 -> pick(PEOPLE);
                    case 1 -> pick(PLACES);
                    case 2 -> pick(ORGS);
                    case 3 -> pick(ADJECTIVES) + " " + pick(words);
                    case 4 -> pick(VERBS) + " " + pick(DAYS);
                    default -> pick(words);
                });
            }
            at += 2;
        }
        String s = String.format(Locale.ROOT, template, args.toArray());
        if (random.nextInt(3) == 0) {
            s = s + ", " + pick(PEOPLE) + " " + pick(VERBS);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    String paragraph(int topic) {
        int n = 1 + random.nextInt(3);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sentences.add(sentence(topic));
        }
        return String.join(" ", sentences);
    }

    String headline(int topic) {
        String h = pick(PLACES) + " " + pick(TOPIC_WORDS[topic]) + ": " + pick(PEOPLE) + " " + pick(VERBS)
                + " over " + pick(ADJECTIVES) + " " + pick(TOPIC_WORDS[topic]);
        return Character.toUpperCase(h.charAt(0)) + h.substring(1);
    }

    /** A fresh story of {@code paragraphs} paragraphs. */
    ArticleText story(int topic, int paragraphs) {
        List<String> body = new ArrayList<>();
        for (int i = 0; i < paragraphs; i++) {
            body.add(paragraph(topic));
        }
        return new ArticleText(headline(topic), "By " + pick(PEOPLE), body);
    }

    /**
     * The next version of a story, as newsrooms make them: a new headline (often), a paragraph
     * added at the top or the end, a sentence rewritten, sometimes a paragraph removed.
     */
    ArticleText revise(ArticleText previous, int topic) {
        List<String> body = new ArrayList<>(previous.paragraphs());
        String title = random.nextInt(3) > 0 ? headline(topic) : previous.title();
        switch (random.nextInt(5)) {
            case 4 -> {
                // a small correction: one word of one paragraph (a figure, a name) and often the same headline
                int i = random.nextInt(body.size());
                String[] words = body.get(i).split(" ");
                words[random.nextInt(words.length)] = String.valueOf(2 + random.nextInt(900));
                body.set(i, String.join(" ", words));
                title = random.nextBoolean() ? previous.title() : title;
            }
            case 0 -> body.addFirst(paragraph(topic));
            case 1 -> body.add(paragraph(topic));
            case 2 -> body.set(random.nextInt(body.size()), paragraph(topic));
            default -> {
                body.add(random.nextInt(body.size() + 1), paragraph(topic));
                if (body.size() > 4) {
                    body.remove(random.nextInt(body.size()));
                }
            }
        }
        return new ArticleText(title, previous.byline(), body);
    }

    /** The kinds of alteration a copier applies. */
    enum Alteration { VERBATIM, BOILERPLATE, CASE, QUOTES, SENTENCE_DROPPED, WORD_SWAPPED, TAIL_CUT, EXCERPT, MIXED }

    /**
     * A copied text and the source paragraphs it was made from (before cosmetic alterations), so a
     * label can say which versions carry the same material.
     */
    record Copy(ArticleText text, List<String> usedParagraphs) {
    }

    /** A copy of {@code source} altered as named; the copier sometimes prefixes the headline. */
    Copy copy(ArticleText source, Alteration alteration) {
        String title = random.nextInt(5) == 0 ? "EXCLUSIVE: " + source.title() : source.title();
        List<String> body = new ArrayList<>(source.paragraphs());
        List<String> used = new ArrayList<>(source.paragraphs());
        switch (alteration) {
            case VERBATIM -> { }
            case BOILERPLATE -> appendBoilerplate(body);
            case CASE -> {
                title = title.toUpperCase(Locale.ROOT);
                int i = random.nextInt(body.size());
                body.set(i, body.get(i).toLowerCase(Locale.ROOT));
            }
            case QUOTES -> body.replaceAll(FictionalNews::typographic);
            case SENTENCE_DROPPED -> dropSentence(body, used);
            case WORD_SWAPPED -> swapWord(body);
            case TAIL_CUT -> {
                int keep = Math.max(1, (int) Math.ceil(body.size() * (0.4 + 0.3 * random.nextDouble())));
                body = new ArrayList<>(body.subList(0, keep));
                used = new ArrayList<>(body);
            }
            case EXCERPT -> {
                // one or two paragraphs quoted inside the copier's own text
                int from = random.nextInt(body.size());
                body = new ArrayList<>(body.subList(from, Math.min(body.size(), from + 1 + random.nextInt(2))));
                used = new ArrayList<>(body);
                body.addFirst("Our correspondent in " + pick(PLACES) + " reports on the latest from the region.");
                appendBoilerplate(body);
            }
            case MIXED -> {
                dropSentence(body, used);
                swapWord(body);
                body.replaceAll(FictionalNews::typographic);
                appendBoilerplate(body);
            }
        }
        return new Copy(new ArticleText(title, null, body), List.copyOf(used));
    }

    private void appendBoilerplate(List<String> body) {
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            body.add(COPIER_BOILERPLATE.get(random.nextInt(COPIER_BOILERPLATE.size())));
        }
    }

    /** Drops a sentence; a paragraph of one sentence goes whole (and is then no longer "used"). */
    private void dropSentence(List<String> body, List<String> used) {
        int i = random.nextInt(body.size());
        String[] sentences = body.get(i).split("(?<=\\.) ");
        if (sentences.length == 1) {
            if (body.size() > 1) {
                used.remove(body.remove(i));
            }
            return;
        }
        List<String> kept = new ArrayList<>(List.of(sentences));
        kept.remove(random.nextInt(kept.size()));
        body.set(i, String.join(" ", kept));
    }

    private void swapWord(List<String> body) {
        int i = random.nextInt(body.size());
        String[] words = body.get(i).split(" ");
        words[random.nextInt(words.length)] = pick(ADJECTIVES);
        body.set(i, String.join(" ", words));
    }

    private static String typographic(String s) {
        return s.replace("'", "\u2019").replaceAll("\"(\\S)", "\u201c$1").replace("\"", "\u201d")
                .replace("-", "\u2011");
    }
}

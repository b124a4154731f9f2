package dev.redline.bench;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, fictional version pairs for the diff benchmarks: news-like sentences from
 * templates, revised the way live stories are (a few words changed, a sentence added, one cut,
 * one moved). The same pairs go to the JMH benchmark and, exported by {@link DiffBenchPairs}, to
 * the Python peer, so both are timed on identical input.
 */
public final class DiffCorpus {
    private static final String[] PEOPLE = {"Mayor Ines Varga", "Councillor Amara Lind", "Chief Inspector Tom Rees",
            "Dr. Helen Marsh", "Mr Ventris", "Priya Anand", "the harbour master", "a council spokeswoman",
            "the fire service", "Professor J. R. Okafor", "the union", "the operator"};
    private static final String[] PLACES = {"Marrowby", "Port Halden", "Kestrel Bay", "Ulverholm", "Dunmere",
            "Saltcombe Vale", "the north pier", "the market square", "the coast road", "the county hall"};
    private static final String[] THINGS = {"the bridge", "the ferry service", "the new cycle lanes", "the flood defences",
            "the hospital", "the library", "the festival", "the rail line", "the school", "the budget",
            "the lighthouse", "the museum", "the water works", "the bus station"};
    private static final String[] VERBS = {"would reopen", "must be repaired", "had been closed", "was under review",
            "could cost more", "will be delayed", "was safe", "needed more staff", "had been sold", "would be expanded"};
    private static final String[] WHEN = {"on Monday", "on Tuesday evening", "by the end of the month", "in the spring",
            "last year", "next week", "before Friday", "since March", "on Jan. 22", "within 14 days"};
    private DiffCorpus() {
    }

    /** One version pair. */
    public record Pair(ArticleText before, ArticleText after) {
    }

    /** {@code count} typical pairs: about 40 sentences in 10 paragraphs, a few edits each. */
    public static List<Pair> typical(int count, long seed) {
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            pairs.add(revise(story(36 + random.nextInt(9), random), 2 + random.nextInt(4), random));
        }
        return pairs;
    }

    /** A live page of {@code sentences} sentences and its next version with {@code changes} changes. */
    public static Pair large(int sentences, int changes, long seed) {
        Random random = new Random(seed);
        return revise(story(sentences, random), changes, random);
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    static String sentence(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> capitalise(String.format("%s said %s %s %s.", pick(PEOPLE, random), pick(THINGS, random),
                    pick(VERBS, random), pick(WHEN, random)));
            case 1 -> String.format("In %s, %s %s %s, according to %s.", pick(PLACES, random), pick(THINGS, random),
                    pick(VERBS, random), pick(WHEN, random), pick(PEOPLE, random));
            case 2 -> capitalise(String.format("\u201C%s %s,\u201D %s told reporters %s.", pick(THINGS, random),
                    pick(VERBS, random), pick(PEOPLE, random), pick(WHEN, random)));
            case 3 -> String.format("Officials in %s confirmed that %s %s %s.", pick(PLACES, random),
                    pick(THINGS, random), pick(VERBS, random), pick(WHEN, random));
            case 4 -> String.format("About %d people gathered in %s %s to hear %s speak about %s.",
                    20 + random.nextInt(2000), pick(PLACES, random), pick(WHEN, random), pick(PEOPLE, random),
                    pick(THINGS, random));
            case 5 -> capitalise(String.format("The cost of %s rose by %d.%d%% %s, figures from %s show.",
                    pick(THINGS, random), random.nextInt(20), random.nextInt(10), pick(WHEN, random), pick(PEOPLE, random)));
            default -> capitalise(String.format("%s, who has worked in %s for %d years, said %s %s.",
                    pick(PEOPLE, random), pick(PLACES, random), 2 + random.nextInt(30), pick(THINGS, random),
                    pick(VERBS, random)));
        };
    }

    private static String capitalise(String s) {
        int first = s.charAt(0) == '\u201C' ? 1 : 0;
        return s.substring(0, first) + Character.toUpperCase(s.charAt(first)) + s.substring(first + 1);
    }

    private static List<String> story(int sentences, Random random) {
        List<String> out = new ArrayList<>(sentences);
        for (int k = 0; k < sentences; k++) {
            out.add(sentence(random));
        }
        return out;
    }

    private static Pair revise(List<String> sentences, int changes, Random random) {
        List<String> revised = new ArrayList<>(sentences);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(revised.size());
            switch (random.nextInt(6)) {
                case 0 -> revised.add(at, sentence(random));
                case 1 -> revised.remove(at);
                case 2 -> revised.add(random.nextInt(revised.size()), revised.remove(at));
                default -> revised.set(at, reword(revised.get(at), random));
            }
        }
        return new Pair(article("Storm closes " + pick(PLACES, random), sentences, random),
                article("Storm closes " + pick(PLACES, random), revised, random));
    }

    /** A newsroom edit: a word swapped, a phrase added, or a number changed. */
    private static String reword(String s, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> s.replaceFirst(" said ", " insisted ").replaceFirst(" would ", " will ");
            case 1 -> s.substring(0, s.length() - 1) + ", " + pick(PEOPLE, random) + " added.";
            default -> s.replaceFirst("\\d+", String.valueOf(random.nextInt(3000)));
        };
    }

    private static ArticleText article(String title, List<String> sentences, Random random) {
        List<String> paragraphs = new ArrayList<>();
        for (int k = 0; k < sentences.size(); ) {
            int size = Math.min(sentences.size() - k, 2 + random.nextInt(4));
            paragraphs.add(String.join(" ", sentences.subList(k, k + size)));
            k += size;
        }
        return new ArticleText(title, null, paragraphs);
    }
}

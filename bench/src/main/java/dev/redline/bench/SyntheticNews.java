package dev.redline.bench;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic news corpus for the trace index benchmark: article {@code a}, version
 * {@code v} is regenerated on demand from seeds, so a million versions need no memory. Words follow
 * a Zipf law over a 30,000-word invented vocabulary (common words repeat across articles as in real
 * text); each of 50 sources appends its own boilerplate line to every article (high document
 * frequency); each version rewrites or adds a paragraph and may change the headline. Thread-safe.
 */
final class SyntheticNews {
    static final int SOURCES = 50;
    private static final int VOCABULARY = 30_000;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "vel", "sor", "dan", "pri",
            "qua", "ber", "tin", "os", "ul", "fen", "gar", "hul", "ji", "wex", "zor", "ym", "sha", "tro"};

    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];

    SyntheticNews() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(i < 200 ? 2 : 4);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString();
        }
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.05);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Number of versions of article {@code a} (1 to 7, four on average). */
    int versions(long a) {
        return 1 + (int) Math.floorMod(mix(a), 7L);
    }

    int source(long a) {
        return (int) Math.floorMod(a, (long) SOURCES);
    }

    /** Version {@code v} of article {@code a}. */
    ArticleText version(long a, int v) {
        SplittableRandom base = new SplittableRandom(mix(a));
        String title = sentence(base, 8 + base.nextInt(6));
        List<String> body = new ArrayList<>();
        int paragraphs = 6 + base.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            body.add(sentence(base, 40 + base.nextInt(40)));
        }
        for (int step = 1; step <= v; step++) {
            SplittableRandom edit = new SplittableRandom(mix(a * 131 + step));
            if (edit.nextBoolean()) {
                title = sentence(edit, 8 + edit.nextInt(6));
            }
            if (edit.nextBoolean()) {
                body.set(edit.nextInt(body.size()), sentence(edit, 40 + edit.nextInt(40)));
            } else {
                body.add(edit.nextInt(body.size() + 1), sentence(edit, 30 + edit.nextInt(40)));
            }
        }
        body.add("Follow source " + source(a) + " on every platform for breaking news alerts and the latest updates from our reporters.");
        return new ArticleText(title, null, body);
    }

    /** A copy as copiers make them: the tail cut (sometimes), the headline in capitals, boilerplate appended. */
    ArticleText copy(long a, int v, SplittableRandom random) {
        ArticleText source = version(a, v);
        List<String> body = new ArrayList<>(source.paragraphs().subList(0, source.paragraphs().size() - 1));
        if (random.nextBoolean()) {
            body = new ArrayList<>(body.subList(0, Math.max(2, body.size() * 2 / 3)));
        }
        body.add("Receive News Alerts on our channel: +000 555 0100");
        body.add("No Comments yet");
        return new ArticleText(source.title().toUpperCase(java.util.Locale.ROOT), null, body);
    }

    private String sentence(SplittableRandom random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            s.append(i == 0 ? "" : " ").append(words[index < 0 ? Math.min(VOCABULARY - 1, -index - 1) : index]);
        }
        return s.append('.').toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}

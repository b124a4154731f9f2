package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.testing.Seeded;
import dev.redline.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Diff#compare} on generated stories: a version and a revision of it made
 * by random deletes, inserts, word edits, moves, splits and paragraph changes.
 */
class DiffPropertiesTest {
    private static final String[] WORDS = ("harbour council ferry bridge mayor storm vote budget school river "
            + "museum police witness report engineers inspection closure residents village market coast lighthouse "
            + "tunnel miners rescue families charity appeal target festival stage tickets refund railway landslip "
            + "buses station airport runway noise protest hospital nurses patients figures quota skippers cod "
            + "stocks scientists theatre grant donations library hours campaigners consultation defences homes "
            + "walls gates project orchestra conductor concert auction buyer hotel zoo cubs keepers wildfire "
            + "moorland helicopter farms teachers strike union walkout district talks bakery branches jobs energy")
            .split(" ");

    record Pair(ArticleText before, ArticleText after) {
    }

    /** A story of 0 to 30 sentences and a random revision of it. */
    private static Pair revision(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        return revise(story(random.nextInt(31), random), random);
    }

    /** A story of 0 to 30 sentences. */
    private static ArticleText story(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        return story(random.nextInt(31), random);
    }

    private static String sentence(RandomGenerator random) {
        int length = 4 + random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < length; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return s.append('.').toString();
    }

    private static ArticleText story(int size, RandomGenerator random) {
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            sentences.add(sentence(random));
        }
        return paragraphs("Headline " + random.nextInt(5), sentences, random);
    }

    private static ArticleText paragraphs(String title, List<String> sentences, RandomGenerator random) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder p = null;
        for (String s : sentences) {
            if (p == null || random.nextInt(3) == 0) {
                if (p != null) {
                    paragraphs.add(p.toString());
                }
                p = new StringBuilder(s);
            } else {
                p.append(' ').append(s);
            }
        }
        if (p != null) {
            paragraphs.add(p.toString());
        }
        return new ArticleText(title, null, paragraphs);
    }

    private static Pair revise(ArticleText old, RandomGenerator random) {
        List<String> sentences = new ArrayList<>(Diff.sentences(old));
        int changes = random.nextInt(6);
        for (int c = 0; c < changes; c++) {
            int at = sentences.isEmpty() ? 0 : random.nextInt(sentences.size());
            switch (sentences.isEmpty() ? 1 : random.nextInt(5)) {
                case 0 -> sentences.remove(at);
                case 1 -> sentences.add(at, sentence(random));
                case 2 -> {
                    List<String> words = new ArrayList<>(Words.tokens(sentences.get(at)));
                    int w = random.nextInt(words.size() - 1) + 1;
                    words.add(w, WORDS[random.nextInt(WORDS.length)]);
                    sentences.set(at, String.join(" ", words));
                }
                case 3 -> sentences.add(random.nextInt(sentences.size()), sentences.remove(at));
                default -> {
                    String s = sentences.get(at);
                    sentences.set(at, s.substring(0, s.length() - 1) + " and " + sentence(random).toLowerCase());
                }
            }
        }
        return new Pair(old, paragraphs(random.nextBoolean() ? old.title() : "Headline changed", sentences, random));
    }

    @Seeded(tries = 300)
    void opsRebuildBothVersionsExactly(long seed) {
        Pair pair = revision(seed);
        List<String> a = Diff.sentences(pair.before());
        List<String> b = Diff.sentences(pair.after());
        DiffResult result = Diff.compare(pair.before(), pair.after());

        List<String> rebuiltNew = new ArrayList<>();
        String[] rebuiltOld = new String[a.size()];
        int[] oldSeen = new int[a.size()];
        for (SentenceOp op : result.ops()) {
            if (op.newIndex() != null) {
                assertThat(op.newIndex()).as("ops in reading order of the new version").isEqualTo(rebuiltNew.size());
                List<String> covered = b.subList(op.newIndex(), op.newIndex() + op.newCount());
                assertThat(op.newText()).isEqualTo(String.join(" ", covered));
                rebuiltNew.addAll(covered);
            }
            if (op.oldIndex() != null) {
                List<String> covered = a.subList(op.oldIndex(), op.oldIndex() + op.oldCount());
                assertThat(op.oldText()).isEqualTo(String.join(" ", covered));
                for (int i = op.oldIndex(); i < op.oldIndex() + op.oldCount(); i++) {
                    oldSeen[i]++;
                    rebuiltOld[i] = a.get(i);
                }
            }
            if (!op.words().isEmpty()) {
                assertThat(Words.tokens(wordSide(op.words(), OpKind.DELETE))).isEqualTo(Words.tokens(op.oldText()));
                assertThat(Words.tokens(wordSide(op.words(), OpKind.ADD))).isEqualTo(Words.tokens(op.newText()));
            }
        }
        assertThat(rebuiltNew).isEqualTo(b);
        assertThat(java.util.Arrays.stream(oldSeen).allMatch(seen -> seen == 1)).as("every old sentence in exactly one op").isTrue();
        assertThat(List.of(rebuiltOld)).isEqualTo(a);
    }

    @Test
    void fiveThousandSentencePagesStayConsistent() {
        Random random = new Random(5_000);
        ArticleText page = story(5_000, random);
        List<String> sentences = new ArrayList<>(Diff.sentences(page));
        for (int change = 0; change < 200; change++) {
            int at = random.nextInt(sentences.size());
            switch (change % 4) {
                case 0 -> sentences.set(at, sentences.get(at).replace(".", " today."));
                case 1 -> sentences.add(at, sentence(random));
                case 2 -> sentences.remove(at);
                default -> sentences.add(random.nextInt(sentences.size()), sentences.remove(at));
            }
        }
        ArticleText next = paragraphs(page.title(), sentences, random);
        for (Pair pair : List.of(new Pair(page, next), new Pair(page, story(5_000, random)))) {
            DiffResult result = Diff.compare(pair.before(), pair.after());
            int newCovered = result.ops().stream().mapToInt(SentenceOp::newCount).sum();
            int oldCovered = result.ops().stream().mapToInt(SentenceOp::oldCount).sum();
            assertThat(newCovered).isEqualTo(Diff.sentences(pair.after()).size());
            assertThat(oldCovered).isEqualTo(Diff.sentences(pair.before()).size());
        }
        DiffResult revised = Diff.compare(page, next);
        assertThat(revised.stats().same()).isGreaterThan(4_500);
    }

    /** One side of a word diff rebuilt: unchanged runs plus the runs of {@code change}, spaced as they say. */
    private static String wordSide(List<WordOp> words, OpKind change) {
        StringBuilder side = new StringBuilder();
        for (WordOp w : words) {
            if (w.op() == OpKind.SAME || w.op() == change) {
                side.append(w.spaceBefore() ? " " : "").append(w.text());
            }
        }
        return side.toString();
    }

    @Seeded(tries = 200)
    void versionAgainstItselfIsAllSame(long seed) {
        ArticleText story = story(seed);
        DiffResult result = Diff.compare(story, story);
        assertThat(result.ops()).allMatch(op -> op.op() == OpKind.SAME && op.words().isEmpty());
        assertThat(result.ops()).hasSize(Diff.sentences(story).size());
        assertThat(result.title().changed()).isFalse();
        assertThat(result.boring()).isFalse();
    }

    @Seeded(tries = 300)
    void swappingVersionsSwapsAddsAndDeletesAndMirrorsPairings(long seed) {
        Pair pair = revision(seed);
        DiffResult forward = Diff.compare(pair.before(), pair.after());
        DiffResult backward = Diff.compare(pair.after(), pair.before());
        assertThat(sides(backward, OpKind.ADD)).isEqualTo(sides(forward, OpKind.DELETE));
        assertThat(sides(backward, OpKind.DELETE)).isEqualTo(sides(forward, OpKind.ADD));
        assertThat(mirrored(pairings(backward))).isEqualTo(pairings(forward));
        assertThat(backward.stats().edited()).isEqualTo(forward.stats().edited());
        assertThat(backward.stats().wordsAdded()).isEqualTo(forward.stats().wordsDeleted());
        assertThat(backward.title().changed()).isEqualTo(forward.title().changed());
    }

    private static Set<Integer> sides(DiffResult result, OpKind kind) {
        Set<Integer> indexes = new HashSet<>();
        for (SentenceOp op : result.ops()) {
            if (op.op() == kind) {
                indexes.add(kind == OpKind.ADD ? op.newIndex() : op.oldIndex());
            }
        }
        return indexes;
    }

    /** (old index, new index) of every sentence pairing (same, edit or move). */
    private static Set<List<Integer>> pairings(DiffResult result) {
        Set<List<Integer>> pairs = new HashSet<>();
        for (SentenceOp op : result.ops()) {
            if (op.oldIndex() != null && op.newIndex() != null) {
                for (int i = op.oldIndex(); i < op.oldIndex() + op.oldCount(); i++) {
                    for (int j = op.newIndex(); j < op.newIndex() + op.newCount(); j++) {
                        pairs.add(List.of(i, j));
                    }
                }
            }
        }
        return pairs;
    }

    private static Set<List<Integer>> mirrored(Set<List<Integer>> pairs) {
        Set<List<Integer>> out = new HashSet<>();
        pairs.forEach(p -> out.add(List.of(p.get(1), p.get(0))));
        return out;
    }
}

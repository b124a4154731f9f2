package dev.redline.provenance;

import dev.redline.article.ArticleText;
import dev.redline.text.Keywords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A text prepared for provenance: its words folded ({@link Keywords#folded}), headline first then
 * the body as one stream (paragraph breaks and punctuation play no part, since excerpts merge
 * paragraphs and lose punctuation), and which words are keywords. Immutable and thread-safe.
 */
public final class Passage {
    /** A keyword weighs this many ordinary words when a sentence is looked for. */
    static final double KEYWORD_WEIGHT = 3;

    private final String[] words;
    private final boolean[] keyword;
    private final int titleEnd;
    private final Set<String> keywordSet = new HashSet<>();
    /** The body's folded words joined by single spaces, with a space at each end. */
    private final String joinedBody;

    private Passage(Keywords.Marked marked, int titleEnd) {
        this.words = marked.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        this.keyword = marked.keyword();
        this.titleEnd = titleEnd;
        for (int i = 0; i < words.length; i++) {
            if (keyword[i]) {
                keywordSet.add(words[i]);
            }
        }
        this.joinedBody = " " + String.join(" ", Arrays.asList(words).subList(titleEnd, words.length)) + " ";
    }

    /**
     * Where the words occur in the body as they are, one after the other (a version's own
     * sentence found verbatim, whatever its punctuation): a position in reading order, or -1.
     */
    int exact(List<String> folded) {
        return folded.isEmpty() ? -1 : joinedBody.indexOf(" " + String.join(" ", folded) + " ");
    }

    /** The headline and paragraphs of a version or a copy. */
    public static Passage of(ArticleText text) {
        List<String> segments = new ArrayList<>(text.paragraphs().size() + 1);
        segments.add(text.title());
        segments.addAll(text.paragraphs());
        Keywords.Marked marked = Keywords.mark(segments);
        return new Passage(marked, marked.segmentEnds()[0]);
    }

    /** Number of words, headline included. */
    public int size() {
        return words.length;
    }

    /** The keywords (folded) in reading order, headline first. */
    public List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (keyword[i]) {
                out.add(words[i]);
            }
        }
        return out;
    }

    /** Whether this folded word is a keyword of this text. */
    boolean isKeyword(String folded) {
        return keywordSet.contains(folded);
    }

    /**
     * How many keywords the two texts share <em>in the same order</em> (the longest common
     * subsequence of their keyword streams): names and figures survive spinning, and a shared
     * order of them is what an unrelated story on the same topic, using the same names, lacks.
     */
    public int keywordsInOrder(Passage other) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = keywords().stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] b = other.keywords().stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /**
     * The share of this text's runs of three consecutive keywords that {@code other} has too: a
     * stricter test of shared order than {@link #keywordsInOrder}, since a topic's stock names
     * seldom fall in the same runs by chance (on the provenance set's dev seeds: at most 0.21 for
     * unrelated stories on the same topic, at least 0.71 for spun copies).
     */
    public double keywordRunShareIn(Passage other) {
        List<String> mine = keywords();
        if (mine.size() < 3) {
            return 0;
        }
        Set<String> theirs = new HashSet<>();
        List<String> o = other.keywords();
        for (int i = 0; i + 3 <= o.size(); i++) {
            theirs.add(o.get(i) + " " + o.get(i + 1) + " " + o.get(i + 2));
        }
        int found = 0;
        for (int i = 0; i + 3 <= mine.size(); i++) {
            found += theirs.contains(mine.get(i) + " " + mine.get(i + 1) + " " + mine.get(i + 2)) ? 1 : 0;
        }
        return (double) found / (mine.size() - 2);
    }

    /**
     * The highest {@link #keywordRunShareIn} any text can reach when it shares at most
     * {@code distinctRuns} of this text's distinct runs of three keywords: a cheap bound (an index
     * counts shared runs without reading the text) that spares reading candidates that cannot
     * reach a floor. Runs repeated in this text count as often as they occur, as in the share.
     */
    public double keywordRunShareAtMost(int distinctRuns) {
        List<String> mine = keywords();
        if (mine.size() < 3) {
            return 0;
        }
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = 0; i + 3 <= mine.size(); i++) {
            occurrences.merge(mine.get(i) + " " + mine.get(i + 1) + " " + mine.get(i + 2), 1, Integer::sum);
        }
        int reachable = occurrences.values().stream().sorted(java.util.Comparator.reverseOrder())
                .limit(Math.max(0, distinctRuns)).mapToInt(Integer::intValue).sum();
        return (double) reachable / (mine.size() - 2);
    }

    /** A stretch of words: [start, end). */
    record Span(int start, int end, double match) {
    }

    /** Whether the headline is exactly these folded words. */
    boolean titleIs(List<String> folded) {
        return Arrays.asList(words).subList(0, titleEnd).equals(folded);
    }

    /** The headline's span. */
    Span title() {
        return new Span(0, titleEnd, 1);
    }

    /**
     * The window of the body where the words of {@code query} are best found: at most a third
     * longer than the query (a copier's or spinner's extra words), scored by the weight of the
     * distinct query words inside it over the weight of all of them (keywords weigh
     * {@link #KEYWORD_WEIGHT}). Null for an empty query or body.
     */
    Span find(Query query) {
        if (query.size() == 0 || titleEnd == words.length) {
            return null;
        }
        int length = (int) Math.ceil(query.length() * 1.34) + 2;
        int[] ids = new int[words.length];
        for (int i = titleEnd; i < words.length; i++) {
            ids[i] = query.id(words[i]);
        }
        int[] counts = new int[query.size()];
        double inside = 0;
        double best = -1;
        int bestStart = titleEnd;
        for (int end = titleEnd; end < words.length; end++) {
            if (ids[end] >= 0 && counts[ids[end]]++ == 0) {
                inside += query.weight(ids[end]);
            }
            int leaving = end - length;
            if (leaving >= titleEnd && ids[leaving] >= 0 && --counts[ids[leaving]] == 0) {
                inside -= query.weight(ids[leaving]);
            }
            if (inside > best) {
                best = inside;
                bestStart = Math.max(titleEnd, end - length + 1);
            }
        }
        return new Span(bestStart, Math.min(words.length, bestStart + length), best / query.total());
    }

    /** Weighted share of {@code part}'s words found inside the span; 1 for an empty part. */
    double share(Query part, Span span) {
        if (part.size() == 0) {
            return 1;
        }
        boolean[] seen = new boolean[part.size()];
        double found = 0;
        for (int i = Math.max(0, span.start()); i < Math.min(words.length, span.end()); i++) {
            int id = part.id(words[i]);
            if (id >= 0 && !seen[id]) {
                seen[id] = true;
                found += part.weight(id);
            }
        }
        return found / part.total();
    }

    /** The span widened by {@code by} words on each side, staying in the same region (headline or body). */
    Span widen(Span span, int by) {
        int low = span.start() < titleEnd ? 0 : titleEnd;
        int high = span.start() < titleEnd ? titleEnd : words.length;
        return new Span(Math.max(low, span.start() - by), Math.min(high, span.end() + by), span.match());
    }

    /** A bag of distinct folded words with weights, looked for in a passage. */
    static final class Query {
        private final Map<String, Integer> ids = new HashMap<>();
        private final double[] weights;
        private final int length;
        private final double total;

        /**
         * The words (folded) of a sentence or a part of one; figures, and keywords of {@code source}
         * other than the sentence's first word (capitalised for being first, and a spinner's target), weigh more.
         */
        Query(List<String> folded, Passage source, boolean firstStartsSentence) {
            List<Double> w = new ArrayList<>();
            for (int i = 0; i < folded.size(); i++) {
                String word = folded.get(i);
                if (!ids.containsKey(word)) {
                    ids.put(word, ids.size());
                    boolean name = source.isKeyword(word) && !(i == 0 && firstStartsSentence);
                    w.add(name || Keywords.hasDigit(word) ? KEYWORD_WEIGHT : 1.0);
                }
            }
            this.weights = w.stream().mapToDouble(Double::doubleValue).toArray();
            this.length = folded.size();
            this.total = Arrays.stream(weights).sum();
        }

        int size() {
            return weights.length;
        }

        int length() {
            return length;
        }

        int id(String word) {
            return ids.getOrDefault(word, -1);
        }

        double weight(int id) {
            return weights[id];
        }

        double total() {
            return total;
        }

        boolean hasKeyword() {
            return Arrays.stream(weights).anyMatch(x -> x > 1);
        }
    }
}

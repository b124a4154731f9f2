package dev.redline.fingerprint;

import dev.redline.article.ArticleText;
import dev.redline.text.Keywords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Fingerprints texts so that a copy can be found among millions of stored versions and then
 * checked exactly. Entry point of {@code dev.redline.fingerprint}; pure and thread-safe (all
 * state is final and computed in the constructor).
 *
 * <h2>What is computed</h2>
 * <ol>
 *   <li><b>Words</b>: NFC, lower case, apostrophes dropped inside words, curly quotes and dashes
 *       and all other punctuation treated as separators. A copier's recasing, typographic quotes
 *       or dash style therefore change nothing.</li>
 *   <li><b>Shingles</b>: every run of {@link #shingleSize()} consecutive words (5 by default)
 *       inside one paragraph (or the headline), hashed to 64 bits. Runs do not cross paragraphs,
 *       so two versions that differ only by whole paragraphs added or removed share exactly the
 *       shingles of their common paragraphs, and a copy of one is tied, not mis-ranked. The distinct set is the ground truth used for verification:
 *       {@code coverage = |copy ∩ version| / |copy|} and
 *       {@code containment = |copy ∩ version| / |version|}.</li>
 *   <li><b>MinHash</b>: {@link #permutations()} (128) minima of fast universal hashes
 *       {@code (a·x + b) >>> 32} (a odd) of the shingle hashes, and LSH band keys, {@link #bands()}
 *       (32) bands of {@link #rows()} (4) rows. Two texts collide in at least one band with
 *       probability {@code 1 − (1 − J⁴)³²}: 0.87 at Jaccard 0.5, 0.23 at 0.3, 0.03 at 0.2.</li>
 *   <li><b>Anchors</b>: winnowing (Schleimer, Wilkerson and Aiken, 2003) over each paragraph's
 *       shingle-hash sequence with a window of {@link #window()} (12) shingles: the smallest hash
 *       of every window, and at least one per paragraph and headline. Any run of {@code window + shingleSize − 1} (16) words shared by two texts yields
 *       at least one common anchor, whatever surrounds it; about {@code 2 / (window + 1)} of the
 *       shingles (≈15 %) become anchors.</li>
 *   <li><b>Skeleton anchors</b>, added to the anchors: every run of three consecutive keywords
 *       (figures and names, {@link Keywords}) of the whole text. They survive synonym spinning and
 *       a copier's edits in every paragraph, which leave few five-word shingles intact; a run
 *       of three names common to a topic is carried by many articles and dropped at query time
 *       like any other boilerplate anchor.</li>
 * </ol>
 *
 * <h2>Why both</h2>
 * MinHash estimates <em>Jaccard</em> similarity, but a copy is a question of <em>containment</em>:
 * a copy of the first half of an article followed by the copier's boilerplate may have Jaccard
 * 0.3 with its source and its band keys then mostly miss. Anchors do not care what else either
 * text contains, so a copy that is a prefix, a single paragraph or carries boilerplate still
 * shares anchors with its source. The labelled set in the app's trace tests (see BENCHMARKS.md,
 * "Trace") measures both; the index uses the union of the two candidate sets and verifies with
 * the exact shingle sets. Anchors shared by very many articles (a source's own boilerplate such
 * as "follow us on…") are down-weighted at query time by the index, from document frequencies.
 */
public final class Fingerprinter {
    /** The settings the trace index is built with; changing them requires a reindex. */
    public static final Fingerprinter DEFAULT = new Fingerprinter(5, 128, 32, 12);
    /** Keywords per skeleton anchor. */
    static final int SKELETON_RUN = 3;

    private final int shingleSize;
    private final int bands;
    private final int rows;
    private final int window;
    private final long[] multipliers;
    private final long[] offsets;

    /**
     * @param shingleSize  words per shingle
     * @param permutations MinHash signature length; must be a multiple of {@code bands}
     * @param bands        LSH bands
     * @param window       winnowing window, in shingles
     */
    public Fingerprinter(int shingleSize, int permutations, int bands, int window) {
        if (shingleSize < 1 || bands < 1 || permutations % bands != 0 || window < 1) {
            throw new IllegalArgumentException("bad fingerprint settings: shingle size " + shingleSize
                    + ", permutations " + permutations + ", bands " + bands + ", window " + window);
        }
        this.shingleSize = shingleSize;
        this.bands = bands;
        this.rows = permutations / bands;
        this.window = window;
        // a fixed seed: signatures are stored, so they must be the same in every run
        SplittableRandom random = new SplittableRandom(0x5EED_0F_7EDL);
        this.multipliers = LongStream.generate(() -> random.nextLong() | 1L).limit(permutations).toArray();
        this.offsets = LongStream.generate(random::nextLong).limit(permutations).toArray();
    }

    public int shingleSize() {
        return shingleSize;
    }

    public int permutations() {
        return multipliers.length;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    public int window() {
        return window;
    }

    /** Fingerprint of an article version: headline, then each paragraph (the byline is left out: copiers drop it). */
    public Fingerprint of(ArticleText text) {
        return fingerprint(segments(text), new HashMap<>());
    }

    /** Fingerprint of free text; each line is a paragraph. */
    public Fingerprint of(String text) {
        return fingerprint(Arrays.asList(text.split("\\R")), new HashMap<>());
    }

    /**
     * The fingerprints of several texts, in order, each as {@link #of(ArticleText)} gives it; a
     * paragraph that several of them share (an article's versions share most of theirs) is
     * tokenised and hashed once.
     */
    public List<Fingerprint> ofVersions(List<ArticleText> versions) {
        Map<String, Segment> memo = new HashMap<>();
        List<Fingerprint> out = new ArrayList<>(versions.size());
        for (ArticleText version : versions) {
            out.add(fingerprint(segments(version), memo));
        }
        return out;
    }

    /**
     * Only the distinct shingle hashes of a version, sorted: what verification needs, without the
     * cost of the MinHash signature.
     */
    public long[] shingles(ArticleText text) {
        return shingles(text, new HashMap<>());
    }

    /** The {@link #shingles(ArticleText)} of several texts, in order, each shared paragraph hashed once. */
    public List<long[]> shinglesOfVersions(List<ArticleText> versions) {
        Map<String, Segment> memo = new HashMap<>();
        List<long[]> out = new ArrayList<>(versions.size());
        for (ArticleText version : versions) {
            out.add(shingles(version, memo));
        }
        return out;
    }

    private long[] shingles(ArticleText text, Map<String, Segment> memo) {
        List<Segment> segments = segments(text).stream().map(t -> segment(t, memo)).toList();
        return sortedDistinct(concat(segments.stream().map(s -> s.shingles).toList(), new long[0]));
    }

    private static List<String> segments(ArticleText text) {
        List<String> segments = new ArrayList<>(text.paragraphs().size() + 1);
        segments.add(text.title());
        segments.addAll(text.paragraphs());
        return segments;
    }

    /**
     * One paragraph's words, their hashes and shingles, and (made on first use) its winnowed
     * anchors: all of it depends on the paragraph alone, so versions sharing it share the work.
     * Confined to the call that made it.
     */
    private static final class Segment {
        final Keywords.Tokens tokens;
        final long[] wordHashes;
        final long[] shingles;
        long[] winnowed;

        Segment(Keywords.Tokens tokens, long[] wordHashes, long[] shingles) {
            this.tokens = tokens;
            this.wordHashes = wordHashes;
            this.shingles = shingles;
        }
    }

    private Segment segment(String text, Map<String, Segment> memo) {
        Segment known = memo.get(text);
        if (known != null) {
            return known;
        }
        Keywords.Tokens tokens = Keywords.tokenize(text);
        long[] wordHashes = Shingles.wordHashes(tokens.words());
        Segment made = new Segment(tokens, wordHashes, Shingles.hashes(wordHashes, shingleSize));
        memo.put(text, made);
        return made;
    }

    private Fingerprint fingerprint(List<String> texts, Map<String, Segment> memo) {
        // one pass of tokenising serves the shingles and the skeleton
        List<Segment> segments = new ArrayList<>(texts.size());
        List<Keywords.Tokens> tokens = new ArrayList<>(texts.size());
        List<long[]> winnowed = new ArrayList<>(texts.size());
        for (String text : texts) {
            Segment segment = segment(text, memo);
            if (segment.winnowed == null) {
                segment.winnowed = winnow(segment.shingles);
            }
            segments.add(segment);
            tokens.add(segment.tokens);
            winnowed.add(segment.winnowed);
        }
        long[] distinct = sortedDistinct(concat(segments.stream().map(s -> s.shingles).toList(), new long[0]));
        long[] anchors = sortedDistinct(concat(winnowed, skeleton(segments, Keywords.keywords(tokens))));
        int[] signature = minHash(distinct);
        int words = 0;
        for (Segment segment : segments) {
            words += segment.wordHashes.length;
        }
        return new Fingerprint(words, distinct, anchors, signature,
                distinct.length == 0 ? new long[0] : bandKeys(signature));
    }

    /** The arrays one after the other, then {@code last}. */
    private static long[] concat(List<long[]> parts, long[] last) {
        int size = last.length;
        for (long[] part : parts) {
            size += part.length;
        }
        long[] out = new long[size];
        int n = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, out, n, part.length);
            n += part.length;
        }
        System.arraycopy(last, 0, out, n, last.length);
        return out;
    }

    /** Sorts in place and returns the distinct values (a primitive sort: no boxing, no stream). */
    private static long[] sortedDistinct(long[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /**
     * Skeleton anchors: every run of {@value #SKELETON_RUN} consecutive keywords (figures and
     * names, {@link Keywords#mark}) of the whole text, headline and paragraphs read as one stream.
     * A spinner that swaps half the words for synonyms keeps them and their order, so a spun copy
     * still meets its source here when hardly a five-word shingle survives; paragraphs merged by
     * the copier break only the runs across the join.
     */
    private static long[] skeleton(List<Segment> segments, boolean[] keyword) {
        long[] keywords = new long[keyword.length];
        int n = 0;
        int i = 0;
        for (Segment segment : segments) {
            for (long wordHash : segment.wordHashes) {
                if (keyword[i++]) {
                    keywords[n++] = wordHash;
                }
            }
        }
        if (n < SKELETON_RUN) {
            return new long[0];
        }
        long[] runs = Shingles.hashes(Arrays.copyOf(keywords, n), SKELETON_RUN);
        for (int r = 0; r < runs.length; r++) {
            // a different hash family from the five-word shingles, so the two kinds never collide by design
            runs[r] = Shingles.mix64(runs[r] ^ 0x5CE1E7A5CE1E7A5L);
        }
        return runs;
    }

    /**
     * The minimum of every window of one paragraph's hash sequence (a paragraph shorter than the
     * window gives its minimum). Windows stay inside a paragraph so that every paragraph and the
     * headline own at least one anchor: a neighbour's boilerplate, ignored at query time as too
     * common, can never take the only anchor of a short copied paragraph.
     */
    private long[] winnow(long[] sequence) {
        if (sequence.length == 0) {
            return sequence;
        }
        int windows = Math.max(1, sequence.length - window + 1);
        long[] picked = new long[windows];
        for (int start = 0; start < windows; start++) {
            long min = Long.MAX_VALUE;
            for (int i = start; i < Math.min(sequence.length, start + window); i++) {
                min = Math.min(min, sequence[i]);
            }
            picked[start] = min;
        }
        return picked;
    }

    private int[] minHash(long[] shingles) {
        int[] signature = new int[multipliers.length];
        for (int p = 0; p < signature.length; p++) {
            long multiplier = multipliers[p];
            long offset = offsets[p];
            int min = Integer.MAX_VALUE;
            // one permutation over all shingles, branch-free: the JIT vectorises this loop (a third of the
            // time of the shingle-outer loop with a comparison, measured with the same signatures)
            for (long shingle : shingles) {
                min = Math.min(min, (int) ((multiplier * shingle + offset) >>> 32));
            }
            signature[p] = min;
        }
        return signature;
    }

    private long[] bandKeys(int[] signature) {
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = Shingles.mix64(band + 0x7F4A7C15L);
            for (int row = 0; row < rows; row++) {
                h = Shingles.mix64((h ^ (signature[band * rows + row] & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L);
            }
            keys[band] = h;
        }
        return keys;
    }
}

package dev.redline.store;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of full-text search, the same on SQLite (FTS5) and PostgreSQL (tsvector): text is cut
 * into runs of letters and digits, lower-cased; both databases are fed these words, not raw text,
 * so they match identically. A query is words and "quoted phrases", all of which must match.
 * Snippets and highlight ranges are computed here rather than by the databases' own functions
 * (FTS5 snippet() needs stored content, ts_headline returns marked-up text) so both give the same
 * result. Stateless and thread-safe.
 */
final class SearchText {
    private static final int SNIPPET_CHARS = 240;

    private SearchText() {
    }

    /** A parsed query: each entry is one phrase (a single word is a one-word phrase). */
    record Query(List<List<String>> phrases) {
        boolean isEmpty() {
            return phrases.isEmpty();
        }

        Set<String> words() {
            Set<String> words = new LinkedHashSet<>();
            phrases.forEach(words::addAll);
            return words;
        }

        /** FTS5 MATCH expression: every phrase quoted, implicit AND. */
        String fts5() {
            return String.join(" AND ", phrases.stream().map(p -> "\"" + String.join(" ", p) + "\"").toList());
        }

        /** PostgreSQL to_tsquery text: words joined by {@code <->}, phrases by {@code &}. */
        String tsquery() {
            return String.join(" & ", phrases.stream().map(p -> "(" + String.join(" <-> ", p) + ")").toList());
        }
    }

    static Query parse(String query) {
        List<List<String>> phrases = new ArrayList<>();
        String[] parts = query.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            List<String> words = words(parts[i]);
            if (i % 2 == 1) {
                if (!words.isEmpty()) {
                    phrases.add(words);
                }
            } else {
                words.forEach(w -> phrases.add(List.of(w)));
            }
        }
        return new Query(phrases);
    }

    /** The searchable words of a text, lower-case, space-separated. */
    static String indexText(String text) {
        return text == null ? "" : String.join(" ", words(text));
    }

    static String indexBody(ArticleText text) {
        return indexText(text.bodyText());
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        forEachWord(text, (start, end) -> words.add(text.substring(start, end).toLowerCase(Locale.ROOT)));
        return words;
    }

    private interface WordSink {
        void word(int start, int end);
    }

    private static void forEachWord(String text, WordSink sink) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                sink.word(start, i);
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    /** A snippet with [start, end) highlight ranges. */
    record Snippet(String text, List<int[]> highlights) {
    }

    /**
     * The part of a version that best shows why it matched: the headline, byline or paragraph with
     * the most query words, cut to about {@value #SNIPPET_CHARS} characters around the first hit.
     */
    static Snippet snippet(ArticleText text, Query query) {
        Set<String> wanted = query.words();
        List<String> sections = new ArrayList<>();
        sections.add(text.title());
        if (text.byline() != null) {
            sections.add(text.byline());
        }
        sections.addAll(text.paragraphs());
        String best = text.title();
        int bestHits = -1;
        for (String section : sections) {
            int hits = hits(section, wanted).size();
            if (hits > bestHits) {
                best = section;
                bestHits = hits;
            }
        }
        List<int[]> hits = hits(best, wanted);
        int from = 0;
        int to = best.length();
        if (best.length() > SNIPPET_CHARS) {
            int anchor = hits.isEmpty() ? 0 : hits.getFirst()[0];
            from = Math.max(0, anchor - SNIPPET_CHARS / 3);
            to = Math.min(best.length(), from + SNIPPET_CHARS);
            from = wordStart(best, from);
            to = wordEnd(best, to);
        }
        String prefix = from > 0 ? "… " : "";
        String suffix = to < best.length() ? " …" : "";
        String cut = best.substring(from, to).strip();
        int shift = prefix.length() - from - (best.substring(from, to).length() - best.substring(from, to).stripLeading().length());
        List<int[]> ranges = new ArrayList<>();
        for (int[] h : hits) {
            if (h[0] >= from && h[1] <= to) {
                ranges.add(new int[]{h[0] + shift, h[1] + shift});
            }
        }
        return new Snippet(prefix + cut + suffix, ranges);
    }

    private static List<int[]> hits(String section, Set<String> wanted) {
        List<int[]> hits = new ArrayList<>();
        forEachWord(section, (start, end) -> {
            if (wanted.contains(section.substring(start, end).toLowerCase(Locale.ROOT))) {
                hits.add(new int[]{start, end});
            }
        });
        return hits;
    }

    /** Moves a cut point back to the start of the word it falls in. */
    private static int wordStart(String s, int i) {
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Moves a cut point forward to the end of the word it falls in. */
    private static int wordEnd(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}

package dev.redline.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Splits a paragraph of news prose into sentences. ICU's rule-based sentence breaker (locale
 * {@code en@ss=standard}, which already keeps "Mr." and "Dr." whole) decides where sentences end,
 * but is asked only where the answer is not plain ({@link Boundaries}: most sentence ends are a
 * full stop, a space and a capital after an ordinary word); a merge
 * pass then rejoins the splits ICU gets wrong in news copy: known abbreviations kept in
 * {@code abbreviations.txt} ("U.S. Department", "Jan. 22", "No. 10"), initials ("J. K. Rowling"),
 * a quote followed by its attribution ("…win!" he said.) and a dateline ("LONDON —"). Rule-based,
 * so the same text always splits the same way. Thread-safe.
 */
public final class Sentences {
    private static final ThreadLocal<BreakIterator> BREAKER = ThreadLocal.withInitial(
            () -> BreakIterator.getSentenceInstance(new ULocale("en@ss=standard")));
    /** "…we will win!" | "he said." — ICU ends a sentence at the ! or ? inside the quote. */
    private static final Pattern QUOTE_THEN_ATTRIBUTION = Pattern.compile("[!?][\"'\u201D\u2019]+$");
    private static final Pattern DATELINE = Pattern.compile("[^\\p{Ll}]*\\p{Lu}[^\\p{Ll}]*[-\\u2013\\u2014]");
    private static final Map<String, Set<String>> LISTS = loadLists();
    private static final Set<String> ALWAYS = LISTS.get("always");
    private static final Set<String> UNLESS_STARTER = LISTS.get("unless-starter");
    private static final Set<String> BEFORE_NUMBER = LISTS.get("before-number");
    private static final Set<String> STARTERS = LISTS.get("starters");
    /**
     * The edition of the splitting code: bump it with any change to this class or {@link Boundaries}
     * that moves a cut, so that splits stored under the old rules are split again.
     */
    private static final int CODE_EDITION = 2;
    private static final int RULES = computeRules();

    private Sentences() {
    }

    /**
     * Which splitting rules are in force: the code's edition and a checksum of the abbreviation
     * lists, so a store can tell a split kept under other rules from one that is still current.
     */
    public static int rules() {
        return RULES;
    }

    /** The sentences of one paragraph, trimmed, in order; empty for a blank paragraph. */
    public static List<String> split(String paragraph) {
        return texts(paragraph, bounds(paragraph));
    }

    /**
     * Where {@link #split} cuts a paragraph: [start, end) of each sentence as pairs
     * ({@code bounds[2k]}, {@code bounds[2k + 1]}), in order; each sentence is exactly
     * {@code paragraph.substring(start, end)}, so a store can keep these offsets instead of the text.
     */
    public static int[] bounds(String paragraph) {
        return joinMissplits(paragraph, Boundaries.of(paragraph)).toArray();
    }

    /** {@link #split} with ICU judging every position; the cheaper pass must agree with it. */
    static List<String> splitWithIcuOnly(String paragraph) {
        return texts(paragraph, joinMissplits(paragraph, icuSplit(paragraph)).toArray());
    }

    private static List<String> texts(String paragraph, int[] bounds) {
        List<String> sentences = new ArrayList<>(bounds.length / 2);
        for (int k = 0; k < bounds.length; k += 2) {
            sentences.add(paragraph.substring(bounds[k], bounds[k + 1]));
        }
        return sentences;
    }

    /**
     * Rejoins the parts ICU cut wrongly. A joined sentence runs from its first part's start to its
     * last part's end, with the paragraph's own spacing between them.
     */
    private static Spans joinMissplits(String paragraph, Spans parts) {
        Spans sentences = new Spans();
        for (int k = 0; k < parts.size(); k++) {
            int last = sentences.size() - 1;
            if (last >= 0 && shouldJoin(paragraph.substring(sentences.start(last), sentences.end(last)),
                    paragraph.substring(parts.start(k), parts.end(k)))) {
                sentences.extendLast(parts.end(k));
            } else {
                sentences.add(parts.start(k), parts.end(k));
            }
        }
        return sentences;
    }

    static Spans icuSplit(String paragraph) {
        BreakIterator breaker = breaker();
        breaker.setText(paragraph);
        Spans parts = new Spans();
        int start = breaker.first();
        for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
            parts.addStripped(paragraph, start, end);
        }
        return parts;
    }

    /** This thread's ICU sentence breaker. */
    static BreakIterator breaker() {
        return BREAKER.get();
    }

    /**
     * True when a sentence ending {@code left} and one beginning with the word {@code right} would
     * be joined again by the merge pass: then whether ICU splits there makes no difference.
     */
    static boolean rejoins(String left, String right) {
        return shouldJoin(left, right);
    }

    private static boolean shouldJoin(String left, String right) {
        String last = lastToken(left);
        String first = firstWord(right);
        char firstChar = right.charAt(0);
        if (Character.isLowerCase(firstChar) && QUOTE_THEN_ATTRIBUTION.matcher(left).find()) {
            return true;
        }
        if (ALWAYS.contains(last)) {
            return true;
        }
        if (BEFORE_NUMBER.contains(last)) {
            return Character.isDigit(firstChar);
        }
        if (UNLESS_STARTER.contains(last) || isInitials(last)) {
            return !STARTERS.contains(stripPunctuation(first));
        }
        return endsWithDash(left) && DATELINE.matcher(left).matches();
    }

    /** "J." or "P.J." (up to three initials); a plain scan since it runs at every sentence end. */
    private static boolean isInitials(String token) {
        int n = token.length();
        if (n < 2 || n > 6 || n % 2 != 0) {
            return false;
        }
        for (int k = 0; k < n; k += 2) {
            if (!Character.isUpperCase(token.charAt(k)) || token.charAt(k + 1) != '.') {
                return false;
            }
        }
        return true;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Normalize.isSpace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean endsWithDash(CharSequence text) {
        char last = text.charAt(text.length() - 1);
        return last == '-' || last == '\u2013' || last == '\u2014';
    }

    private static String lastToken(String s) {
        int start = s.lastIndexOf(' ') + 1;
        // an abbreviation inside an opening bracket or quote is still the abbreviation
        while (start < s.length() && "([\"'\u201C\u2018".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start);
    }

    private static String stripPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    private static int computeRules() {
        try (InputStream in = Sentences.class.getResourceAsStream("abbreviations.txt")) {
            CRC32 crc = new CRC32();
            crc.update(in.readAllBytes());
            return (int) crc.getValue() * 31 + CODE_EDITION;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> loadLists() {
        Map<String, Set<String>> lists = new HashMap<>();
        try (InputStream in = Sentences.class.getResourceAsStream("abbreviations.txt")) {
            if (in == null) {
                throw new IllegalStateException("abbreviations.txt missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> section = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (s.startsWith("[") && s.endsWith("]")) {
                    section = lists.computeIfAbsent(s.substring(1, s.length() - 1), k -> new HashSet<>());
                } else if (section != null) {
                    section.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : List.of("always", "unless-starter", "before-number", "starters")) {
            lists.putIfAbsent(name, Set.of());
        }
        return Map.copyOf(lists);
    }
}

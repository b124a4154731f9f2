package dev.redline.provenance;

import java.util.List;
import java.util.Locale;

/**
 * One piece of evidence for which version a copy carries: a difference between two consecutive
 * versions of the article, and which side of it the copy carries. Immutable. Its JSON form (through
 * the app's mapper) is part of the trace answer, e.g. the copy carries "22 countries" as versions
 * 1 and 2 do, where versions 0 and 3 say "21 countries".
 *
 * @param kind        what differs
 * @param carried     true when the copy carries {@code text}; false when it lacks it (only for
 *                    {@link Kind#SENTENCE}: an excerpt may lack text, so absence weighs less)
 * @param text        what the copy carries (or, when not {@code carried}, the sentence it lacks)
 * @param instead     the other side's reading, or null when the other side simply lacks the text
 * @param supports    versions that agree with the copy on this point, ascending
 * @param contradicts versions that disagree, ascending
 * @param from        the older of the two consecutive versions whose difference this is
 * @param to          the newer one ({@code from + 1})
 */
public record Evidence(Kind kind, boolean carried, String text, String instead, List<Integer> supports,
                       List<Integer> contradicts, int from, int to) {
    public Evidence {
        supports = List.copyOf(supports);
        contradicts = List.copyOf(contradicts);
    }

    /** What kind of difference between versions the evidence is. {@link #toString()} is the JSON name. */
    public enum Kind {
        /** A number changed inside a sentence ("21 countries" → "22 countries"). */
        FIGURE,
        /** A name changed inside a sentence. */
        NAME,
        /** Other words changed inside a sentence. */
        WORDS,
        /** The headline changed. */
        HEADLINE,
        /** A sentence added or removed. */
        SENTENCE,
        /** A sentence moved: the order of two sentences differs. */
        ORDER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

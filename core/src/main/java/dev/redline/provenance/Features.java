package dev.redline.provenance;

import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import dev.redline.diff.SplitText;
import dev.redline.diff.WordOp;
import dev.redline.text.Keywords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinguishing differences of an article's history, read off the diffs of consecutive
 * versions ({@link Diff}): words changed inside a sentence or the headline, sentences added or
 * removed, sentences moved. Each can read any text (a version or a copy) for which side of the
 * difference it carries. Pure and thread-safe.
 */
final class Features {
    /** Weight of a changed figure or name: what a copier's rewording leaves alone. */
    static final double KEYWORD_WEIGHT = 2;
    /** Weight of a sentence the copy lacks (an excerpt lacks text without contradicting). */
    static final double ABSENCE_WEIGHT = 0.3;
    /** A sentence counts as carried when this weighted share of its words is found together. */
    private static final double PRESENT = 0.6;
    /** ... and as lacking below this share. */
    private static final double ABSENT = 0.3;
    /** A copy carries a sentence when it matches it by this much more than the versions lacking it do. */
    private static final double MARGIN = 0.15;
    /** The sentence around a changed word must be found at least this well to read the change. */
    private static final double CONTEXT = 0.5;
    private static final int ORDER_TEXT_WORDS = 8;
    /** Sentences after a removed or added one that tell whether a copy reaches past it. */
    private static final int FOLLOWING = 2;

    private Features() {
    }

    /**
     * One difference between two consecutive versions; side 0 is the older version's reading, 1 the
     * newer's. A stored version is read exactly (its own sentences verbatim); a copy is read
     * tolerantly, since copiers edit, spin, merge and strip what they take.
     */
    sealed interface Feature {
        /** Which side a stored version carries: 0 or 1, or -1 when it carries neither. */
        int version(Passage version);

        /** Which side the copy carries: 0 or 1, or -1 when the copy does not tell. */
        int copy(Passage copy);

        /** The weight of the copy carrying that side. */
        double weight(int side);

        /** The evidence when the copy carries {@code side}. */
        Evidence evidence(int side, List<Integer> supports, List<Integer> contradicts);
    }

    /** Every difference between consecutive versions (each split into sentences), oldest pair first. */
    static List<Feature> between(List<SplitText> versions, List<Passage> passages) {
        List<Feature> out = new ArrayList<>();
        for (int k = 0; k + 1 < versions.size(); k++) {
            DiffResult diff = Diff.compare(versions.get(k), versions.get(k + 1), null, null);
            Passage older = passages.get(k);
            if (diff.title().changed()) {
                changes(diff.title().words(), diff.title().oldText(), diff.title().newText(), true, older, k, out);
            }
            for (SentenceOp op : diff.ops()) {
                switch (op.op()) {
                    case EDIT -> changes(op.words(), op.oldText(), op.newText(), false, older, k, out);
                    case ADD -> sentence(op.newText(), following(diff.ops(), op, true), passages.get(k + 1), passages, k, out);
                    case DELETE -> sentence(op.oldText(), following(diff.ops(), op, false), older, passages, k, out);
                    case MOVE -> {
                        order(op, diff.ops(), passages.get(k + 1), k, out);
                        if (!op.words().isEmpty()) {
                            changes(op.words(), op.oldText(), op.newText(), false, older, k, out);
                        }
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    // --- words changed inside a sentence or the headline ---------------------------------------

    /** One change of an edited sentence (or the headline): the older words, the newer words. */
    private record Change(Evidence.Kind kind, Passage.Query context, Passage.Query older, Passage.Query newer,
                          List<String> olderWhole, List<String> newerWhole, String olderText, String newerText,
                          int from) implements Feature {
        @Override
        public int version(Passage version) {
            boolean headline = context == null;
            if (headline ? version.titleIs(olderWhole) : version.exact(olderWhole) >= 0) {
                return 0;
            }
            if (headline ? version.titleIs(newerWhole) : version.exact(newerWhole) >= 0) {
                return 1;
            }
            return copy(version); // edited again later: read it as a copy would be
        }

        @Override
        public int copy(Passage text) {
            Passage.Span span;
            if (context == null) {
                span = text.title();
                if (span.end() == 0) {
                    return -1;
                }
            } else {
                span = text.find(context);
                if (span == null || span.match() < CONTEXT) {
                    return -1;
                }
                span = text.widen(span, 3);
            }
            double olderShare = text.share(older, span);
            double newerShare = text.share(newer, span);
            boolean olderCarried = older.size() > 0 ? olderShare >= 0.5 : newerShare < 0.25;
            boolean newerCarried = newer.size() > 0 ? newerShare >= 0.5 : olderShare < 0.25;
            return olderCarried == newerCarried ? -1 : olderCarried ? 0 : 1;
        }

        @Override
        public double weight(int side) {
            return kind == Evidence.Kind.FIGURE || kind == Evidence.Kind.NAME ? KEYWORD_WEIGHT : 1;
        }

        @Override
        public Evidence evidence(int side, List<Integer> supports, List<Integer> contradicts) {
            return new Evidence(kind, true, side == 0 ? olderText : newerText, side == 0 ? newerText : olderText,
                    supports, contradicts, from, from + 1);
        }
    }

    /**
     * The changes of one word diff: each run of deleted and added words between unchanged ones,
     * shown with the unchanged word after it ("21 countries" / "22 countries").
     */
    private static void changes(List<WordOp> words, String olderWhole, String newerWhole, boolean headline, Passage older,
                                int from, List<Feature> out) {
        Passage.Query context = headline ? null : contextOf(olderWhole, words, older);
        List<String> olderFolded = Keywords.folded(olderWhole == null ? "" : olderWhole);
        List<String> newerFolded = Keywords.folded(newerWhole == null ? "" : newerWhole);
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).op() == OpKind.SAME) {
                continue;
            }
            String deleted = "";
            String added = "";
            int j = i;
            for (; j < words.size() && words.get(j).op() != OpKind.SAME; j++) {
                if (words.get(j).op() == OpKind.DELETE) {
                    deleted = words.get(j).text();
                } else {
                    added = words.get(j).text();
                }
            }
            String before = i > 0 ? lastWord(words.get(i - 1).text()) : "";
            String after = j < words.size() ? firstWord(words.get(j).text()) : "";
            Feature change = change(headline, context, olderFolded, newerFolded, older, deleted, added, before, after, from);
            if (change != null) {
                out.add(change);
            }
            i = j - 1;
        }
    }

    private static Feature change(boolean headline, Passage.Query context, List<String> olderWhole,
                                  List<String> newerWhole, Passage older, String deleted, String added, String before,
                                  String after, int from) {
        List<String> olderWords = new ArrayList<>(Keywords.folded(deleted));
        List<String> newerWords = new ArrayList<>(Keywords.folded(added));
        Set<String> common = new HashSet<>(olderWords);
        common.retainAll(newerWords);
        olderWords.removeAll(common);
        newerWords.removeAll(common);
        if (olderWords.isEmpty() && newerWords.isEmpty()) {
            return null; // only case or punctuation changed
        }
        Evidence.Kind kind = headline ? Evidence.Kind.HEADLINE : kindOf(deleted + " " + added);
        if (kind == Evidence.Kind.WORDS && isSpelling(olderWords, newerWords)) {
            // a spelling fix is made by copiers' tools as well: no evidence of which version was copied
            return null;
        }
        return new Change(kind, context, new Passage.Query(olderWords, older, false), new Passage.Query(newerWords, older, false),
                olderWhole, newerWhole, shown(deleted, before, after), shown(added, before, after), from);
    }

    private static Evidence.Kind kindOf(String changed) {
        for (String token : Keywords.tokens(changed)) {
            if (Keywords.hasDigit(token)) {
                return Evidence.Kind.FIGURE;
            }
        }
        for (String token : Keywords.tokens(changed)) {
            if (Character.isUpperCase(token.codePointAt(0))) {
                return Evidence.Kind.NAME;
            }
        }
        return Evidence.Kind.WORDS;
    }

    private static boolean isSpelling(List<String> older, List<String> newer) {
        return older.size() == 1 && newer.size() == 1 && distance(older.getFirst(), newer.getFirst()) <= 2;
    }

    /** Levenshtein distance of two short words (hand-written: a dozen lines, no library on core for it). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The sentence's unchanged words: where to look for the change in a text. */
    private static Passage.Query contextOf(String sentence, List<WordOp> words, Passage older) {
        Set<String> changed = new HashSet<>();
        for (WordOp w : words) {
            if (w.op() != OpKind.SAME) {
                changed.addAll(Keywords.folded(w.text()));
            }
        }
        List<String> context = new ArrayList<>(Keywords.folded(sentence));
        context.removeAll(changed);
        return new Passage.Query(context, older, true);
    }

    private static String shown(String run, String before, String after) {
        if (run.isEmpty()) {
            return (before + " " + after).strip();
        }
        return after.isEmpty() ? (before + " " + run).strip() : run + " " + after;
    }

    private static String firstWord(String text) {
        String s = text.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String lastWord(String text) {
        String s = text.strip();
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    // --- sentences added or removed ----------------------------------------------------------------

    /**
     * A sentence one side has and the other lacks; side 1 = carried, 0 = lacking. {@code background}
     * is how well the sentence is found in the versions lacking it (stock phrases of the same
     * story): a copy carries the sentence only when it matches clearly better than that.
     */
    private record Sentence(List<String> words, Passage.Query query, List<Passage.Query> after, String text,
                            double background, int from) implements Feature {
        @Override
        public int version(Passage version) {
            return version.exact(words) >= 0 ? 1 : 0;
        }

        @Override
        public int copy(Passage copy) {
            double match = match(copy, query);
            if (match >= PRESENT && match >= background + MARGIN) {
                return 1;
            }
            if (after.stream().noneMatch(next -> match(copy, next) >= PRESENT)) {
                // the copy carries nothing of what follows the sentence: it ends before it (an excerpt,
                // a cut tail), and lacking text there contradicts no version
                return -1;
            }
            return match <= Math.max(ABSENT, background + MARGIN / 3) ? 0 : -1;
        }

        @Override
        public double weight(int side) {
            return side == 1 ? 1 : ABSENCE_WEIGHT;
        }

        @Override
        public Evidence evidence(int side, List<Integer> supports, List<Integer> contradicts) {
            return new Evidence(Evidence.Kind.SENTENCE, side == 1, text, null, supports, contradicts, from, from + 1);
        }
    }

    private static double match(Passage text, Passage.Query query) {
        Passage.Span span = text.find(query);
        return span == null ? 0 : span.match();
    }

    private static void sentence(String text, List<String> following, Passage source, List<Passage> versions, int from,
                                 List<Feature> out) {
        List<String> words = Keywords.folded(text);
        // a sentence of three words ("No Comments yet") is found by chance too often to tell anything
        if (words.size() < 4) {
            return;
        }
        Passage.Query query = new Passage.Query(words, source, true);
        double background = 0;
        for (Passage version : versions) {
            if (version.exact(words) < 0) {
                background = Math.max(background, match(version, query));
            }
        }
        List<Passage.Query> after = following.stream().map(f -> new Passage.Query(Keywords.folded(f), source, true)).toList();
        out.add(new Sentence(words, query, after, text, background, from));
    }

    /**
     * The next {@value #FOLLOWING} sentences after {@code op} on its own side of the diff (the newer
     * version's for an added sentence, the older's for a removed one), sentences of four words and
     * more: a copy carrying one of them reaches past the sentence, so lacking it means something.
     */
    private static List<String> following(List<SentenceOp> ops, SentenceOp op, boolean newer) {
        List<String> out = new ArrayList<>();
        for (int i = ops.indexOf(op) + 1; i < ops.size() && out.size() < FOLLOWING; i++) {
            String text = newer ? ops.get(i).newText() : ops.get(i).oldText();
            if (text != null && Keywords.folded(text).size() >= 4) {
                out.add(text);
            }
        }
        return out;
    }

    // --- sentences moved ------------------------------------------------------------------------------

    /** Two sentences whose order differs; side 1 = the newer version's order. */
    private record Order(List<String> movedWords, List<String> otherWords, Passage.Query moved, Passage.Query other,
                         String movedText, String otherText, boolean movedFirstInNewer, int from) implements Feature {
        @Override
        public int version(Passage version) {
            int a = version.exact(movedWords);
            int b = version.exact(otherWords);
            if (a < 0 || b < 0) {
                return copy(version); // one of the two was edited in another revision: read it as a copy would be
            }
            return (a < b) == movedFirstInNewer ? 1 : 0;
        }

        @Override
        public int copy(Passage passage) {
            Passage.Span a = passage.find(moved);
            Passage.Span b = passage.find(other);
            if (a == null || b == null || a.match() < PRESENT || b.match() < PRESENT || Math.abs(a.start() - b.start()) < 3) {
                return -1;
            }
            return (a.start() < b.start()) == movedFirstInNewer ? 1 : 0;
        }

        @Override
        public double weight(int side) {
            return 1;
        }

        @Override
        public Evidence evidence(int side, List<Integer> supports, List<Integer> contradicts) {
            boolean movedFirst = (side == 1) == movedFirstInNewer;
            String carried = movedFirst ? quote(movedText) + " before " + quote(otherText) : quote(otherText) + " before " + quote(movedText);
            String instead = movedFirst ? quote(otherText) + " before " + quote(movedText) : quote(movedText) + " before " + quote(otherText);
            return new Evidence(Evidence.Kind.ORDER, true, carried, instead, supports, contradicts, from, from + 1);
        }
    }

    /**
     * A moved sentence and the nearest sentence (in the newer version) whose order relative to it
     * is flipped between the two versions.
     */
    private static void order(SentenceOp move, List<SentenceOp> ops, Passage newer, int from, List<Feature> out) {
        SentenceOp partner = null;
        for (SentenceOp op : ops) {
            if (op == move || op.oldIndex() == null || op.newIndex() == null) {
                continue;
            }
            boolean flipped = Integer.compare(op.oldIndex(), move.oldIndex()) != Integer.compare(op.newIndex(), move.newIndex());
            if (flipped && (partner == null
                    || Math.abs(op.newIndex() - move.newIndex()) < Math.abs(partner.newIndex() - move.newIndex()))) {
                partner = op;
            }
        }
        List<String> movedWords = Keywords.folded(move.newText());
        List<String> otherWords = partner == null ? List.of() : Keywords.folded(partner.newText());
        if (movedWords.size() < 4 || otherWords.size() < 4) {
            return;
        }
        out.add(new Order(movedWords, otherWords, new Passage.Query(movedWords, newer, true),
                new Passage.Query(otherWords, newer, true), move.newText(), partner.newText(),
                move.newIndex() < partner.newIndex(), from));
    }

    private static String quote(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        String head = String.join(" ", Arrays.copyOf(words, Math.min(words.length, ORDER_TEXT_WORDS)));
        return "\u201c" + head + (words.length > ORDER_TEXT_WORDS ? "\u2026" : "") + "\u201d";
    }
}

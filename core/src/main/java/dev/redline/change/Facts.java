package dev.redline.change;

import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a diff changes in the body: numbers, names and quotations in edited sentences, a
 * negation added or removed, a sentence deleted. Ops a boring rule excuses ({@link Diff#cosmeticReason})
 * change no fact, and neither does an added sentence (it says something new, it takes nothing
 * back). The headline and byline are left to headline tests. Stateless and thread-safe.
 */
final class Facts {
    /** “…”, "…", «…», „…“: single quotes are left out, they double as apostrophes. */
    private static final Pattern QUOTATION = Pattern.compile("“([^”]{2,})”|\"([^\"]{2,})\"|«\\s*([^»]{2,}?)\\s*»|„([^“”]{2,})[“”]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
            "thousand", "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "half", "third");
    /** Negation words of the five languages notes are read in; "n't" is matched as a suffix. */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "cannot", "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ne", "n'", "pas",
            "jamais", "aucun", "aucune", "nunca", "jamás", "ningún", "ninguna", "non", "mai", "nessun", "nessuno", "nessuna");

    private Facts() {
    }

    /** Every fact the body ops of {@code diff} change, in reading order. */
    static List<Fact> changed(DiffResult diff) {
        List<Fact> facts = new ArrayList<>();
        for (SentenceOp op : diff.ops()) {
            if (Diff.cosmeticReason(op) != null || op.op() == OpKind.ADD) {
                continue;
            }
            if (op.op() == OpKind.DELETE) {
                facts.add(new Fact(op.oldText(), null, FactKind.DELETED));
            } else if (!Normalize.key(op.oldText()).equals(Normalize.key(op.newText()))) {
                edited(op.oldText(), op.newText(), facts);
            }
        }
        return facts;
    }

    /** The facts that differ between two wordings of one sentence. */
    static void edited(String old, String neu, List<Fact> facts) {
        List<String> oldQuotes = quotations(old);
        List<String> newQuotes = quotations(neu);
        pair(oldQuotes, newQuotes, FactKind.QUOTATION, facts);
        String oldRest = QUOTATION.matcher(old).replaceAll(" ");
        String newRest = QUOTATION.matcher(neu).replaceAll(" ");
        pair(numbers(oldRest), numbers(newRest), FactKind.NUMBER, facts);
        pair(names(oldRest), names(newRest), FactKind.NAME, facts);
        if (negations(oldRest) != negations(newRest)) {
            facts.add(new Fact(old, neu, FactKind.NEGATION));
        }
    }

    /** Pairs what only {@code old} has with what only {@code neu} has, in order; the rest pairs with null. */
    private static void pair(List<String> old, List<String> neu, FactKind kind, List<Fact> facts) {
        List<String> removed = new ArrayList<>(old);
        List<String> added = new ArrayList<>(neu);
        for (String item : old) {
            if (added.remove(item)) {
                removed.remove(item);
            }
        }
        for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
            facts.add(new Fact(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null, kind));
        }
    }

    private static List<String> quotations(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTATION.matcher(sentence);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    out.add(Normalize.key(m.group(g)));
                }
            }
        }
        return out;
    }

    private static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        for (String token : Words.tokens(text)) {
            String word = bare(token).toLowerCase(Locale.ROOT);
            if (NUMBER_WORDS.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /**
     * Capitalised words other than the first of the sentence, and acronyms: a plain reading of
     * "a name" that needs no dictionary. It over-reads German, where every noun is capitalised.
     */
    private static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        List<String> tokens = Words.tokens(text);
        for (int k = 1; k < tokens.size(); k++) {
            String word = bare(tokens.get(k));
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0)) && !tokens.get(k - 1).matches(".*[.!?:]$")) {
                out.add(word);
            }
        }
        return out;
    }

    private static int negations(String text) {
        int count = 0;
        for (String token : Words.tokens(text.toLowerCase(Locale.ROOT))) {
            String word = bare(token);
            if (NEGATIONS.contains(word) || word.endsWith("n't") || word.endsWith("n’t")) {
                count++;
            }
        }
        return count;
    }

    /** The token without leading and trailing punctuation ("(Smith's," → "Smith's"). */
    private static String bare(String token) {
        return token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}'’]+$", "").replaceAll("['’]s$", "");
    }
}

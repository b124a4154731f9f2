package dev.redline.change;

import dev.redline.article.ArticleText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds correction, update, clarification and editor's notes in a version's text, in English,
 * German, French, Spanish and Italian. A note begins with one of the markers below at the start
 * of a paragraph or of a sentence, and runs to the end of its paragraph. A regex table rather than
 * a model: newsrooms print these notes in a handful of set phrases, and a table says exactly which.
 * Stateless and thread-safe.
 */
final class Notes {
    /**
     * A marker must open a paragraph or a sentence (follow one of {@link #SENTENCE_END} and a
     * whitespace), after optional brackets, stars or dashes. The markers are tried only at those
     * openings ({@link #openings}), not at every character as {@code find()} with a look-behind
     * would: that scan was most of the cost of reading a version's change facets.
     */
    private static final String OPENING = "[\\s*\\[(–—-]*";
    private static final String SENTENCE_END = ".!?…»\"”)";

    private record Marker(NoteKind kind, Pattern pattern) {
    }

    private static final List<Marker> MARKERS = List.of(
            marker(NoteKind.CORRECTION,
                    // en
                    "corrections?\\b\\s*(?:\\([^)]{0,40}\\)\\s*)?[:.–—-]",
                    "this (?:article|story|report|piece|post) (?:was|has been) (?:amended|corrected)",
                    "an? (?:earlier|previous|prior) version of this (?:article|story|report|piece|post)",
                    // de
                    "korrektur(?:hinweis)?\\s*[:.–—-]", "berichtigung\\s*[:.–—-]",
                    "in einer (?:früheren|vorherigen|älteren) (?:version|fassung) dies(?:es|er) (?:artikels|textes|beitrags|meldung)",
                    "(?:dieser|der) (?:artikel|text|beitrag) wurde (?:am [^,;:]{0,30}?)?\\s*(?:korrigiert|berichtigt)",
                    // fr
                    "rectificatif\\b", "erratum\\b", "correctif\\s*[:.–—-]",
                    "(?:une|dans une) (?:version |)(?:précédente|antérieure) (?:version )?de cet article",
                    "cet article a été (?:corrigé|rectifié)",
                    // es
                    "fe de (?:erratas|errores)\\b", "corrección\\s*[:.–—-]",
                    "una versión anterior de (?:este|esta) (?:artículo|nota|información|noticia)",
                    "(?:este|esta) (?:artículo|nota|información|noticia) (?:fue|ha sido) (?:corregid[oa]|rectificad[oa])",
                    // it
                    "rettifica\\b", "errata corrige\\b", "correzione\\s*[:.–—-]",
                    "una (?:precedente|prima) versione di questo articolo",
                    "questo articolo è stato (?:corretto|rettificato)"),
            marker(NoteKind.CLARIFICATION,
                    "clarifications?\\b\\s*(?:\\([^)]{0,40}\\)\\s*)?[:.–—-]",
                    "this (?:article|story|report|piece|post) (?:was|has been) clarified",
                    "klarstellung\\s*[:.–—-]", "präzisierung\\s*[:.–—-]",
                    "précision\\s*[:.–—-]", "clarification\\s*[:.–—-]",
                    "aclaración\\s*[:.–—-]", "precisión\\s*[:.–—-]",
                    "precisazione\\s*[:.–—-]", "chiarimento\\s*[:.–—-]"),
            marker(NoteKind.UPDATE,
                    // "Update:" needs its colon or dash: "Updated 10:33" is a timestamp line, not a note
                    "update[ds]?\\b\\s*(?:\\([^)]{0,40}\\)\\s*|\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*)?[:–—-]",
                    "this (?:article|story|report|piece|post) (?:was|has been) updated",
                    "aktualisierung\\s*[:.–—-]",
                    "(?:dieser|der) (?:artikel|text|beitrag) wurde (?:am [^,;:]{0,30}?)?\\s*aktualisiert",
                    "mise à jour\\s*[:.–—-]", "cet article a été (?:mis à jour|actualisé)",
                    "actualización\\s*[:.–—-]",
                    "(?:este|esta) (?:artículo|nota|información|noticia) (?:fue|ha sido) actualizad[oa]",
                    "aggiornamento\\s*[:.–—-]", "questo articolo è stato aggiornato"),
            marker(NoteKind.EDITOR,
                    "editor[’']?s[’']? note\\b", "note from the editors?\\b", "a note to readers\\b",
                    "anmerkung der redaktion\\b", "hinweis der redaktion\\b", "anm\\. d\\. red\\.",
                    "note de la rédaction\\b", "ndlr\\b", "n\\.d\\.l\\.r\\.",
                    "nota del editor\\b", "nota de la redacción\\b", "nota de los editores\\b",
                    "nota della redazione\\b", "n\\.d\\.r\\.", "ndr\\b"));

    private static final String MONTHS = "jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s)?|märz|apr(?:il)?|avr(?:il)?"
            + "|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|août|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?"
            + "|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?"
            + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
            + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre";
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(?:" + MONTHS + ")\\.?(?:\\s+(?:de(?:l)?\\s+)?\\d{4})?\\b"
                    + "|\\b(?:" + MONTHS + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b"
                    + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Notes() {
    }

    private static Marker marker(NoteKind kind, String... phrases) {
        return new Marker(kind, Pattern.compile(OPENING + "(?:" + String.join("|", phrases) + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The notes in a version's body, in reading order; one per paragraph at most, the first marker wins. */
    static List<Note> in(ArticleText text) {
        List<Note> notes = new ArrayList<>();
        for (String paragraph : text.paragraphs()) {
            Note note = in(paragraph);
            if (note != null) {
                notes.add(note);
            }
        }
        return notes;
    }

    /** The note a paragraph holds, or null. */
    static Note in(String paragraph) {
        int start = -1;
        NoteKind kind = null;
        List<Matcher> matchers = MARKERS.stream().map(m -> m.pattern().matcher(paragraph)).toList();
        // the first opening where a marker matches; at one opening the first marker in table order wins
        for (int at = 0; at >= 0 && kind == null; at = nextOpening(paragraph, at)) {
            for (int k = 0; k < MARKERS.size() && kind == null; k++) {
                Matcher m = matchers.get(k).region(at, paragraph.length());
                if (m.lookingAt()) {
                    start = at;
                    kind = MARKERS.get(k).kind();
                }
            }
        }
        if (kind == null) {
            return null;
        }
        String text = paragraph.substring(start).strip().replaceFirst("^[*\\[(–—-]+\\s*", "");
        Matcher date = DATE.matcher(text);
        return new Note(kind, text, date.find() ? date.group() : null);
    }

    /**
     * The next place after {@code at} where a sentence opens: right after a sentence-ending
     * character and one whitespace ({@code \\s} as the regexes read it), or -1.
     */
    static int nextOpening(String paragraph, int at) {
        for (int i = Math.max(at + 1, 2); i <= paragraph.length(); i++) {
            if (SENTENCE_END.indexOf(paragraph.charAt(i - 2)) >= 0 && isSpace(paragraph.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code \\s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}

package dev.redline.extract;

import dev.redline.extract.BlockWriter.Block;
import dev.redline.extract.BlockWriter.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line-level clean-up of an article's blocks: drops the site furniture that sits inside article
 * containers (link lists, "Read more", share and follow prompts, newsletter and app promos, cookie
 * notices, comment counters, photo credits, phone-number call-to-action lines, bylines and date
 * lines) by general patterns, and trims short non-sentence lines and dangling subheadings from the
 * ends. No site names, no page-specific strings. Stateless and thread-safe.
 */
final class Boilerplate {
    private static final int SHORT_LINE_WORDS = 15;
    private static final double LINK_LINE = 0.5;
    // Calls to action and furniture; only tested against short lines, so a sentence that merely
    // mentions a newsletter in the story stays.
    private static final Pattern FURNITURE = Pattern.compile("(?iu)^\\W*("
            + "advertisements?|advertising|advertisement feature|sponsored( content)?|ad|promoted( content)?|story continues( below)?( advertisement)?"
            + "|continue reading.*|(read|see|view|watch|listen|click|tap)( (the|our))?( (more|also|next|here|full|this|now|on|below|related|story|article|video|more stories))\\b.*"
            + "|related(( articles?| stories| coverage| content| links| news| posts?| reading| topics)\\b.*)?"
            + "|more (on|from|about|stories|news|coverage|in)\\b.*|(you|we) (may|might) also (like|enjoy).*|recommended( for you)?|trending( now)?|most (read|popular|viewed|shared)"
            + "|share( (this|the))?( (article|story|post|page|on.*))?|share via.*|tweet|e-?mail|print|save|copy link|comments?|reply"
            + "|(leave|post|add|write|view|show|read)( a| your| the)? comments?.*|no comments( yet)?|be the first to comment.*|\\d+ comments?"
            + "|(follow|like|join|find) us( on)?\\b.*|sign ?up\\b.*|subscribe\\b.*|.*\\bnewsletters?\\b.*|.*\\b(whatsapp|telegram)\\b.*"
            + "|(download|get|install) (our|the) (free )?app\\b.*|.*\\bapp (store|on (ios|android))\\b.*"
            + "|.*\\b(we|this (site|website)) uses? cookies\\b.*|.*\\bcookie (policy|settings|preferences)\\b.*|accept( all)?( cookies)?"
            + "|(photo|image|picture|video|graphic|illustration|file photo|caption|credit|source|photograph)s?( credit)?\\s*(:|/|by\\b|©).*"
            + "|(©|\\(c\\)|copyright\\b).*|all rights reserved.*"
            + "|(updated|published|posted|last (updated|modified)|first published)\\b.{0,60}\\d.*"
            + "|by\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}(\\s*(,|and|&)\\s*\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})*\\s*(,.*)?"
            + "|(tags?|topics?|filed under|categories|category)\\s*:.*"
            + "|(back to top|top of page|skip to.*|loading\\.*|please enable javascript.*|javascript is (disabled|required).*)"
            + "|(next|previous|prev)( (article|story|post|page))?\\b.*"
            + "|(image|photo|video)( \\d+)?( of \\d+)?|\\d+ of \\d+"
            + ")\\W*$");
    /** Calls to action that end (or open) articles at any length: subscriptions, contact prompts, tips. */
    private static final Pattern EDGE_CALL_TO_ACTION = Pattern.compile("(?iu).*\\b("
            + "click here|sign up|subscribe|newsletter|delivered (to|through) your (inbox|letterbox|door)|download (our|the)"
            + "|follow (us|him|her|them) on|(can|may) be reached at|send us|have a (news )?tip|contact (us|the author)"
            + "|like us on|join (us|the conversation)|this (article|story|post) (was|has been|is) (originally|first)? ?(published|posted|produced)"
            + ")\\b.*");
    private static final int EDGE_CALL_MAX_WORDS = 45;
    private static final Pattern SHORTCODE = Pattern.compile("^\\[(\\w+)[^\\]]*].*\\[/\\1]$|^\\[/?\\w+( [^\\]]*)?]$");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{7,}\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"”’»)\\]。！？]\\s*$");

    private Boilerplate() {
    }

    static List<String> clean(List<Block> blocks) {
        List<Block> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block b : blocks) {
            if (isFurniture(b)) {
                continue;
            }
            String key = b.text().toLowerCase(Locale.ROOT);
            // the same line twice is a pull quote or a repeated widget, not new text
            if (words(b.text()) >= 4 && !seen.add(key)) {
                continue;
            }
            kept.add(b);
        }
        trimEnds(kept);
        List<String> out = new ArrayList<>(kept.size());
        for (Block b : kept) {
            out.add(b.text());
        }
        return out;
    }

    static boolean isFurniture(Block b) {
        int words = words(b.text());
        if (b.linkDensity() > LINK_LINE && (words <= SHORT_LINE_WORDS * 2 || b.kind() != Kind.PARAGRAPH)) {
            return true;
        }
        if (SHORTCODE.matcher(b.text()).matches()) {
            return true;
        }
        if (words > SHORT_LINE_WORDS) {
            return false;
        }
        if (FURNITURE.matcher(b.text()).matches()) {
            return true;
        }
        // a short line with a phone number is a call to action ("Call us: +44 ..."), not story text
        return PHONE.matcher(b.text()).find() && words <= 10;
    }

    /** Leading and trailing lines that are not sentences (labels, kickers, dangling subheadings) go. */
    private static void trimEnds(List<Block> kept) {
        while (!kept.isEmpty() && isEdgeDebris(kept.getLast(), true)) {
            kept.removeLast();
        }
        while (!kept.isEmpty() && isEdgeDebris(kept.getFirst(), false)) {
            kept.removeFirst();
        }
    }

    private static boolean isEdgeDebris(Block b, boolean atEnd) {
        int words = words(b.text());
        if (b.kind() == Kind.HEADING) {
            return true;
        }
        if (words <= EDGE_CALL_MAX_WORDS && EDGE_CALL_TO_ACTION.matcher(b.text()).matches()) {
            return true;
        }
        if (SENTENCE_END.matcher(b.text()).find()) {
            return false;
        }
        return atEnd ? words <= 6 : words <= 4;
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            // scripts written without spaces: each ideograph or kana counts as a word
            if (letter && isUnspaced(c)) {
                count++;
                inWord = false;
                continue;
            }
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    private static boolean isUnspaced(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}

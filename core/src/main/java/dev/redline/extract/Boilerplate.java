package dev.redline.extract;

import dev.redline.extract.BlockWriter.Block;
import dev.redline.extract.TextBlock.Kind;
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
    /**
     * The same furniture in German, French, Spanish, Italian, Portuguese, Dutch and Polish: "read
     * also", share, related, advertisement, comments, subscribe, follow us, photo credits, tags and
     * publication stamps. Only tested against short lines, like {@link #FURNITURE}.
     */
    private static final Pattern FURNITURE_EUROPEAN = Pattern.compile("(?iu)^\\W*("
            + "weiterlesen|mehr (lesen|dazu|erfahren|zum thema)\\b.*|lesen sie (auch|mehr|hier)\\b.*|auch interessant\\b.*|siehe auch\\b.*"
            + "|lire (aussi|la suite|plus|également)\\b.*|à lire (aussi|également)\\b.*|voir aussi\\b.*|en savoir plus\\b.*"
            + "|(lea|lee|leer) (también|más|además)\\b.*|lea\\s*:.*|ver (también|más)\\b.*|(también )?te puede interesar\\b.*"
            + "|leggi (anche|di più|tutto)\\b.*|continua a leggere\\b.*|vedi anche\\b.*|potrebbe interessarti\\b.*"
            + "|leia (também|mais)\\b.*|veja (também|mais)\\b.*|saiba mais\\b.*|continue lendo\\b.*"
            + "|lees (ook|meer|verder)\\b.*|bekijk ook\\b.*|zie ook\\b.*"
            + "|(czytaj|przeczytaj) (też|także|również|więcej|dalej)\\b.*|zobacz (też|także|również)\\b.*"
            + "|(diesen )?artikel teilen|teilen( auf\\b.*)?|(möchten sie|wollen sie) (den|diesen) (artikel|beitrag) teilen.*"
            + "|partager( (cet article|l'article|sur\\b.*))?|compartir( (en\\b.*|este artículo))?|comparte( esta noticia)?"
            + "|condividi( (su\\b.*|l'articolo|questo articolo))?|compartilhe|compartilhar|partilhar|delen( op\\b.*)?|deel dit artikel"
            + "|udostępnij|podziel się\\b.*"
            + "|(ähnliche|verwandte|weitere) (artikel|beiträge|themen|nachrichten)\\b.*|das könnte sie auch interessieren.*"
            + "|articles? (similaires|liés|connexes)|sur le même sujet|(artículos|noticias) relacionad[ao]s|más noticias"
            + "|articoli correlati|notizie correlate|altri articoli|(artigos|notícias|matérias) relacionad[ao]s|mais notícias"
            + "|gerelateerde (artikelen|berichten)|meer nieuws|(powiązane|podobne) artykuły"
            + "|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|reklama"
            + "|\\d* ?(kommentare?|kommentieren|commentaires?|comentarios?|commenti|comentários|reacties|komentarze?)"
            + "|abonnieren\\b.*|jetzt abonnieren.*|abonnez-vous\\b.*|s'abonner\\b.*|suscríbete\\b.*|iscriviti\\b.*"
            + "|assine\\b.*|inscreva-se\\b.*|abonneer\\b.*|subskrybuj\\b.*|zapisz się\\b.*"
            + "|folgen sie uns\\b.*|suivez-nous\\b.*|síguenos\\b.*|seguici\\b.*|siga-nos\\b.*|volg ons\\b.*|obserwuj nas\\b.*"
            + "|(foto|fotos|bild|bildquelle|quelle|crédits?( photo)?|imagen|immagine|imagem|beeld|fot|zdjęcie|źródło)\\s*(:|/|©).*"
            + "|(schlagwörter|stichwörter|themen|mots-clés|etiquetas|etichette|palavras-chave|trefwoorden|tagi)\\s*:.*"
            + "|(veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado"
            + "|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano)\\b.{0,60}\\d.*"
            + "|(von|par|por|door)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}"
            + ")\\W*$");
    /** Calls to action that end (or open) articles at any length: subscriptions, contact prompts, tips. */
    private static final Pattern EDGE_CALL_TO_ACTION = Pattern.compile("(?iu).*\\b("
            + "click here|sign up|subscribe|newsletter|your inbox|delivered (to|through) your (letterbox|door)|download (our|the)"
            + "|use (the )?(promo |coupon |discount )?code|follow\\b.{0,60}\\bon (facebook|twitter|instagram|linkedin|youtube|tiktok)"
            + "|follow (us|him|her|them) on|(can|may) be reached at|send us|have a (news )?tip|contact (us|the author)"
            + "|like us on|join (us|the conversation)|this (article|story|post) (was|has been|is) (originally|first)? ?(published|posted|produced)"
            + ")\\b.*");
    private static final int EDGE_CALL_MAX_WORDS = 45;
    /** "Jane Roe is a reporter for ..." closing the story: the author's bio, not the story. */
    private static final Pattern AUTHOR_BIO = Pattern.compile("(?u)^(\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}(is|was|covers|writes)\\b.{0,80}\\b("
            + "reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|curator|intern|author|freelance)\\b.*");
    private static final int AUTHOR_BIO_MAX_WORDS = 40;
    /** "By NAME | date - Updated ..." opening the body. */
    private static final Pattern LEADING_BYLINE = Pattern.compile("(?iu)^by\\s+\\p{Lu}.*");
    private static final int LEADING_BYLINE_MAX_WORDS = 25;
    /** A short line announcing more/related stories: it and all after it are the page's, not the story's. */
    private static final Pattern END_MARKER = Pattern.compile("(?iu)^\\W*((more|other|related|recommended|popular|trending|latest|top|further)\\b.{0,40}\\b("
            + "stories|articles|news|reads|reading|posts|videos|coverage|headlines)\\b.{0,40}|(you|we) (may|might) also (like|enjoy).*|most (read|popular|viewed|shared)"
            + "|also (read|see)|read (more|next|also)|see also|recommended( for you)?"
            // the same in de, fr, es, it, pt, nl, pl
            + "|(mehr|weitere) (zum thema|nachrichten|artikel|beiträge)|das könnte sie auch interessieren|lesen sie auch|auch interessant"
            + "|à lire aussi|lire aussi|sur le même sujet|(también )?te puede interesar|noticias relacionadas|leggi anche"
            + "|articoli correlati|leia também|veja também|notícias relacionadas|lees ook|meer nieuws|czytaj (też|także)"
            + "|zobacz (też|także)|przeczytaj (też|także))\\W*$");
    private static final int END_MARKER_MAX_WORDS = 8;
    private static final int CREDIT_MAX_WORDS = 20;
    private static final Pattern SHORTCODE = Pattern.compile("^\\[(\\w+)[^\\]]*].*\\[/\\1]$|^\\[/?\\w+( [^\\]]*)?]$");
    /** Cookie and consent notices are long, so they are matched at any length. */
    private static final Pattern COOKIE_NOTICE = Pattern.compile("(?iu).*\\b((we|this (site|website)|our (site|website)) uses? cookies"
            + "|by (continuing|using) (to (use|browse) )?(this|our) (site|website)|accept (all )?cookies|cookie (policy|settings|preferences)"
            // the same in de, fr, es, it, pt, nl, pl
            + "|wir (verwenden|nutzen) cookies|diese (website|webseite|seite) (verwendet|nutzt) cookies|cookie-einstellungen"
            + "|nous utilisons des cookies|ce site utilise des cookies|(utilizamos|usamos) cookies|este (sitio|site)( web)? (utiliza|usa) cookies"
            + "|utilizziamo (i )?cookie|questo sito (utilizza|usa) (i )?cookie|wij gebruiken cookies|deze (website|site) gebruikt cookies"
            + "|używamy (plików )?cookie|ta strona (używa|wykorzystuje) (pliki |plików )?cookie)\\b.*");
    private static final int COOKIE_NOTICE_MAX_WORDS = 90;
    /** A date-and-time line ("Monday, 22 January 2018 at 0:13") standing alone at an end of the body. */
    private static final Pattern DATE_LINE = Pattern.compile("(?u).*\\b(1[89]|20)\\d{2}\\b.*\\b\\d{1,2}[:h.]\\d{2}\\b.*|.*\\b\\d{1,2}[:h.]\\d{2}\\b.*\\b(1[89]|20)\\d{2}\\b.*");
    private static final int DATE_LINE_MAX_WORDS = 12;
    /** "10:42", "9.15 am", "14h05", "10:42 Uhr": the time stamp heading a live page's entry. */
    private static final Pattern ENTRY_TIME = Pattern.compile("(?iu)^\\W*\\d{1,2}[:h.]\\d{2}(\\s*(am|pm|uhr|h))?\\W*$");
    /** Keyword lists: many short comma-separated phrases and no sentence ending. */
    private static final int KEYWORD_LIST_MIN_ITEMS = 6;
    private static final int KEYWORD_MAX_WORDS = 4;
    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("[,;|]");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{7,}\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"”’»)\\]。！？]\\s*$");

    private Boilerplate() {
    }

    static List<TextBlock> clean(List<Block> all) {
        List<Block> blocks = new ArrayList<>(all);
        cutAtEndMarker(blocks);
        List<Block> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block b : blocks) {
            if (isFurniture(b)) {
                continue;
            }
            // the same line twice is a pull quote or a repeated widget, not new text
            if (b.words() >= 4 && !seen.add(b.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            kept.add(b);
        }
        trimEnds(kept);
        List<TextBlock> out = new ArrayList<>(kept.size());
        for (Block b : kept) {
            out.add(new TextBlock(b.kind(), b.text()));
        }
        return out;
    }

    static boolean isFurniture(Block b) {
        int words = b.words();
        if (b.linkDensity() > LINK_LINE && (words <= SHORT_LINE_WORDS * 2 || b.kind() != Kind.PARAGRAPH)) {
            return true;
        }
        if (SHORTCODE.matcher(b.text()).matches()) {
            return true;
        }
        if (words <= COOKIE_NOTICE_MAX_WORDS && mentionsCookiesOrSite(b.text()) && COOKIE_NOTICE.matcher(b.text()).matches()) {
            return true;
        }
        if (words > SHORT_LINE_WORDS) {
            return false;
        }
        if (FURNITURE.matcher(b.text()).matches() || FURNITURE_EUROPEAN.matcher(b.text()).matches()) {
            return true;
        }
        if (words <= CREDIT_MAX_WORDS && b.text().indexOf('©') >= 0) {
            return true;
        }
        // a short line with a phone number is a call to action ("Call us: +44 ..."), not story text
        return PHONE.matcher(b.text()).find() && words <= 10;
    }

    /** In the second half of the body, a "More stories"-style line ends the article. */
    private static void cutAtEndMarker(List<Block> kept) {
        for (int i = kept.size() / 2; i < kept.size(); i++) {
            Block b = kept.get(i);
            if (isEndMarker(b)) {
                kept.subList(i, kept.size()).clear();
                return;
            }
        }
    }

    /** Cheap pre-check so the cookie-notice pattern only runs on the few lines that could match. */
    private static boolean mentionsCookiesOrSite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("cookie") || lower.contains("site");
    }

    private static boolean isKeywordList(String text) {
        if (SENTENCE_END.matcher(text).find()) {
            return false;
        }
        String[] items = KEYWORD_SEPARATOR.split(text);
        if (items.length < KEYWORD_LIST_MIN_ITEMS) {
            return false;
        }
        for (String item : items) {
            if (words(item) > KEYWORD_MAX_WORDS) {
                return false;
            }
        }
        return true;
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
        int words = b.words();
        if (b.kind() == Kind.HEADING) {
            // a subheading closing the body leads nowhere; one opening it leads into the text
            return atEnd;
        }
        if (isPatternDebris(b, atEnd, words)) {
            return true;
        }
        // list items are short by nature; a list closing the story is content, link lists went earlier;
        // a bare time is the stamp of a live page's entry
        if (SENTENCE_END.matcher(b.text()).find() || b.kind() == Kind.LIST_ITEM || ENTRY_TIME.matcher(b.text()).matches()) {
            return false;
        }
        return atEnd ? words <= 6 : words <= 4;
    }

    /** The edge rules that go by words (bylines, author bios, calls to action, date lines, keyword lists). */
    private static boolean isPatternDebris(Block b, boolean atEnd, int words) {
        return (atEnd ? words <= AUTHOR_BIO_MAX_WORDS && AUTHOR_BIO.matcher(b.text()).matches()
                : words <= LEADING_BYLINE_MAX_WORDS && LEADING_BYLINE.matcher(b.text()).matches())
                || words <= EDGE_CALL_MAX_WORDS && EDGE_CALL_TO_ACTION.matcher(b.text()).matches()
                || words <= DATE_LINE_MAX_WORDS && DATE_LINE.matcher(b.text()).matches() || isKeywordList(b.text());
    }

    /**
     * Whether a word pattern, not just the line's shape, marks it as furniture: {@link #isFurniture},
     * an end marker ("More stories") or an edge rule that reads words. {@link LearnedFilter} may keep
     * a line the generic rules dropped for its shape, never one of these.
     */
    static boolean matchesWordPattern(Block b, boolean atEnd) {
        return isFurniture(b) || isEndMarker(b) || isPatternDebris(b, atEnd, b.words());
    }

    /** A short line announcing more or related stories ({@link #cutAtEndMarker} cuts the body there). */
    static boolean isEndMarker(Block b) {
        return b.words() <= END_MARKER_MAX_WORDS && END_MARKER.matcher(b.text()).matches();
    }

    /** Whether a line ends like a sentence (full stop, question, quote, colon...). */
    static boolean endsSentence(String text) {
        return SENTENCE_END.matcher(text).find();
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            // scripts written without spaces: each ideograph or kana counts as a word
            if (letter && c >= FIRST_UNSPACED && isUnspaced(c)) {
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

    /** Thai, the first of the unspaced scripts counted here, starts at U+0E00; below it no lookup is needed. */
    private static final char FIRST_UNSPACED = '\u0E00';

    private static boolean isUnspaced(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}

package dev.redline.extract;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether a page is the article itself or something standing in its place (an error, paywall,
 * consent or login page, or a page with no headline or no text), decided from the page and not
 * from a word count: a breaking-news stub of one line is an article. The tracker stores a version
 * only for {@link Kind#ARTICLE}; anything else is an event with {@link #reason()}. Immutable and
 * thread-safe.
 *
 * <p>The stand-in pages are recognised by structure first (a password field, the page's own
 * {@code isAccessibleForFree: false}), and by their wording only when the body is short, with the
 * phrases in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish, so a long
 * article that merely mentions cookies or subscriptions is never mistaken for one.
 *
 * @param kind   the verdict
 * @param reason why the page is not the article, for people; null for {@link Kind#ARTICLE}
 */
public record PageVerdict(Kind kind, String reason) {
    /**
     * What the page is. {@link #UNREADABLE} is a fault of the response (empty, binary, broken, over
     * the parser's limits), not a page standing in the article's place: callers retry it as a failure.
     */
    public enum Kind { ARTICLE, NO_TEXT, NO_HEADLINE, ERROR_PAGE, PAYWALL, CONSENT, LOGIN, UNREADABLE }

    static final PageVerdict ARTICLE = new PageVerdict(Kind.ARTICLE, null);

    /** A stand-in page is short: its wording is only judged below this many words of body. */
    private static final int STAND_IN_MAX_WORDS = 120;
    /** An error page's headline is short: the status code or "not found" in one of the languages. */
    private static final int ERROR_HEADLINE_MAX_WORDS = 8;
    private static final Pattern ERROR_TITLE = Pattern.compile("(?iu)^\\W*((error|fehler|erreur|erro|errore|fout|błąd)\\W*)?(404|410|500|503)\\b.*|.*("
            + "page not found|not found|page (does not|doesn't) exist|page unavailable"
            + "|seite nicht gefunden|nicht gefunden|seite existiert nicht"
            + "|page introuvable|page non trouvée|n'existe pas"
            + "|página no encontrada|no se encontró|página não encontrada|não encontrada"
            + "|pagina non trovata|non trovata|pagina niet gevonden|niet gevonden"
            + "|nie znaleziono|strona nie istnieje).*");
    private static final Pattern PAYWALL = Pattern.compile("(?iu)("
            + "subscribe to (continue|read)|to continue reading|subscribers only|for subscribers|already a subscriber"
            + "|this (article|content) is (only )?(available|reserved)|premium (article|content)"
            + "|jetzt abonnieren|weiterlesen mit|nur für abonnenten|abo abschließen|plus-artikel"
            + "|réservé aux abonnés|abonnez-vous|pour lire la suite"
            + "|solo para suscriptores|suscríbete|para seguir leyendo|exclusivo para suscriptores"
            + "|riservato agli abbonati|abbonati per continuare|per continuare a leggere"
            + "|exclusivo para assinantes|assine para continuar|para continuar lendo"
            + "|alleen voor abonnees|lees verder met|word abonnee"
            + "|tylko dla subskrybentów|wykup (dostęp|subskrypcję)|czytaj dalej z)");
    /** Consent walls name cookies (the word is the same in every language here) or offer to accept all. */
    private static final Pattern CONSENT = Pattern.compile("(?iu)("
            + "cookie|privacy (settings|preferences)|accept all|datenschutzeinstellungen|alle akzeptieren"
            + "|accepter et fermer|tout accepter|aceptar todo|aceptar y continuar|accetta tutto|accetta e continua"
            + "|aceitar tudo|alles accepteren|akceptuj wszystko)");

    public PageVerdict {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ARTICLE) != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly when the page is not the article");
        }
    }

    /** Whether the page is the article, however short. */
    public boolean isArticle() {
        return kind == Kind.ARTICLE;
    }

    /**
     * Judges one page from its metadata, headline and body; {@code passwordField} says whether the
     * page as served asks for a password (extraction drops form fields, so the caller looks first).
     * The page's whole visible text ({@code pageText}) is only read when there is no body: a
     * newsletter box in the footer must not turn a short stub into a paywall.
     */
    static PageVerdict judge(PageMetadata meta, String headline, boolean passwordField, List<TextBlock> blocks,
                             String pageText) {
        if (blocks.isEmpty()) {
            // not the article in any case; the page's whole text only names what it is instead
            return PAYWALL.matcher(pageText).find() ? new PageVerdict(Kind.PAYWALL, "a paywall page")
                    : new PageVerdict(Kind.NO_TEXT, "the page has no body text");
        }
        if (headline == null || headline.isBlank()) {
            return new PageVerdict(Kind.NO_HEADLINE, "the page has no headline");
        }
        StringBuilder text = new StringBuilder();
        for (TextBlock b : blocks) {
            text.append(b.text()).append('\n');
        }
        String body = text.toString();
        if (Boilerplate.words(body) > STAND_IN_MAX_WORDS) {
            return ARTICLE;
        }
        if (Boilerplate.words(headline) <= ERROR_HEADLINE_MAX_WORDS && ERROR_TITLE.matcher(headline).matches()) {
            return new PageVerdict(Kind.ERROR_PAGE, "an error page (\"" + headline + "\")");
        }
        if (passwordField) {
            return new PageVerdict(Kind.LOGIN, "a login page");
        }
        if (Boolean.FALSE.equals(meta.accessibleForFree()) || PAYWALL.matcher(body).find()) {
            return new PageVerdict(Kind.PAYWALL, "a paywall page");
        }
        if (CONSENT.matcher(body).find()) {
            return new PageVerdict(Kind.CONSENT, "a consent page");
        }
        return ARTICLE;
    }
}

package dev.redline.trace;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Source;
import dev.redline.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hard provenance labelled set (issue 10): fictional histories whose consecutive versions
 * differ by one figure, one name, a paragraph added at the end or a paragraph moved (the headline
 * usually stays), stored in a real store; copies of every version with one of four kinds of damage;
 * and unrelated stories on the same topics that must match nothing. Deterministic for a seed.
 *
 * <p>Labels: the earliest version carrying the material the copy was made from (the headline when
 * the copy keeps it; every paragraph, in order, and nothing more when the copy is whole; the used
 * paragraphs in order when it is an excerpt). The damage never touches figures or names.
 */
final class ProvenanceSet {
    /** The four kinds of copy that defeat a count of shared phrases (issue 10). */
    enum Damage {
        /** A whole copy of a version that a later version contains entirely and extends; the copier's spellchecker fixed the typo the later version also fixed. */
        LATER_SUPERSET,
        /** A few words changed in every paragraph, one of them next to a figure or name. */
        COPIER_EDITS,
        /** 30-50 % of the words replaced by synonyms, headline included. */
        SPUN,
        /** The first paragraphs only, sometimes merged into one and without punctuation. */
        EXCERPT
    }

    /** How one version differs from the previous one. */
    enum Revision { FIGURE, NAME, APPENDED, MOVED }

    /** A labelled copy. */
    record Case(ArticleText copy, Damage damage, String url, int copied, int label) {
    }

    final List<Case> cases = new ArrayList<>();
    final List<ArticleText> unrelated = new ArrayList<>();
    /** Share of words the spinner replaced, over all spun copies. */
    double spunShare;

    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    private static final Pattern TYPO_WORD = Pattern.compile("\\b[a-z]{7,}\\b");

    private final FictionalNews news;
    private final Random random;
    private final Spinner spinner;

    private ProvenanceSet(long seed) {
        this.news = new FictionalNews(seed);
        this.random = new Random(seed * 7919 + 13);
        this.spinner = new Spinner(new Random(seed * 104729 + 3));
    }

    /** Stores {@code articles} histories of 2-5 versions and builds the copies and {@code unrelatedCount} unrelated texts. */
    static ProvenanceSet build(Store store, long seed, int articles, int unrelatedCount) {
        ProvenanceSet set = new ProvenanceSet(seed);
        List<Source> sources = new ArrayList<>();
        for (String name : List.of("harbour-gazette", "daily-lantern", "north-wire", "coast-chronicle")) {
            sources.add(store.addSource(name + "-" + seed, List.of(), List.of(), ExtractRules.NONE));
        }
        Instant start = Instant.parse("2026-05-04T06:00:00Z");
        int spunWords = 0;
        int spunReplaced = 0;
        for (int a = 0; a < articles; a++) {
            Source source = sources.get(a % sources.size());
            String url = "https://" + source.name() + ".example/story/" + a;
            Instant seen = start.plus(Duration.ofMinutes(23L * a));
            Article article = store.upsertArticle(url, source.id(), seen);
            History history = set.history(set.random.nextInt(set.news.topics()));
            for (int v = 0; v < history.versions.size(); v++) {
                store.appendVersion(article.id(), new NewVersion(seen.plus(Duration.ofHours(v)), history.versions.get(v),
                        Set.of(), false, null, null));
            }
            for (int v = 0; v < history.versions.size(); v++) {
                for (Damage damage : Damage.values()) {
                    Made made = set.copy(history, v, damage);
                    if (made == null) {
                        continue;
                    }
                    spunWords += made.words;
                    spunReplaced += made.replaced;
                    set.cases.add(new Case(made.copy, damage, url, v, label(history, v, made)));
                }
            }
        }
        set.spunShare = spunWords == 0 ? 0 : (double) spunReplaced / spunWords;
        for (int u = 0; u < unrelatedCount; u++) {
            ArticleText story = set.news.story(set.random.nextInt(set.news.topics()), 4 + set.random.nextInt(4));
            // half of them spun or hand-edited like the copies, so their words are as loose as a copy's
            set.unrelated.add(switch (u % 3) {
                case 0 -> story;
                case 1 -> set.spun(story).copy;
                default -> set.edited(story);
            });
        }
        return set;
    }

    /** The versions of one story, and which revision made each (index 0: none). */
    private record History(List<ArticleText> versions, List<Revision> revisions, String typo, String fixed) {
    }

    /** A copy as made, with the material it was made from (for the label) and spinning counts. */
    private record Made(ArticleText copy, boolean keepsHeadline, List<String> used, boolean whole, int replaced, int words) {
    }

    private History history(int topic) {
        ArticleText text = news.story(topic, 4 + random.nextInt(4));
        // the first version carries a typo that the first version adding a paragraph fixes
        String typo = null;
        String fixed = null;
        List<String> body = new ArrayList<>(text.paragraphs());
        for (int i = 0; i < body.size() && typo == null; i++) {
            Matcher m = TYPO_WORD.matcher(body.get(i));
            if (m.find()) {
                fixed = m.group();
                typo = fixed.substring(0, 2) + fixed.charAt(3) + fixed.charAt(2) + fixed.substring(4);
                body.set(i, body.get(i).substring(0, m.start()) + typo + body.get(i).substring(m.end()));
            }
        }
        text = new ArticleText(text.title(), text.byline(), body);
        List<ArticleText> versions = new ArrayList<>(List.of(text));
        List<Revision> revisions = new ArrayList<>();
        revisions.add(null);
        int count = 2 + random.nextInt(4);
        boolean typoFixed = typo == null;
        for (int v = 1; v < count; v++) {
            Revision revision = v == 1 && random.nextBoolean() ? Revision.APPENDED
                    : Revision.values()[random.nextInt(Revision.values().length)];
            ArticleText next = revise(text, topic, revision);
            if (next == null) {
                next = revise(text, topic, revision = Revision.APPENDED);
            }
            if (revision == Revision.APPENDED && !typoFixed) {
                next = fix(next, typo, fixed);
                typoFixed = true;
            }
            versions.add(next);
            revisions.add(revision);
            text = next;
        }
        return new History(versions, revisions, typo, fixed);
    }

    private static ArticleText fix(ArticleText text, String typo, String fixed) {
        return new ArticleText(text.title(), text.byline(),
                text.paragraphs().stream().map(p -> p.replace(typo, fixed)).toList());
    }

    /** The next version; null when the revision is impossible (no figure, no name to change). */
    private ArticleText revise(ArticleText previous, int topic, Revision revision) {
        List<String> body = new ArrayList<>(previous.paragraphs());
        String title = random.nextInt(4) == 0 ? news.headline(topic) : previous.title();
        switch (revision) {
            case FIGURE -> {
                List<int[]> numbers = occurrences(body, NUMBER);
                if (numbers.isEmpty()) {
                    return null;
                }
                int[] at = numbers.get(random.nextInt(numbers.size()));
                String p = body.get(at[0]);
                int old = Integer.parseInt(p.substring(at[1], at[2]));
                int delta = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(5));
                int neu = old + delta < 0 ? old - delta : old + delta;
                body.set(at[0], p.substring(0, at[1]) + neu + p.substring(at[2]));
            }
            case NAME -> {
                List<String> people = FictionalNews.people();
                List<int[]> names = occurrences(body, Pattern.compile(String.join("|", people.stream().map(Pattern::quote).toList())));
                if (names.isEmpty()) {
                    return null;
                }
                int[] at = names.get(random.nextInt(names.size()));
                String p = body.get(at[0]);
                String old = p.substring(at[1], at[2]);
                String neu = old;
                while (neu.equals(old)) {
                    neu = news.person();
                }
                body.set(at[0], p.substring(0, at[1]) + neu + p.substring(at[2]));
            }
            case APPENDED -> body.add(news.paragraph(topic));
            case MOVED -> {
                int from = random.nextInt(body.size());
                String moved = body.remove(from);
                int to = from;
                while (to == from) {
                    to = random.nextInt(body.size() + 1);
                }
                body.add(to, moved);
            }
        }
        return new ArticleText(title, previous.byline(), body);
    }

    /** Every match of {@code pattern} in the body: paragraph index, start, end. */
    private static List<int[]> occurrences(List<String> body, Pattern pattern) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Matcher m = pattern.matcher(body.get(i));
            while (m.find()) {
                out.add(new int[] {i, m.start(), m.end()});
            }
        }
        return out;
    }

    private Made copy(History history, int v, Damage damage) {
        ArticleText source = history.versions.get(v);
        return switch (damage) {
            case LATER_SUPERSET -> {
                boolean extended = v + 1 < history.versions.size() && history.revisions.get(v + 1) == Revision.APPENDED
                        && history.typo != null && source.bodyText().contains(history.typo);
                if (!extended) {
                    yield null;
                }
                ArticleText fixed = fix(source, history.typo, history.fixed);
                yield new Made(new ArticleText(fixed.title(), null, withBoilerplate(fixed.paragraphs())), true,
                        source.paragraphs(), true, 0, 0);
            }
            case COPIER_EDITS -> {
                ArticleText edited = edited(source);
                yield new Made(edited, true, source.paragraphs(), true, 0, 0);
            }
            case SPUN -> spun(source);
            case EXCERPT -> {
                int n = source.paragraphs().size();
                int keep = n == 1 ? 1 : 1 + random.nextInt(n - 1);
                List<String> used = source.paragraphs().subList(0, keep);
                List<String> body = new ArrayList<>(used);
                if (random.nextBoolean()) {
                    body = new ArrayList<>(List.of(String.join(" ", body)));
                }
                if (random.nextBoolean()) {
                    body.replaceAll(p -> p.replaceAll("[.,;:!?\"\u201c\u201d]", ""));
                }
                boolean keepsHeadline = random.nextBoolean();
                yield new Made(new ArticleText(keepsHeadline ? source.title() : "", null, body), keepsHeadline, used, false, 0, 0);
            }
        };
    }

    private ArticleText edited(ArticleText source) {
        String title = random.nextInt(5) == 0 ? "EXCLUSIVE: " + source.title() : source.title();
        List<String> body = new ArrayList<>();
        for (String paragraph : source.paragraphs()) {
            body.add(spinner.edit(paragraph, 2 + random.nextInt(2)));
        }
        return new ArticleText(title, null, withBoilerplate(body));
    }

    private Made spun(ArticleText source) {
        double rate = 0.30 + 0.20 * random.nextDouble();
        Spinner.Spun title = spinner.spin(source.title(), rate);
        List<String> body = new ArrayList<>();
        int replaced = title.replaced();
        int words = title.words();
        for (String paragraph : source.paragraphs()) {
            Spinner.Spun spun = spinner.spin(paragraph, rate);
            body.add(spun.text());
            replaced += spun.replaced();
            words += spun.words();
        }
        if (random.nextBoolean()) {
            body = withBoilerplate(body);
        }
        return new Made(new ArticleText(title.text(), null, body), true, source.paragraphs(), true, replaced, words);
    }

    private List<String> withBoilerplate(List<String> body) {
        List<String> out = new ArrayList<>(body);
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(FictionalNews.COPIER_BOILERPLATE.get(random.nextInt(FictionalNews.COPIER_BOILERPLATE.size())));
        }
        return out;
    }

    /**
     * The earliest version carrying the copy's material (see the class comment), the typo and its
     * fix counted as the same text: a copier's spellchecker makes the same fix, so a spelling
     * difference says nothing about which version was copied.
     */
    private static int label(History history, int v, Made made) {
        List<ArticleText> versions = history.typo == null ? history.versions
                : history.versions.stream().map(t -> fix(t, history.typo, history.fixed)).toList();
        List<String> used = history.typo == null ? made.used
                : made.used.stream().map(p -> p.replace(history.typo, history.fixed)).toList();
        for (int w = 0; w < v; w++) {
            ArticleText candidate = versions.get(w);
            boolean headline = !made.keepsHeadline || candidate.title().equals(versions.get(v).title());
            boolean body = made.whole ? candidate.paragraphs().equals(versions.get(v).paragraphs())
                    : isSubsequence(used, candidate.paragraphs());
            if (headline && body) {
                return w;
            }
        }
        return v;
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String p : whole) {
            if (at < part.size() && p.equals(part.get(at))) {
                at++;
            }
        }
        return at == part.size();
    }
}

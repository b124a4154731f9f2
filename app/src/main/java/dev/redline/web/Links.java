package dev.redline.web;

/** The site's URLs, built in one place so pages, feeds and redirects agree. */
public final class Links {
    private Links() {
    }

    public static String article(long id) {
        return "/articles/" + id;
    }

    /** A version's row on its article's page. */
    public static String versionRow(long articleId, int number) {
        return "/articles/" + articleId + "#v" + number;
    }

    public static String diff(long articleId, int from, int to) {
        return "/articles/" + articleId + "/diff/" + from + "/" + to;
    }

    /** The share card (PNG) of a diff. */
    public static String card(long articleId, int from, int to) {
        return diff(articleId, from, to) + "/card.png";
    }

    /** A version's own page: its text, notes and capture. */
    public static String version(long articleId, int version) {
        return "/articles/" + articleId + "/versions/" + version;
    }

    /** An article's download: {@code what} is history or edits, {@code format} json or csv. */
    public static String download(long articleId, String what, String format) {
        return "/articles/" + articleId + "/" + what + "." + format;
    }

    public static String raw(long articleId, int version) {
        return "/articles/" + articleId + "/versions/" + version + "/raw";
    }

    public static String articleFeed(long id) {
        return "/articles/" + id + "/changes.atom";
    }

    public static String sourceFeed(String name) {
        return "/sources/" + Fmt.url(name) + "/changes.atom";
    }

    /** A source's editing record page. */
    public static String source(String name) {
        return "/sources/" + Fmt.url(name);
    }

    public static String sourceRecordCsv(String name) {
        return source(name) + "/record.csv";
    }

    public static String sourceRecordJson(String name) {
        return "/api/sources/" + Fmt.url(name) + "/record";
    }

    public static final String CHANGES_FEED = "/feeds/changes.atom";
}

package dev.redline.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How one simulated site misbehaves; change it at any time (thread-safe). Defaults: well behaved.
 */
public final class Misbehaviour {
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean redirectLinks;
    private volatile boolean wrongCharset;
    private volatile boolean hugeBodies;
    private volatile boolean ignoreConditionalGet;
    private volatile List<String> robotsDisallow = List.of();
    private volatile int robotsStatus = 200;
    private volatile boolean redirectArticlesHome;
    private volatile boolean removalNotices;

    /** Every response waits this long (wall time) before answering. */
    public Misbehaviour delay(Duration d) {
        this.delay = d;
        return this;
    }

    /** The next {@code n} feed or article requests answer 500. */
    public Misbehaviour failNext(int n) {
        failNext.set(n);
        return this;
    }

    /** Feed links point to {@code /r/slug?utm_source=…}, which answers 301 to the article. */
    public Misbehaviour redirectLinks(boolean on) {
        this.redirectLinks = on;
        return this;
    }

    /** Article pages are UTF-8 but the header claims ISO-8859-1. */
    public Misbehaviour wrongCharset(boolean on) {
        this.wrongCharset = on;
        return this;
    }

    /** Article pages stream about 64 MB of comments after the story. */
    public Misbehaviour hugeBodies(boolean on) {
        this.hugeBodies = on;
        return this;
    }

    /** Never answer 304, whatever the validators say. */
    public Misbehaviour ignoreConditionalGet(boolean on) {
        this.ignoreConditionalGet = on;
        return this;
    }

    /** Path prefixes robots.txt disallows for every agent. */
    public Misbehaviour robotsDisallow(List<String> prefixes) {
        this.robotsDisallow = List.copyOf(prefixes);
        return this;
    }

    /** Status robots.txt answers with (e.g. 404 = no rules, 500 = unreachable). */
    public Misbehaviour robotsStatus(int status) {
        this.robotsStatus = status;
        return this;
    }

    /** Article pages answer 302 to the site's home page (a maintenance redirect, or a quiet take-down). */
    public Misbehaviour redirectArticlesHome(boolean on) {
        this.redirectArticlesHome = on;
        return this;
    }

    /** Article pages answer 200 with a page saying the article was removed. */
    public Misbehaviour removalNotices(boolean on) {
        this.removalNotices = on;
        return this;
    }

    boolean redirectArticlesHome() {
        return redirectArticlesHome;
    }

    boolean removalNotices() {
        return removalNotices;
    }

    Duration delay() {
        return delay;
    }

    boolean takeFailure() {
        return failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean redirectLinks() {
        return redirectLinks;
    }

    boolean wrongCharset() {
        return wrongCharset;
    }

    boolean hugeBodies() {
        return hugeBodies;
    }

    boolean ignoreConditionalGet() {
        return ignoreConditionalGet;
    }

    List<String> robotsDisallow() {
        return robotsDisallow;
    }

    int robotsStatus() {
        return robotsStatus;
    }
}

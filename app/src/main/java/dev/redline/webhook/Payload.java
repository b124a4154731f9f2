package dev.redline.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.diff.DiffResult;
import dev.redline.store.ArticleStatus;
import dev.redline.store.Watch;
import java.time.Instant;

/**
 * The JSON body of a webhook delivery:
 * {@code {"event":"version","watch":{id,kind,target},"article":{id,url,title,source,status},
 * "version":{n,previous,fetchedAt,title},"diff":<the diff JSON of redline diff --format json>}}.
 */
@JsonPropertyOrder({"event", "watch", "article", "version", "diff"})
record Payload(String event, WatchRef watch, ArticleRef article, VersionRef version, DiffResult diff) {

    record WatchRef(long id, Watch.Kind kind, String target) {
    }

    record ArticleRef(long id, String url, String title, String source, ArticleStatus status) {
    }

    /** The new version's number, the one it is compared with, when it was seen, its headline. */
    record VersionRef(int n, int previous, Instant fetchedAt, String title) {
    }
}

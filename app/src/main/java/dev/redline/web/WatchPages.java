package dev.redline.web;

import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import dev.redline.store.Store;
import dev.redline.store.Watch;
import dev.redline.webhook.DeliveryInfo;
import dev.redline.webhook.WatchInfo;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Locale;

/**
 * The watches page, the HTML side of {@code redline watch}: the webhooks, each with its recent
 * delivery log, and forms to add and remove them. A watch's receiver and log are the operator's
 * business, and a browser can send the admin token only in a form, so {@code GET /watches} shows
 * just the token form and every view of the list is a POST with the admin role; an added watch's
 * secret is shown on the page that answers the add, once. Thread-safe.
 */
final class WatchPages {
    static final int LOG_ROWS = 10;

    private final Store store;
    private final WatchApi api;
    private final WebServer server;

    WatchPages(Store store, WatchApi api, WebServer server) {
        this.store = store;
        this.api = api;
        this.server = server;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/watches", ctx -> server.render(ctx, "watches.jte", View.Watches.locked()));
        routes.post("/watches", ctx -> show(ctx, null, null), AdminAccess.Role.ADMIN);
        routes.post("/watches/add", this::add, AdminAccess.Role.ADMIN);
        routes.post("/watches/{id}/remove", ctx -> {
            long id = Params.id(ctx, "id");
            if (!store.watches().removeWatch(id)) {
                throw new NotFound("There is no watch " + id + ".");
            }
            show(ctx, "Watch " + id + " was removed, with its delivery log.", null);
        }, AdminAccess.Role.ADMIN);
    }

    private void add(Context ctx) {
        String kindName = ctx.formParam("kind");
        Watch.Kind kind;
        try {
            kind = Watch.Kind.fromWire(kindName == null ? "" : kindName.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("Choose what to watch: an article, a source or a query.");
        }
        String target = ctx.formParam("target");
        String url = ctx.formParam("url");
        if (target == null || target.isBlank() || url == null || url.isBlank()) {
            throw new BadInput("Give what to watch and the receiver's URL.");
        }
        Watch w = api.add(kind, target, url);
        show(ctx, "Watch " + w.id() + " was added.", w.secret());
    }

    private void show(Context ctx, String message, String newSecret) {
        List<View.WatchRow> rows = store.watches().watches().stream().map(w -> new View.WatchRow(WatchInfo.of(w),
                w.kind() == Watch.Kind.ARTICLE ? Links.article(Long.parseLong(w.target()))
                        : w.kind() == Watch.Kind.SOURCE ? Links.source(w.target()) : null,
                store.watches().deliveries(w.id(), LOG_ROWS).stream().map(DeliveryInfo::of).toList())).toList();
        server.render(ctx, "watches.jte", new View.Watches(true, rows, message, newSecret));
    }
}

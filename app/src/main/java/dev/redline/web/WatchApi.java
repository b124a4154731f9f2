package dev.redline.web;

import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import dev.redline.json.Json;
import dev.redline.store.Store;
import dev.redline.store.Watch;
import dev.redline.webhook.DeliveryInfo;
import dev.redline.webhook.WatchInfo;
import dev.redline.webhook.Webhooks;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The web side of {@code redline watch}: {@code /api/watches} to list, add and remove webhooks and
 * {@code /api/watches/{id}/deliveries} for a watch's delivery log. Every route needs the admin
 * token (a watch's URL and log are the operator's business). Thread-safe.
 */
final class WatchApi {
    private final Store store;
    private final Webhooks webhooks;

    WatchApi(Store store, Webhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/watches", ctx -> WebServer.json(ctx, store.watches().watches().stream().map(WatchInfo::of).toList()),
                AdminAccess.Role.ADMIN);
        routes.post("/api/watches", this::add, AdminAccess.Role.ADMIN);
        routes.delete("/api/watches/{id}", ctx -> {
            if (!store.watches().removeWatch(Params.id(ctx, "id"))) {
                throw new NotFound("There is no watch " + ctx.pathParam("id") + ".");
            }
            ctx.status(204);
        }, AdminAccess.Role.ADMIN);
        routes.get("/api/watches/{id}/deliveries", ctx -> {
            long id = Params.id(ctx, "id");
            store.watches().watch(id).orElseThrow(() -> new NotFound("There is no watch " + id + "."));
            int limit = Params.intQuery(ctx, "limit", 50, 1, 1000);
            WebServer.json(ctx, store.watches().deliveries(id, limit).stream().map(DeliveryInfo::of).toList());
        }, AdminAccess.Role.ADMIN);
    }

    /** {@code {"article": ID} | {"source": NAME} | {"query": WORDS}, "url": URL} → 201 with the watch and its secret (shown only now). */
    private void add(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new BadInput("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        String usage = "Send {\"url\": URL} with one of \"article\" (id), \"source\" (name) or \"query\" (words).";
        if (body == null || !body.isObject() || !body.path("url").isString()) {
            throw new BadInput(usage);
        }
        Watch w;
        if (body.path("article").isIntegralNumber()) {
            w = add(Watch.Kind.ARTICLE, Long.toString(body.path("article").asLong()), body.path("url").asString());
        } else if (body.path("source").isString()) {
            w = add(Watch.Kind.SOURCE, body.path("source").asString(), body.path("url").asString());
        } else if (body.path("query").isString()) {
            w = add(Watch.Kind.QUERY, body.path("query").asString(), body.path("url").asString());
        } else {
            throw new BadInput(usage);
        }
        ctx.status(201);
        WebServer.json(ctx, Map.of("watch", WatchInfo.of(w), "secret", w.secret(),
                "signatureHeader", Webhooks.SIGNATURE_HEADER));
    }

    /**
     * Adds a watch after checking it: the receiver through the private-address guard, the article
     * or source to exist, the query to hold a word. The one path of the API and the watches page.
     */
    Watch add(Watch.Kind kind, String target, String receiver) {
        if (webhooks == null) {
            throw new Unavailable("Webhooks are not available in this server.");
        }
        String url = receiver.strip();
        try {
            webhooks.checkReceiver(url);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        String t = target.strip();
        switch (kind) {
            case ARTICLE -> {
                long id;
                try {
                    id = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new BadInput("An article watch needs an article id, not '" + Params.abbreviate(t) + "'.");
                }
                store.article(id).orElseThrow(() -> new BadInput("There is no article " + id + "."));
                t = Long.toString(id);
            }
            case SOURCE -> {
                Lookups.filterSourceId(store, t);
            }
            case QUERY -> {
                if (Webhooks.words(t).isEmpty()) {
                    throw new BadInput("A query watch needs at least one word.");
                }
            }
        }
        return store.watches().addWatch(kind, t, url, Webhooks.newSecret());
    }
}

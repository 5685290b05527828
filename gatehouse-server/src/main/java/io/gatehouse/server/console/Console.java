package io.gatehouse.server.console;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Mounts the console: {@code /} and {@code /console} redirect to {@code /console/}, whose files come from the
 * classpath folder {@value #WEB_ROOT}.
 *
 * <p>Redirects are relative ({@code Location: console/}) so that the console also works behind a reverse proxy that
 * serves the hub under a path prefix; the console's scripts address the API relative to their page for the same
 * reason.
 */
public final class Console {
    /** A name no operator's working directory is likely to hold: Vert.x looks there before the classpath. */
    static final String WEB_ROOT = "gatehouse-console";
    /**
     * Only the hub's own scripts and styles; images from the hub or from object URLs (thumbnails are fetched with
     * the token and shown through {@code blob:} URLs); requests only to the hub; never framed.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob:",
            "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'");
    /** Files have no version in their names: let the browser keep them but ask the hub each time (a cheap 304). */
    static final String CACHE_CONTROL = "no-cache";

    private Console() {
    }

    public static void mount(Router router) {
        router.get("/").handler(ctx -> redirect(ctx, "console/"));
        router.get("/console").handler(ctx -> { // the router also matches /console/ here
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                redirect(ctx, "console/");
            }
        });
        // a StaticHandler's file cache is not thread-safe, and the hub serves HTTP from several event loops: one each
        ThreadLocal<StaticHandler> files = ThreadLocal.withInitial(() -> StaticHandler.create(WEB_ROOT));
        router.route("/console/*").handler(Console::headers).handler(ctx -> files.get().handle(ctx));
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).end();
    }

    private static void headers(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Cache-Control", CACHE_CONTROL)
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
    }
}

package io.wirestream.ops.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ops page and its JSON API, declared on any Javalin app's route config (the standalone {@link OpsServer}, or
 * local mode's):
 * {@code GET /} the page; {@code GET /api/overview} everything at once; {@code /api/lag}, {@code /api/freshness},
 * {@code /api/rejections}, {@code /api/stories}, {@code /api/services}, {@code /api/subscribers} one part each.
 */
public final class OpsRoutes {

    private static final String PAGE_RESOURCE = "/io/wirestream/ops/web/ops.html";
    private static final String PAGE = loadPage();

    private OpsRoutes() {
    }

    public static void register(RoutesConfig app, OpsDashboard dashboard) {
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(PAGE));
        app.get("/ops", ctx -> ctx.contentType("text/html; charset=utf-8").result(PAGE));
        app.get("/api/overview", ctx -> json(ctx, dashboard.snapshot()));
        app.get("/api/lag", ctx -> json(ctx, dashboard.lag()));
        app.get("/api/freshness", ctx -> json(ctx, dashboard.freshness()));
        app.get("/api/rejections", ctx -> json(ctx, dashboard.rejections()));
        app.get("/api/stories", ctx -> json(ctx, dashboard.stories()));
        app.get("/api/services", ctx -> json(ctx, dashboard.services()));
        app.get("/api/subscribers", ctx -> json(ctx, dashboard.subscribers()));
    }

    private static void json(Context ctx, Object body) {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(OpsJson.write(body));
    }

    private static String loadPage() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ops page missing from the jar: " + PAGE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

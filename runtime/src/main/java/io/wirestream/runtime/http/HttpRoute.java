package io.wirestream.runtime.http;

import java.util.Comparator;
import java.util.Locale;

/**
 * One route a service answers: an HTTP method and a path in OpenAPI's form, where every path parameter is written
 * {@code {name}} (Javalin's slash-accepting {@code <name>} included), so routes and an OpenAPI document compare as is.
 */
public record HttpRoute(String method, String path) implements Comparable<HttpRoute> {

    private static final Comparator<HttpRoute> ORDER = Comparator.comparing(HttpRoute::path).thenComparing(HttpRoute::method);

    public HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
        path = path.replace('<', '{').replace('>', '}');
    }

    public static HttpRoute get(String path) {
        return new HttpRoute("GET", path);
    }

    @Override
    public int compareTo(HttpRoute other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

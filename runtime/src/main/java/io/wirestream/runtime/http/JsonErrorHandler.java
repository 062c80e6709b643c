package io.wirestream.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's replies to requests it refuses before any route runs (headers too large: 431, a malformed request line:
 * 400) as JSON in the shape every service uses ({@code status}, {@code error}, {@code message}), instead of an HTML
 * page: clients of these APIs read JSON. Jetty 12 sends these through the server's error handler whatever the
 * client's {@code Accept} header says, so the body is JSON for every method and every {@code Accept}.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Jetty's default writes a body for GET, POST and HEAD only; a refused PUT deserves its reason too
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String reason = message != null ? message : HttpStatus.getMessage(code);
        String body = JSON.createObjectNode().put("status", code).put("error", "http_" + code).put("message", reason).toString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}

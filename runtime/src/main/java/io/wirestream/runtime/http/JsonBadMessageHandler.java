package io.wirestream.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's replies to requests it refuses before any route runs (headers too large: 431, a malformed request line:
 * 400) as JSON in the shape every service uses ({@code status}, {@code error}, {@code message}), instead of an HTML
 * page: clients of these APIs read JSON.
 */
final class JsonBadMessageHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String message = reason != null ? reason : HttpStatus.getMessage(status);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        String body = JSON.createObjectNode().put("status", status).put("error", "http_" + status).put("message", message).toString();
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }
}

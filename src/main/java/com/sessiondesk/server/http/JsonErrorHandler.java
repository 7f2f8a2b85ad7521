package com.sessiondesk.server.http;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own refusals (an unparsable request line, a {@code %00} or {@code ..} in the path, headers
 * too large) happen before Javalin sees the request: this makes them answer our error body too,
 * instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        if (code == 401) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        response.getOutputStream().write(body(code));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.INVALID_TOKEN;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        String message = switch (code) {
            case NOT_FOUND -> "No such route.";
            case INTERNAL -> "Internal error.";
            case INVALID_REQUEST -> "The request could not be read (malformed path, headers or body).";
            default -> "Refused.";
        };
        return Json.GSON.toJson(ErrorBody.of(code, message)).getBytes(StandardCharsets.UTF_8);
    }
}

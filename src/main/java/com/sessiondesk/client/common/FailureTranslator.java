package com.sessiondesk.client.common;

import com.google.gson.JsonParseException;
import com.google.gson.stream.MalformedJsonException;
import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Json;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * The one place that turns failures (HTTP statuses, error bodies, I/O, malformed JSON) into
 * {@link ClientError}s with a message a super user can act on. Nothing else inspects status codes.
 */
public final class FailureTranslator {


    private FailureTranslator() {
    }

    public static ClientError translate(Throwable failure) {
        if (failure instanceof ClientException known) {
            return known.error();
        }
        if (failure instanceof HttpException http) {
            return fromResponse(http.response());
        }
        // Malformed JSON first: MalformedJsonException and EOFException are IOExceptions too.
        if (failure instanceof JsonParseException || failure instanceof MalformedJsonException
               
                || failure instanceof EOFException) {
            return malformed();
        }
        if (failure instanceof InterruptedIOException) {
            return new ClientError.Unreachable(Messages.get("error.timeout"));
        }
        if (failure instanceof UnknownHostException) {
            return new ClientError.Unreachable(Messages.format("error.unknownHost", failure.getMessage()), false);
        }
        if (failure instanceof SSLException tls) {
            return new ClientError.Unreachable(tlsRefusal(tls), false);
        }
        if (failure instanceof ConnectException) {
            return new ClientError.Unreachable(Messages.get("error.unreachable"), false);
        }
        if (failure instanceof IOException) {
            return new ClientError.Unreachable(Messages.get("error.connection"));
        }
        return new ClientError.Unexpected(Messages.format("error.unexpected", String.valueOf(failure)));
    }

    /**
     * Why the secure connection failed, in words the admin can act on: an expired certificate, one
     * nobody vouches for (with its fingerprint, to compare with IT's), one for another name, or TLS
     * that does not work at all (for instance a plain HTTP server behind an https address).
     */
    private static String tlsRefusal(SSLException failure) {
        if (failure instanceof SSLPeerUnverifiedException) {
            return Messages.get("error.certificateName");
        }
        CertificateRefusal refusal = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return Messages.get("error.certificateExpired");
            }
            if (refusal == null && cause instanceof CertificateRefusal found) {
                refusal = found;
            }
        }
        return refusal != null ? Messages.format("error.certificateUntrusted", refusal.fingerprint())
                : Messages.get("error.tls");
    }

    public static ClientError malformed() {
        return new ClientError.MalformedAnswer(Messages.get("error.malformed"));
    }

    /** A response that was not successful: its status and {@code {"error","message"}} body. */
    public static ClientError fromResponse(Response<?> response) {
        int status = response.code();
        ErrorBody body = readBody(response);
        ErrorCode code = body == null ? null : ErrorCode.fromWireName(body.error());
        String serverMessage = body == null || body.message() == null || body.message().isBlank() ? null : body.message();
        if (status == 401) {
            return code == ErrorCode.INVALID_CREDENTIALS
                    ? new ClientError.NotSignedIn(Messages.get("error.wrongPassword"), false)
                    : new ClientError.NotSignedIn(Messages.get("error.sessionExpired"), true);
        }
        if (status == 403) {
            return new ClientError.Forbidden(code == ErrorCode.ACCOUNT_BLOCKED
                    ? Messages.get("error.blocked")
                    : Messages.get("error.notSuperUser"));
        }
        if (status == 429) {
            long seconds = retryAfterSeconds(response.headers().get("Retry-After"));
            return new ClientError.RateLimited(Messages.format("error.rateLimited", seconds), seconds);
        }
        if (status == 410 && code == ErrorCode.CURSOR_EXPIRED) {
            return new ClientError.CursorExpired(Messages.get("error.cursorExpired"));
        }
        if (status == 404) {
            return new ClientError.Rejected(serverMessage != null ? serverMessage
                    : Messages.get("error.notFound"), status);
        }
        if (status >= 400 && status < 500) {
            return new ClientError.Rejected(serverMessage != null ? serverMessage
                    : Messages.format("error.refused", status), status);
        }
        return new ClientError.ServerFailure(Messages.format("error.server", status), status);
    }

    private static ErrorBody readBody(Response<?> response) {
        try (var errorBody = response.errorBody()) {
            if (errorBody == null) {
                return null;
            }
            return Json.GSON.fromJson(errorBody.string(), ErrorBody.class);
        } catch (IOException | RuntimeException e) {
            return null; // a non-JSON error page: the status alone decides
        }
    }

    private static long retryAfterSeconds(String header) {
        if (header != null) {
            try {
                return Math.max(1, Long.parseLong(header.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date or junk: fall through to a sensible default
            }
        }
        return 60;
    }
}

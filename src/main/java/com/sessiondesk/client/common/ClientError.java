package com.sessiondesk.client.common;

/**
 * Every way a call to the server can fail, as the client's views need to tell them apart. Made
 * only by {@link FailureTranslator}; views show {@link #message()}.
 */
public sealed interface ClientError {

    String message();

    /**
     * No answer: connection refused, unknown host, timeout, broken TLS. The data shown goes stale.
     *
     * @param requestMayHaveArrived false when no connection was made (the request was surely not
     *     handled); true after a timeout or a broken connection (the server may have acted on it)
     */
    record Unreachable(String message, boolean requestMayHaveArrived) implements ClientError {

        public Unreachable(String message) {
            this(message, true);
        }
    }

    /** 401: the admin token expired or was revoked (or the password was wrong at sign-in). */
    record NotSignedIn(String message, boolean sessionExpired) implements ClientError {
    }

    /** 403: not a super user, or the account is blocked. */
    record Forbidden(String message) implements ClientError {
    }

    /** 429: too many attempts; retry after the given number of seconds. */
    record RateLimited(String message, long retryAfterSeconds) implements ClientError {
    }

    /** 400 or 404: the server refused this particular request. */
    record Rejected(String message, int status) implements ClientError {
    }

    /** 5xx or an unexpected status. */
    record ServerFailure(String message, int status) implements ClientError {
    }

    /** The server answered with something that is not the JSON of the contract. */
    record MalformedAnswer(String message) implements ClientError {
    }

    /** A bug on our side; the message is for a bug report. */
    record Unexpected(String message) implements ClientError {
    }
}

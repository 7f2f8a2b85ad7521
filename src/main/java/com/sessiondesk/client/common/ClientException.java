package com.sessiondesk.client.common;

/** Carries an already translated {@link ClientError} through code that throws. */
public final class ClientException extends RuntimeException {

    private final ClientError error;

    public ClientException(ClientError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ClientError error() {
        return error;
    }
}

package com.sessiondesk.server.store;

import java.sql.SQLException;

/** A database failure: the request answers 500 {@code internal}; the cause is logged, never sent. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

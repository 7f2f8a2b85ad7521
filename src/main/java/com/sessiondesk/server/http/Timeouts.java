package com.sessiondesk.server.http;

import java.time.Duration;

/**
 * How long an admin token and a mobile session live, and how many sessions a user holds: what the routes need of the service's
 * settings ({@code server.ServerConfig} has them), so that this package does not depend on it.
 */
public interface Timeouts {

    /** An admin token unused this long has expired. */
    Duration adminIdleTimeout();

    /** An admin token this old has expired, used or not. */
    Duration adminAbsoluteTimeout();

    /** A mobile session unused this long has expired. */
    Duration mobileIdleTimeout();

    /** A mobile session this old has expired, used or not. */
    Duration mobileAbsoluteTimeout();

    /** How many active mobile sessions one user may hold: a login beyond it ends the oldest. */
    int maxSessionsPerUser();
}

package com.sessiondesk.server.observability;

import com.sessiondesk.server.observability.Metrics.Login;
import com.sessiondesk.server.observability.Metrics.Logout;

/**
 * Turns an answered request into the service's counters, by route template and status: a sign-in
 * (device or admin) is ok (2xx), failed (401 wrong credentials, 403 blocked account), throttled
 * (429) or busy (503; a bad request counts as none of them); a heartbeat counts when accepted, a
 * log out of one session, of a user or in bulk when it succeeded.
 */
final class ApiOutcomes {

    private ApiOutcomes() {
    }

    static void count(Metrics metrics, String method, String route, int status) {
        if (!method.equals("POST")) {
            return;
        }
        boolean success = status >= 200 && status < 300;
        switch (route) {
            case "/api/v1/mobile/login", "/api/v1/admin/login" -> {
                Login result = login(status);
                if (result != null) {
                    metrics.login(result);
                }
            }
            case "/api/v1/mobile/heartbeat" -> {
                if (success) {
                    metrics.heartbeat();
                }
            }
            case "/api/v1/sessions/{id}/logout" -> logout(metrics, success, Logout.SESSION);
            case "/api/v1/users/{username}/logout" -> logout(metrics, success, Logout.USER);
            case "/api/v1/sessions/logout" -> logout(metrics, success, Logout.BULK);
            default -> {
                // not counted
            }
        }
    }

    private static Login login(int status) {
        if (status >= 200 && status < 300) {
            return Login.OK;
        }
        return switch (status) {
            case 401, 403 -> Login.FAILED;
            case 429 -> Login.THROTTLED;
            case 503 -> Login.BUSY;
            default -> null;
        };
    }

    private static void logout(Metrics metrics, boolean success, Logout kind) {
        if (success) {
            metrics.logout(kind);
        }
    }
}

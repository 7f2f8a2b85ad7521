package com.sessiondesk.simulate;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.function.Consumer;
import retrofit2.Response;

/**
 * One phone running a mobile app: signs in, heartbeats with its count of unsynced items, and when
 * the server answers 401 it goes back to the login page, like the real app.
 */
final class SimulatedDevice {

    enum State { NOT_SIGNED_IN, SIGNED_IN, LOGIN_PAGE }

    private final int number;
    private final String username;
    private final String application;
    private final String appVersion;
    private final String deviceId;
    private final String deviceModel;
    private final String deviceOs;
    private final String language;
    private final SessionDeskApi api;
    private final Consumer<String> out;
    private final Random random;

    private State state = State.NOT_SIGNED_IN;
    private String token;
    /** The device ticket of the last successful login, sent with the next one (like the real app). */
    private String deviceTicket;
    private int pendingSyncItems;
    private int heartbeats;
    private boolean signedOutByOffice;
    private boolean refusedAsBlocked;
    private String lastProblem;

    SimulatedDevice(int number, String username, String application, String appVersion, String deviceId,
            String deviceModel, String deviceOs, String language, SessionDeskApi api, Consumer<String> out,
            long seed) {
        this.number = number;
        this.username = username;
        this.application = application;
        this.appVersion = appVersion;
        this.deviceId = deviceId;
        this.deviceModel = deviceModel;
        this.deviceOs = deviceOs;
        this.language = language;
        this.api = api;
        this.out = out;
        this.random = new Random(seed);
    }

    /** One step: sign in when not yet, heartbeat when signed in, nothing on the login page. */
    synchronized void tick(String password) {
        switch (state) {
            case NOT_SIGNED_IN -> signIn(password);
            case SIGNED_IN -> heartbeat();
            case LOGIN_PAGE -> { }
        }
    }

    private void signIn(String password) {
        try {
            Response<MobileLoginResponse> response = api.mobileLogin(new MobileLoginRequest(username, password,
                    application, appVersion, deviceId, deviceModel, deviceOs, language, deviceTicket)).execute();
            if (response.isSuccessful() && response.body() != null) {
                token = response.body().token();
                deviceTicket = response.body().deviceTicket();
                state = State.SIGNED_IN;
                say("signed in (" + language + ")");
                return;
            }
            ErrorBody error = error(response);
            if (response.code() == 503) {
                // The service checks a few passwords at a time: try again at the next tick.
                problem("sign-in deferred: the service is busy (503)");
                return;
            }
            if ("account_blocked".equals(error.error())) {
                refusedAsBlocked = true;
                state = State.LOGIN_PAGE;
                say("cannot sign in: account blocked (403). Stays on the login page.");
            } else {
                state = State.LOGIN_PAGE;
                say("cannot sign in: " + response.code() + " " + error.error() + ": " + error.message());
            }
        } catch (IOException e) {
            unreachable(e);
        }
    }

    private void heartbeat() {
        // Offline work piles up, then syncs: a small random walk.
        pendingSyncItems = Math.max(0, pendingSyncItems + random.nextInt(5) - 2);
        try {
            Response<Void> response = api.heartbeat(SessionDeskApi.bearer(token),
                    new HeartbeatRequest(pendingSyncItems)).execute();
            if (response.isSuccessful()) {
                heartbeats++;
                lastProblem = null;
                return;
            }
            ErrorBody error = error(response);
            if (response.code() == 401) {
                signedOutByOffice = "session_ended".equals(error.error());
                state = State.LOGIN_PAGE;
                token = null;
                String reason = error.reason() == null || error.reason().isBlank() ? "none given" : error.reason();
                say(signedOutByOffice
                        ? "signed out by the office, back to the login page. Reason: " + reason
                                + lostWork()
                        : "token refused (" + error.error() + "), back to the login page.");
            } else {
                problem("heartbeat answered " + response.code() + " " + error.error());
            }
        } catch (IOException e) {
            unreachable(e);
        }
    }

    private String lostWork() {
        return pendingSyncItems == 0 ? ""
                : " (" + pendingSyncItems + " unsynced item" + (pendingSyncItems == 1 ? "" : "s") + " lost)";
    }

    private static ErrorBody error(Response<?> response) {
        try (var body = response.errorBody()) {
            if (body != null) {
                ErrorBody parsed = Json.GSON.fromJson(body.charStream(), ErrorBody.class);
                if (parsed != null && parsed.error() != null) {
                    return parsed;
                }
            }
        } catch (RuntimeException e) {
            // not our error body: fall through
        }
        return new ErrorBody("http_" + response.code(), response.message(), null);
    }

    private void unreachable(IOException e) {
        boolean simulationOver = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
        if (!simulationOver) {
            problem("server unreachable: " + e.getMessage());
        }
    }

    /** Prints a problem once, not on every tick while it lasts. */
    private void problem(String text) {
        if (!text.equals(lastProblem)) {
            say(text);
            lastProblem = text;
        }
    }

    private void say(String text) {
        out.accept("device " + number + " (" + username + ", " + application + " " + appVersion + " on "
                + deviceModel + "): " + text);
    }

    synchronized State state() {
        return state;
    }

    synchronized int heartbeats() {
        return heartbeats;
    }

    synchronized boolean signedOutByOffice() {
        return signedOutByOffice;
    }

    synchronized boolean refusedAsBlocked() {
        return refusedAsBlocked;
    }
}

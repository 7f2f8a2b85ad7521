package com.sessiondesk.simulate;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.HeartbeatAnswer;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import retrofit2.Response;

/**
 * One phone running a mobile app, the reference device: signs in, holds its event stream
 * ({@link DeviceStream}: {@code GET /api/v1/mobile/events}) while in the foreground, heartbeats with
 * its count of unsynced items, and when the office ends the session it goes back to the login page
 * with the reason, counting the unsynced items lost. Told {@code sync_then_logout} (by the stream or a
 * heartbeat answer), it uploads its unsynced items first (a little time per item), reports 0 and
 * then goes to the login page.
 */
final class SimulatedDevice implements DeviceStream.Device {

    enum State { NOT_SIGNED_IN, SIGNED_IN, SYNCING, LOGIN_PAGE }

    /** How the device talks to the service, shared by a fleet. */
    record Link(SessionDeskApi api, OkHttpClient streamHttp, String baseUrl, ScheduledExecutorService scheduler,
            boolean holdStream, long syncMillisPerItem) {
    }

    private final int number;
    private final String username;
    private final String application;
    private final String appVersion;
    private final String deviceId;
    private final String deviceModel;
    private final String deviceOs;
    private final String language;
    private final Link link;
    private final Consumer<String> out;
    private final Random random;
    private final DeviceStream stream;

    private State state = State.NOT_SIGNED_IN;
    private String token;
    private String sessionId;
    /** The device ticket of the last successful login, sent with the next one (like the real app). */
    private String deviceTicket;
    private int pendingSyncItems;
    private boolean walkPending = true;
    private int heartbeats;
    private boolean signedOutByOffice;
    private boolean refusedAsBlocked;
    private String lastProblem;
    private long toldAtMillis;
    private String toldBy;
    private int syncedItems;
    private int lostItems;

    SimulatedDevice(int number, String username, String application, String appVersion, String deviceId,
            String deviceModel, String deviceOs, String language, Link link, Consumer<String> out, long seed) {
        this.number = number;
        this.username = username;
        this.application = application;
        this.appVersion = appVersion;
        this.deviceId = deviceId;
        this.deviceModel = deviceModel;
        this.deviceOs = deviceOs;
        this.language = language;
        this.link = link;
        this.out = out;
        this.random = new Random(seed);
        this.stream = new DeviceStream(link, "device-" + number + "-stream", this);
    }

    /** Starts with this many unsynced items that stay until synced (no random walk). */
    synchronized void holdUnsyncedItems(int items) {
        pendingSyncItems = items;
        walkPending = false;
    }

    /** One step: sign in when not yet, heartbeat when signed in (reopening a lost stream), nothing on the login page. */
    synchronized void tick(String password) {
        switch (state) {
            case NOT_SIGNED_IN -> signIn(password);
            case SIGNED_IN -> {
                if (link.holdStream() && !stream.held()) {
                    stream.open(token);
                }
                heartbeat();
            }
            case SYNCING, LOGIN_PAGE -> { }
        }
    }

    private void signIn(String password) {
        try {
            Response<MobileLoginResponse> response = link.api().mobileLogin(new MobileLoginRequest(username, password,
                    application, appVersion, deviceId, deviceModel, deviceOs, language, deviceTicket)).execute();
            if (response.isSuccessful() && response.body() != null) {
                token = response.body().token();
                sessionId = response.body().sessionId();
                deviceTicket = response.body().deviceTicket();
                state = State.SIGNED_IN;
                say("signed in (" + language + ")");
                if (link.holdStream()) {
                    stream.open(token);
                }
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

    // --- what the event stream says (DeviceStream calls these holding this device's lock) ---

    @Override
    public synchronized String token() {
        return token;
    }

    @Override
    public synchronized void syncThenLogout(String reason, String syncDeadline) {
        told("stream");
        startSync(reason, syncDeadline);
    }

    @Override
    public synchronized void sessionEnded(String how, String reason, String extra) {
        told(how);
        toLoginPage(reason, extra);
    }

    // --- heartbeats ---

    private void heartbeat() {
        if (walkPending) {
            // Offline work piles up, then syncs: a small random walk.
            pendingSyncItems = Math.max(0, pendingSyncItems + random.nextInt(5) - 2);
        }
        try {
            Response<HeartbeatAnswer> response = link.api().heartbeatForAnswer(SessionDeskApi.bearer(token),
                    new HeartbeatRequest(pendingSyncItems)).execute();
            if (response.isSuccessful()) {
                heartbeats++;
                lastProblem = null;
                HeartbeatAnswer answer = response.body();
                if (answer != null && HeartbeatAnswer.SYNC_THEN_LOGOUT.equals(answer.status())) {
                    told("response");
                    startSync(answer.reason(), answer.syncDeadline().toString());
                }
                return;
            }
            refusedHeartbeat(response);
        } catch (IOException e) {
            unreachable(e);
        }
    }

    private void refusedHeartbeat(Response<?> response) {
        ErrorBody error = error(response);
        if (response.code() == 401) {
            if ("session_ended".equals(error.error())) {
                told("response");
                toLoginPage(error.reason(), "");
            } else {
                state = State.LOGIN_PAGE;
                stream.close();
                say("token refused (" + error.error() + "), back to the login page.");
            }
        } else {
            problem("heartbeat answered " + response.code() + " " + error.error());
        }
    }

    // --- log out after sync ---

    private void startSync(String reason, String deadline) {
        if (state != State.SIGNED_IN) {
            return;
        }
        state = State.SYNCING;
        say("told to sync, then log out (by " + deadline + "): uploading " + items(pendingSyncItems)
                + ". Reason: " + reasonText(reason));
        link.scheduler().schedule(this::syncStep, link.syncMillisPerItem(), TimeUnit.MILLISECONDS);
    }

    /** Uploads one item per step; at 0 reports it, and the session ends. */
    private synchronized void syncStep() {
        if (state != State.SYNCING) {
            return;
        }
        if (pendingSyncItems > 0) {
            pendingSyncItems--;
            syncedItems++;
        }
        if (pendingSyncItems > 0) {
            link.scheduler().schedule(this::syncStep, link.syncMillisPerItem(), TimeUnit.MILLISECONDS);
            return;
        }
        try {
            Response<HeartbeatAnswer> response = link.api().heartbeatForAnswer(SessionDeskApi.bearer(token),
                    new HeartbeatRequest(0)).execute();
            if (response.isSuccessful()) {
                problem("reported 0 unsynced items but the session goes on (" + response.code() + ")");
                state = State.SIGNED_IN;
            } else {
                refusedHeartbeat(response);
            }
        } catch (IOException e) {
            unreachable(e);
            link.scheduler().schedule(this::syncStep, 1, TimeUnit.SECONDS);
        }
    }

    // --- the end ---

    private void told(String how) {
        if (toldAtMillis == 0) {
            toldAtMillis = System.currentTimeMillis();
            toldBy = how;
        }
    }

    private void toLoginPage(String reason, String extra) {
        if (state == State.LOGIN_PAGE) {
            return;
        }
        signedOutByOffice = true;
        lostItems = pendingSyncItems;
        state = State.LOGIN_PAGE;
        token = null;
        stream.close();
        say("signed out by the office, back to the login page. " + reasonSentence(reason, lostWork(), extra));
    }

    /**
     * "Reason: Suspended pending review (3 unsynced items lost). Account blocked.": the reason (and
     * what became of the device's work) as one sentence, then what {@code extra} adds as another.
     */
    static String reasonSentence(String reason, String work, String extra) {
        String sentence = ("Reason: " + reasonText(reason)).strip() + work;
        if (!sentence.endsWith(".") && !sentence.endsWith("!") && !sentence.endsWith("?")) {
            sentence += ".";
        }
        return extra == null || extra.isBlank() ? sentence : sentence + " " + extra.strip();
    }

    private static String reasonText(String reason) {
        return reason == null || reason.isBlank() ? "none given" : reason;
    }

    private static String items(int count) {
        return count + " unsynced item" + (count == 1 ? "" : "s");
    }

    private String lostWork() {
        String synced = syncedItems == 0 ? "" : " (synced " + items(syncedItems).replace("unsynced ", "") + " first)";
        return synced + (pendingSyncItems == 0 ? "" : " (" + items(pendingSyncItems) + " lost)");
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

    /** The app goes to the background: its stream closes. */
    synchronized void stop() {
        stream.close();
    }

    int number() {
        return number;
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

    synchronized String sessionId() {
        return sessionId;
    }

    synchronized boolean streamOpen() {
        return stream.isOpen();
    }

    /** Wall-clock time the office's log out first reached the device (0: not yet), and how. */
    synchronized long toldAtMillis() {
        return toldAtMillis;
    }

    synchronized String toldBy() {
        return toldBy;
    }

    synchronized int syncedItems() {
        return syncedItems;
    }

    synchronized int lostItems() {
        return lostItems;
    }

    synchronized int pendingSyncItems() {
        return pendingSyncItems;
    }
}

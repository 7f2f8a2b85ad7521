package com.sessiondesk.client.gui;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.User;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The real session service in-process on a fresh SQLite file with the demo agency, seen from the test's side: an admin
 * API to check what the window claims, and mobile devices to create the data each test needs.
 */
final class LiveServer implements AutoCloseable {

    static final String ADMIN = TestServers.ADMIN;

    final String adminPassword;
    private final SessionServer server;
    private final SessionDeskApi admin;
    private final SessionDeskApi mobile;
    private final Set<String> handedOut = new HashSet<>();
    private boolean closed;

    private LiveServer(ServerConfig config) {
        adminPassword = config.initialAdminPassword();
        server = SessionServer.start(config);
        String token = server.issueAdminToken(ADMIN);
        OkHttpClient http = new OkHttpClient.Builder()
                .readTimeout(20, TimeUnit.SECONDS)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", SessionDeskApi.bearer(token)).build()))
                .build();
        admin = ApiClients.create(server.baseUrl(), http);
        mobile = ApiClients.create(server.baseUrl(), new OkHttpClient());
    }

    /**
     * The real service with the demo agency on a fresh SQLite file, run by the tests' one extension
     * ({@code @RegisterExtension}: a static field for the class, an instance field for each test).
     */
    static TestServers.Running<LiveServer> running() {
        return running(config -> config);
    }

    /** The same with changed settings (a clock the test moves, short admin token timeouts). */
    static TestServers.Running<LiveServer> running(UnaryOperator<ServerConfig> change) {
        return TestServers.sqlite().demo().with(change).as(LiveServer::new);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** A device of the test: its session and token, and the unique model it shows in the table. */
    record Device(String username, String sessionId, String token, String deviceModel) {
        String bearer() {
            return SessionDeskApi.bearer(token);
        }
    }

    // --- what the server holds (the truth the window is checked against) ---

    List<Session> sessions() {
        return ok(admin.sessions(null, null, null)).sessions();
    }

    List<Session> sessionsOf(String username) {
        return ok(admin.sessions(username, null, null)).sessions();
    }

    List<User> users() {
        return ok(admin.users(null, null)).users();
    }

    User user(String username) {
        return users().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + username));
    }

    void block(String username, String reason) {
        ok(admin.blockUser(username, new ReasonRequest(reason)));
    }

    /** Another admin's log out of one session, through the API. */
    void logoutSession(String sessionId, String reason) {
        ok(admin.logoutSession(sessionId, new com.sessiondesk.api.LogoutRequest(false, false, reason)));
    }

    void unblock(String username) {
        ok(admin.unblockUser(username));
    }

    /** A bulk log out of these sessions (of any users), through the API. */
    void logoutSessions(List<String> sessionIds, String reason) {
        ok(admin.logoutSessions(new com.sessiondesk.api.BulkLogoutRequest(sessionIds, false, reason, null)));
    }

    /** A mobile sign-in with a wrong password (a security event for this user and this address). */
    int failedMobileLogin(String username) {
        return execute(mobile.mobileLogin(new MobileLoginRequest(username, "not-the-password",
                "Billiyo Care", "3.2.0", "device-" + UUID.randomUUID(), "Pixel 8", "Android 14", "en"))).code();
    }

    List<com.sessiondesk.api.AuditEvent> audit() {
        return ok(admin.audit(null, 50)).events();
    }

    /** Ends one session as the admin (another admin window, or an earlier try whose answer was lost). */
    void logOut(String sessionId) {
        ok(admin.logoutSession(sessionId, com.sessiondesk.api.LogoutRequest.of(false, false, null)));
    }

    /**
     * A demo staff member (not a super user, not blocked) that no other test of this server has
     * used, so tests do not depend on each other's state.
     */
    synchronized User freshStaff() {
        return users().stream()
                .filter(u -> !u.superUser() && !u.blocked() && !handedOut.contains(u.username()))
                .findFirst()
                .map(u -> {
                    handedOut.add(u.username());
                    return u;
                })
                .orElseThrow(() -> new AssertionError("the demo agency has no unused staff left"));
    }

    // --- mobile devices ---

    /** Logs a new device of this user in; its model is unique, so a search finds exactly its row. */
    Device login(String username, String application) {
        return login(username, application, "TestPhone-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Logs a new device of this user in with the given model (a search by it finds its row). */
    Device login(String username, String application, String model) {
        Response<MobileLoginResponse> answer = mobileLogin(username, application, model);
        if (answer.code() != 201 || answer.body() == null) {
            throw new AssertionError("mobile login of " + username + " answered " + answer.code()
                    + " " + errorOf(answer));
        }
        return new Device(username, answer.body().sessionId(), answer.body().token(), model);
    }

    Response<MobileLoginResponse> mobileLogin(String username, String application, String model) {
        return mobileLogin(username, application, "3.2.0", "device-" + UUID.randomUUID(), model);
    }

    Response<MobileLoginResponse> mobileLogin(String username, String application, String version, String deviceId,
            String model) {
        return execute(mobile.mobileLogin(new MobileLoginRequest(username, DemoAgency.STAFF_PASSWORD,
                application, version, deviceId, model, "Android 14", "en")));
    }

    /**
     * An app update without a log out: the same user, app and device signs in again with a newer
     * version, so the first session becomes superseded. Returns the old session's device.
     */
    Device updatedApp(String username, String application) {
        String model = "TestPhone-" + UUID.randomUUID().toString().substring(0, 8);
        String deviceId = "device-" + UUID.randomUUID();
        Response<MobileLoginResponse> old = mobileLogin(username, application, "3.1.0", deviceId, model);
        Response<MobileLoginResponse> updated = mobileLogin(username, application, "3.2.0", deviceId, model);
        if (old.code() != 201 || updated.code() != 201) {
            throw new AssertionError("mobile logins answered " + old.code() + " and " + updated.code());
        }
        return new Device(username, old.body().sessionId(), old.body().token(), model);
    }

    /** Logs this user in on a given device (another user's phone, a shared tablet). */
    Device loginOn(String username, String application, String deviceId, String model) {
        Response<MobileLoginResponse> answer = mobileLogin(username, application, "3.2.0", deviceId, model);
        if (answer.code() != 201 || answer.body() == null) {
            throw new AssertionError("mobile login of " + username + " answered " + answer.code() + " " + errorOf(answer));
        }
        return new Device(username, answer.body().sessionId(), answer.body().token(), model);
    }

    /** A mobile login with a wrong password (a guesser); answers its status. */
    int wrongLogin(String username, String deviceId) {
        return execute(mobile.mobileLogin(new MobileLoginRequest(username, "not-the-password-" + UUID.randomUUID(),
                "Billiyo Care", "3.2.0", deviceId, "Guesser Phone", "Android 14", "en"))).code();
    }

    List<com.sessiondesk.api.Alert> alerts() {
        return ok(admin.alerts()).alerts();
    }

    List<com.sessiondesk.api.DeviceBlock> blockedDevices() {
        return ok(admin.devices(true)).devices();
    }

    Response<Void> heartbeat(Device device, Integer pendingSyncItems) {
        return execute(mobile.heartbeat(device.bearer(), new HeartbeatRequest(pendingSyncItems)));
    }

    /** The {"error","message","reason"} body of a failed answer, or null. */
    static ErrorBody errorOf(Response<?> answer) {
        try (var body = answer.errorBody()) {
            return body == null ? null : Json.GSON.fromJson(body.string(), ErrorBody.class);
        } catch (IOException e) {
            throw new AssertionError("could not read an error body", e);
        }
    }

    private static <T> Response<T> execute(Call<T> call) {
        try {
            return call.execute();
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + call.request().url(), e);
        }
    }

    private static <T> T ok(Call<T> call) {
        Response<T> answer = execute(call);
        if (!answer.isSuccessful()) {
            throw new AssertionError(call.request().url() + " answered " + answer.code() + " " + errorOf(answer));
        }
        return answer.body();
    }

    /** Stops the server (the tests of a server going away call this early; a second call is a no-op). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}

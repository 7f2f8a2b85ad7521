package com.sessiondesk.client.service;

import com.sessiondesk.api.AdminPasswordRequest;
import com.sessiondesk.api.AdminPasswordResponse;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.AuditList;
import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.api.UserList;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.FailureTranslator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import retrofit2.Call;
import retrofit2.HttpException;
import retrofit2.Response;

/** {@link AdminService} over the Retrofit {@link SessionDeskApi}, the token added by an interceptor. */
public final class HttpAdminService implements AdminService {

    private final SessionDeskApi api;
    private final UserIdentity admin;
    private final String serverLabel;

    public HttpAdminService(SessionDeskApi api, UserIdentity admin, String serverLabel) {
        this.api = api;
        this.admin = admin;
        this.serverLabel = serverLabel;
    }

    @Override
    public UserIdentity admin() {
        return admin;
    }

    @Override
    public String serverLabel() {
        return serverLabel;
    }

    @Override
    public SessionList sessions() throws IOException {
        SessionList list = body(api.sessions(null, null, null));
        required(list.sessions());
        return list;
    }

    @Override
    public SessionChanges changes(String cursor) throws IOException {
        SessionChanges changes = body(api.sessionChanges(cursor));
        required(changes.cursor());
        return changes;
    }

    /**
     * Follows the change feed's event stream (okhttp-sse reads it) until the server closes it: each
     * {@code changes} event is applied in order; {@code cursor_expired} and a failure end it with an
     * exception. ("id:" repeats the cursor of the data; comments are keep-alives.)
     */
    @Override
    public void followChanges(String cursor, java.util.function.Consumer<SessionChanges> onChanges) throws IOException {
        Response<okhttp3.ResponseBody> response = api.sessionStream(cursor, null).execute();
        if (!response.isSuccessful()) {
            throw new HttpException(response);
        }
        try (okhttp3.ResponseBody body = required(response.body())) {
            com.sessiondesk.api.EventStream.readEvents(body, (event, data) -> dispatch(event, data, onChanges));
        }
    }

    private static void dispatch(String event, String data, java.util.function.Consumer<SessionChanges> onChanges) {
        if ("cursor_expired".equals(event)) {
            throw new ClientException(new com.sessiondesk.client.common.ClientError.CursorExpired(
                    "The list fell too far behind the server's changes; reloading it."));
        }
        if ("changes".equals(event) && !data.isEmpty()) {
            SessionChanges changes = com.sessiondesk.api.Json.GSON.fromJson(data, SessionChanges.class);
            required(changes.cursor());
            onChanges.accept(changes);
        }
    }

    @Override
    public BulkLogoutResult logoutSessions(BulkLogoutRequest request) throws IOException {
        BulkLogoutResult result = body(api.logoutSessions(request));
        required(result.endedSessionIds());
        return result;
    }

    @Override
    public User blockUser(String username, String reason, Instant until) throws IOException {
        return body(api.blockUser(username, new ReasonRequest(reason, until)));
    }

    @Override
    public List<Session> sessionsOf(String username) throws IOException {
        return required(body(api.sessions(username, null, null)).sessions());
    }

    @Override
    public LogoutResult logoutSession(String sessionId, LogoutRequest request) throws IOException {
        LogoutResult result = body(api.logoutSession(sessionId, request));
        required(result.endedSessionIds());
        return result;
    }

    @Override
    public List<User> users(Boolean blocked) throws IOException {
        UserList list = body(api.users(null, blocked));
        return required(list.users());
    }

    @Override
    public LogoutResult logoutUser(String username, String reason) throws IOException {
        LogoutResult result = body(api.logoutUser(username, new ReasonRequest(reason)));
        required(result.endedSessionIds());
        return result;
    }

    @Override
    public User unblockUser(String username) throws IOException {
        return body(api.unblockUser(username));
    }

    @Override
    public boolean tracksDeliveries() {
        return true;
    }

    @Override
    public List<AuditEvent> auditOf(String username, int limit) throws IOException {
        return required(body(api.audit(username, limit)).events());
    }

    @Override
    public AuditList auditPage(boolean security, String before, int limit) throws IOException {
        AuditList page = body(api.auditPage(security ? "security" : "action", null, before, limit));
        return new AuditList(required(page.events()), page.nextCursor());
    }

    @Override
    public List<AuditEvent> audit(int limit) throws IOException {
        AuditList list = body(api.audit(null, limit));
        return required(list.events());
    }

    @Override
    public int changePassword(String currentPassword, String newPassword) throws IOException {
        Response<AdminPasswordResponse> response = api.changePassword(new AdminPasswordRequest(currentPassword, newPassword)).execute();
        if (!response.isSuccessful() || response.body() == null) {
            throw new HttpException(response);
        }
        return response.body().endedAdminSessions();
    }

    @Override
    public com.sessiondesk.api.DeviceBlockResult blockDevice(String deviceId, String reason, Instant until) throws IOException {
        com.sessiondesk.api.DeviceBlockResult result = body(api.blockDevice(deviceId,
                new com.sessiondesk.api.DeviceBlockRequest(reason, until)));
        required(result.endedSessionIds());
        return result;
    }

    @Override
    public void unblockDevice(String deviceId) throws IOException {
        Response<Void> response = api.unblockDevice(deviceId).execute();
        if (!response.isSuccessful()) {
            throw new HttpException(response);
        }
    }

    @Override
    public List<com.sessiondesk.api.DeviceBlock> blockedDevices() throws IOException {
        return required(body(api.devices(true)).devices());
    }

    @Override
    public List<com.sessiondesk.api.Alert> alerts() throws IOException {
        return required(body(api.alerts()).alerts());
    }

    @Override
    public com.sessiondesk.api.Alert acknowledgeAlert(long id) throws IOException {
        return body(api.acknowledgeAlert(id));
    }

    @Override
    public void signOut() throws IOException {
        Response<Void> response = api.adminLogout().execute();
        if (!response.isSuccessful()) {
            throw new HttpException(response);
        }
    }

    /** The body of a successful answer; a failed one is thrown for the FailureTranslator. */
    static <T> T body(Call<T> call) throws IOException {
        Response<T> response = call.execute();
        if (!response.isSuccessful()) {
            throw new HttpException(response);
        }
        return required(response.body());
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new ClientException(FailureTranslator.malformed());
        }
        return value;
    }
}

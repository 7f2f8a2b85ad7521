package com.sessiondesk.api;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * HTTP API v1 as a Retrofit interface (openapi.yaml; docs/architecture.md, "The API contract"). Admin calls carry their bearer token
 * through an OkHttp interceptor; mobile calls take it per call, since one simulator holds many.
 */
public interface SessionDeskApi {

    @GET("api/v1/health")
    Call<Health> health();

    // --- mobile apps ---

    @POST("api/v1/mobile/login")
    Call<MobileLoginResponse> mobileLogin(@Body MobileLoginRequest request);

    @POST("api/v1/mobile/heartbeat")
    Call<Void> heartbeat(@Header("Authorization") String bearer, @Body HeartbeatRequest request);

    /** The same heartbeat, reading its 200 answer while the session is ending (null body on 204). */
    @POST("api/v1/mobile/heartbeat")
    Call<HeartbeatAnswer> heartbeatForAnswer(@Header("Authorization") String bearer, @Body HeartbeatRequest request);

    @GET("api/v1/mobile/me")
    Call<UserIdentity> me(@Header("Authorization") String bearer);

    @POST("api/v1/mobile/logout")
    Call<Void> mobileLogout(@Header("Authorization") String bearer);

    // --- admin (super users only) ---

    @POST("api/v1/admin/login")
    Call<AdminLoginResponse> adminLogin(@Body AdminLoginRequest request);

    @POST("api/v1/admin/logout")
    Call<Void> adminLogout();

    @POST("api/v1/admin/password")
    Call<AdminPasswordResponse> changePassword(@Body AdminPasswordRequest request);

    @GET("api/v1/sessions")
    Call<SessionList> sessions(
            @Query("username") String username,
            @Query("application") String application,
            @Query("q") String q);

    /** What changed since {@code since} (a cursor of a list or of an earlier answer); 410 cursor_expired when too old. */
    @GET("api/v1/sessions/changes")
    Call<SessionChanges> sessionChanges(@Query("since") String since);

    /** The push form of the feed: Server-Sent Events ({@code event: changes}, {@code id: CURSOR}), read as a stream. */
    @Streaming
    @GET("api/v1/sessions/stream")
    @Headers("Accept: text/event-stream")
    Call<okhttp3.ResponseBody> sessionStream(@Query("since") String since, @Header("Last-Event-ID") String lastEventId);

    /** Ends many sessions in one transaction (and blocks their accounts with {@code block}). */
    @POST("api/v1/sessions/logout")
    Call<BulkLogoutResult> logoutSessions(@Body BulkLogoutRequest request);

    @GET("api/v1/sessions/{id}")
    Call<Session> session(@Path("id") String id);

    @POST("api/v1/sessions/{id}/logout")
    Call<LogoutResult> logoutSession(@Path("id") String id, @Body LogoutRequest request);

    @GET("api/v1/users")
    Call<UserList> users(@Query("q") String q, @Query("blocked") Boolean blocked);

    @POST("api/v1/users/{username}/logout")
    Call<LogoutResult> logoutUser(@Path("username") String username, @Body ReasonRequest request);

    @POST("api/v1/users/{username}/block")
    Call<User> blockUser(@Path("username") String username, @Body ReasonRequest request);

    @POST("api/v1/users/{username}/unblock")
    Call<User> unblockUser(@Path("username") String username);

    /** Blocks a device: ends its sessions (every user's) and refuses its logins with 403 device_blocked. */
    @POST("api/v1/devices/{deviceId}/block")
    Call<DeviceBlockResult> blockDevice(@Path("deviceId") String deviceId, @Body DeviceBlockRequest request);

    /** Lifts a device block (204); 404 not_found when the device is not blocked. */
    @POST("api/v1/devices/{deviceId}/unblock")
    Call<Void> unblockDevice(@Path("deviceId") String deviceId);

    /** The blocked devices ({@code blocked=true}). */
    @GET("api/v1/devices")
    Call<DeviceList> devices(@Query("blocked") Boolean blocked);

    @GET("api/v1/audit")
    Call<AuditList> audit(@Query("username") String username, @Query("limit") Integer limit);

    /** A page of one category ("action" or "security"; null: both), older than the cursor {@code before}. */
    @GET("api/v1/audit")
    Call<AuditList> auditPage(@Query("category") String category, @Query("username") String username,
            @Query("before") String before, @Query("limit") Integer limit);

    /** The open alerts and those of the last 7 days, newest first. */
    @GET("api/v1/alerts")
    Call<AlertList> alerts();

    /** Marks an alert as seen (who and when); 404 not_found for an unknown id. */
    @POST("api/v1/alerts/{id}/acknowledge")
    Call<Alert> acknowledgeAlert(@Path("id") long id);

    /** "Bearer TOKEN", the Authorization header value of a token. */
    static String bearer(String token) {
        return "Bearer " + token;
    }
}

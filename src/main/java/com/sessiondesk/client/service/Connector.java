package com.sessiondesk.client.service;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.UserIdentity;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.FailureTranslator;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Makes {@link AdminService}s: signs in to a server with a password, or uses a token handed over
 * in-process by the built-in service. TLS checks stay on (no trust-all manager).
 */
public final class Connector {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final List<X509Certificate> trusted;
    private OkHttpClient tls;
    private OkHttpClient cleartext;

    public Connector() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Cheap: the HTTP clients are built on first use, in the background. */
    public Connector(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, List.of());
    }

    /** @param trusted certificates accepted besides the system's trust store ({@code --trust-cert}) */
    public Connector(Duration connectTimeout, Duration readTimeout, List<X509Certificate> trusted) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.trusted = List.copyOf(trusted);
    }

    /**
     * The client for a base URL: https verifies the server's certificate against the system's trust
     * store and the {@code --trust-cert} certificates ({@link ServerTrust}), and its name; plain
     * http (loopback only, see ServerAddress) gets a client without TLS, which spares loading the
     * trust store when the built-in service starts.
     */
    private synchronized OkHttpClient base(String baseUrl) {
        if (baseUrl.regionMatches(true, 0, "https:", 0, 6)) {
            if (tls == null) {
                ServerTrust trust = ServerTrust.systemAnd(trusted);
                tls = builder().sslSocketFactory(trust.socketFactory(), trust.trustManager()).build();
            }
            return tls;
        }
        if (cleartext == null) {
            cleartext = builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        }
        return cleartext;
    }

    private OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout);
    }

    /**
     * The device tickets of this run's successful sign-ins, by server and username: sent with the
     * next sign-in so that other clients' failed logins never lock this one out. Kept in memory only.
     */
    private static final Map<String, String> DEVICE_TICKETS = new ConcurrentHashMap<>();

    /** POST admin/login with the password (blocking); the password is not kept. */
    public AdminService signIn(String typedUrl, String username, String password) throws IOException {
        String baseUrl = ServerAddress.validate(typedUrl);
        AtomicReference<String> token = new AtomicReference<>();
        SessionDeskApi api = ApiClients.create(baseUrl, withBearer(base(baseUrl), token));
        String ticketKey = baseUrl + "\n" + username;
        AdminLoginResponse login = HttpAdminService.body(api.adminLogin(new AdminLoginRequest(username, password,
                DEVICE_TICKETS.get(ticketKey))));
        if (login.token() == null || login.token().isBlank()) {
            throw new ClientException(FailureTranslator.malformed());
        }
        if (login.deviceTicket() != null) {
            DEVICE_TICKETS.put(ticketKey, login.deviceTicket());
        }
        token.set(login.token());
        UserIdentity admin = login.user() != null ? login.user() : new UserIdentity(username, username);
        return new HttpAdminService(api, admin, URI.create(baseUrl).getHost());
    }

    /** A service on an admin token already issued (the built-in service signs its own admin in). */
    public AdminService withToken(String baseUrl, String token, UserIdentity admin, String serverLabel) {
        SessionDeskApi api = ApiClients.create(baseUrl, withBearer(base(baseUrl), new AtomicReference<>(token)));
        return new HttpAdminService(api, admin, serverLabel);
    }

    /** Adds "Authorization: Bearer" once a token is known; the login call itself goes without. */
    private static OkHttpClient withBearer(OkHttpClient base, AtomicReference<String> token) {
        return base.newBuilder()
                .addInterceptor(chain -> {
                    String current = token.get();
                    Request request = chain.request();
                    if (current == null) {
                        return chain.proceed(request);
                    }
                    return chain.proceed(request.newBuilder()
                            .header("Authorization", SessionDeskApi.bearer(current))
                            .build());
                })
                .build();
    }
}

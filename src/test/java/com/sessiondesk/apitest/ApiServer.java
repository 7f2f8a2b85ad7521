package com.sessiondesk.apitest;

import com.sessiondesk.server.SessionServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What most API test classes start from, written once: one session server for the class (see
 * {@link TestServers.Running}), its accounts added the operator's way, a {@link RawHttp} on it and
 * the admin token of the super user {@code admin} signed in over HTTP.
 * <pre>
 * &#64;RegisterExtension
 * static final ApiServer API = ApiServer.on(TestServers.sqlite()).withUser("pia.push", "Pia Push");
 * ...
 * API.raw().post("/api/v1/users/pia.push/block", API.adminToken(), "{}");
 * </pre>
 */
public final class ApiServer implements BeforeAllCallback, AfterAllCallback {

    private record Account(String username, String name, boolean superUser) {
    }

    private final TestServers.Running<SessionServer> running;
    private final List<Account> accounts = new ArrayList<>();
    private SessionServer server;
    private RawHttp raw;
    private String adminToken;

    private ApiServer(TestServers.Running<SessionServer> running) {
        this.running = running;
    }

    /** Over a server of the given kind and settings (started before the class's tests, closed after them). */
    public static ApiServer on(TestServers.Running<SessionServer> running) {
        return new ApiServer(running);
    }

    /** An account that is not a super user, with {@link TestUsers#PASSWORD}, added before the tests. */
    public ApiServer withUser(String username, String name) {
        accounts.add(new Account(username, name, false));
        return this;
    }

    /** A super user, with {@link TestUsers#PASSWORD}, added before the tests. */
    public ApiServer withSuperUser(String username, String name) {
        accounts.add(new Account(username, name, true));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running.beforeAll(context);
        server = running.get();
        for (Account account : accounts) {
            TestUsers.add(running.jdbcUrl(), account.username(), account.name(), account.superUser());
        }
        raw = new RawHttp(server.baseUrl());
        adminToken = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        running.afterAll(context);
    }

    public SessionServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String jdbcUrl() {
        return running.jdbcUrl();
    }

    /** The same server's settings and database (one more instance, a restart). */
    public TestServers.Running<SessionServer> running() {
        return running;
    }

    public RawHttp raw() {
        return raw;
    }

    /** The token of the super user {@code admin}, signed in before the tests. */
    public String adminToken() {
        return adminToken;
    }
}

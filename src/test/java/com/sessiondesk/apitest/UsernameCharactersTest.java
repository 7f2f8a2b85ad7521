package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.User;
import com.sessiondesk.server.SessionServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Usernames that an agency really uses (e-mail addresses with a plus, apostrophes, accents, a
 * space) work in every place a username travels: the login body, a query parameter and a path
 * segment, as the desktop client's Retrofit interface sends them.
 */
class UsernameCharactersTest {

    private static SessionServer server;
    private static String jdbcUrl;
    private static SessionDeskApi admin;

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite();

    @BeforeAll
    static void start() {
        jdbcUrl = SERVER.jdbcUrl();
        server = SERVER.get();
        admin = Api.admin(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }


    @ParameterizedTest
    @ValueSource(strings = {"anna+care@agency.org", "o'brien", "josé.núñez", "mary ann", "50%off", "a/b", "x?y#z"})
    void aUsernameWorksInBodiesQueriesAndPaths(String username) {
        TestUsers.add(jdbcUrl, username, "Name of " + username, false);
        MobileLoginResponse login = Api.mobileLogin(server.baseUrl(), Api.device(username, TestUsers.PASSWORD,
                "Caregiver", "4.2.0", "phone-of-" + username, "Pixel 7", "Android 14", "English"));

        assertThat(ok(admin.sessions(username, null, null)).sessions()).extracting(Session::id)
                .containsExactly(login.sessionId());
        assertThat(ok(admin.users(username, null)).users()).extracting(User::username).containsExactly(username);

        User blocked = ok(admin.blockUser(username, new ReasonRequest("checking " + username)));
        assertThat(blocked.username()).isEqualTo(username);
        assertThat(blocked.blocked()).isTrue();
        assertThat(ok(admin.sessions(username, null, null)).sessions()).isEmpty();
        assertThat(ok(admin.unblockUser(username)).blocked()).isFalse();
        assertThat(ok(admin.logoutUser(username, new ReasonRequest("again"))).endedSessionIds()).isEmpty();

        assertThat(ok(admin.audit(username, null)).events()).extracting(AuditEvent::action)
                .containsExactly("unblock", "block", "user_added");
    }
}

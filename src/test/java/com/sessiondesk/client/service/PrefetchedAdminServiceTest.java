package com.sessiondesk.client.service;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.client.FakeAdminService;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PrefetchedAdminServiceTest {

    final FakeAdminService server = new FakeAdminService();
    final Session early = session("early", "bob", "Bob", "Pixel", "EVV", Instant.now(), 0, false);
    final Session late = session("late", "bob", "Bob", "Pixel", "EVV", Instant.now(), 0, false);

    @Test
    void onlyTheFirstListComesFromTheFetchAhead() throws Exception {
        server.sessions.add(late);
        var service = new PrefetchedAdminService(server, CompletableFuture.completedFuture(new SessionList(List.of(early))), null);
        assertThat(service.sessions().sessions()).containsExactly(early);
        assertThat(service.sessions().sessions()).containsExactly(late);
        assertThat(server.sessionLoads).isEqualTo(1);
    }

    @Test
    void aFailedFetchAheadAsksTheServerAgain() throws Exception {
        server.sessions.add(late);
        var service = new PrefetchedAdminService(server, CompletableFuture.failedFuture(new IOException("refused")), null);
        assertThat(service.sessions().sessions()).containsExactly(late);
    }

    @Test
    void onlyTheFirstBlockedListComesFromTheFetchAhead() throws Exception {
        User blockedEarly = user("amy", "Amy", true, 0);
        User blockedNow = user("bob", "Bob", true, 1);
        server.users.add(blockedNow);
        server.users.add(user("cy", "Cy", false, 2));
        var service = new PrefetchedAdminService(server, CompletableFuture.completedFuture(new SessionList(List.of(early))),
                CompletableFuture.completedFuture(List.of(blockedEarly)));
        assertThat(service.users(null)).hasSize(2); // not the fetched-ahead list: that one is blocked only
        assertThat(service.users(true)).containsExactly(blockedEarly);
        assertThat(service.users(true)).containsExactly(blockedNow);
        assertThat(server.calls).containsExactly("users null", "users true");
    }

    @Test
    void aFailedBlockedFetchAheadAsksTheServerAgain() throws Exception {
        User blockedNow = user("bob", "Bob", true, 1);
        server.users.add(blockedNow);
        var service = new PrefetchedAdminService(server, CompletableFuture.completedFuture(new SessionList(List.of(early))),
                CompletableFuture.failedFuture(new IOException("refused")));
        assertThat(service.users(true)).containsExactly(blockedNow);
    }
}

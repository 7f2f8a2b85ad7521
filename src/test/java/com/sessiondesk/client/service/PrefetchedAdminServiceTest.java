package com.sessiondesk.client.service;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
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
        var service = new PrefetchedAdminService(server, CompletableFuture.completedFuture(List.of(early)));
        assertThat(service.sessions()).containsExactly(early);
        assertThat(service.sessions()).containsExactly(late);
        assertThat(server.sessionLoads).isEqualTo(1);
    }

    @Test
    void aFailedFetchAheadAsksTheServerAgain() throws Exception {
        server.sessions.add(late);
        var service = new PrefetchedAdminService(server, CompletableFuture.failedFuture(new IOException("refused")));
        assertThat(service.sessions()).containsExactly(late);
    }
}

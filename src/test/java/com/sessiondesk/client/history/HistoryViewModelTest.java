package com.sessiondesk.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryViewModelTest {

    @Test
    void showsEventsInServerOrderFilteredByUserWithActionsInWords() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        service.events.add(new AuditEvent(3, at, "admin", "block", "bob.aide", List.of("s1", "s2"), "Stolen phone"));
        service.events.add(new AuditEvent(2, at.minusSeconds(60), "admin", "logout_session", "carol.nurse", List.of("s3"), null));
        service.events.add(new AuditEvent(1, at.minusSeconds(120), "admin", "admin_login", "admin", List.of(), null));
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> null);
        vm.connect(service);
        assertThat(service.calls).startsWith("audit 1000");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(3L, 2L, 1L);
        vm.userFilterProperty().set("BOB");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(3L);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 event");
        assertThat(HistoryViewModel.describe(service.events.get(0))).isEqualTo("Blocked the account");
        assertThat(HistoryViewModel.describe(service.events.get(1))).isEqualTo("Logged out one session");
    }
}

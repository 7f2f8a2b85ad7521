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
        assertThat(service.calls).startsWith("auditPage action null 200");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(3L, 2L, 1L);
        vm.userFilterProperty().set("BOB");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(3L);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 event");
        assertThat(HistoryViewModel.describe(service.events.get(0))).isEqualTo("Blocked the account");
        assertThat(HistoryViewModel.describe(service.events.get(1))).isEqualTo("Logged out one session");
    }

    @Test
    void aTimeLimitedBlockSaysUntilWhen() {
        var until = java.time.Instant.parse("2026-12-01T10:00:00Z");
        var event = new com.sessiondesk.api.AuditEvent(9, until.minusSeconds(3600), "admin", "block", "bob",
                java.util.List.of("s1"), null, null, null, until);
        assertThat(HistoryViewModel.describe(event))
                .isEqualTo("Blocked the account until " + com.sessiondesk.client.common.Formats.dateTime(until));
        var bulk = new com.sessiondesk.api.AuditEvent(10, until, "admin", "logout_sessions", null,
                java.util.List.of("s1", "s2"), null, null, null, (java.time.Instant) null);
        assertThat(HistoryViewModel.describe(bulk)).isEqualTo("Logged out selected sessions");
    }

    /** Searched by a person's name, an empty result says so, the device is named. */
    @Test
    void searchesByNameSaysWhenNothingMatchesAndNamesTheDevice() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        service.users.add(FakeAdminService.user("bob.aide", "Bob Aide", false, 0));
        service.events.add(new AuditEvent(3, Instant.parse("2026-11-27T15:00:00Z"), "admin", "logout_session", "bob.aide",
                List.of("s1"), null));
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> id.equals("s1") ? "Galaxy A54 · Android 14" : null);
        vm.connect(service);
        vm.userFilterProperty().set("aide");
        assertThat(vm.shown()).hasSize(1);
        vm.userFilterProperty().set("Bob A");
        assertThat(vm.shown()).as("by name").hasSize(1);
        assertThat(vm.nameOf(vm.shown().get(0))).isEqualTo("Bob Aide");
        assertThat(vm.devicesOf(vm.shown().get(0))).isEqualTo("Galaxy A54 · Android 14");
        vm.userFilterProperty().set("nobody");
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No admin actions match the search.");
        vm.disconnect();
        assertThat(vm.userFilterProperty().get()).as("forgotten on sign-out").isEmpty();
    }

    /** An empty History says which list is empty. */
    @Test
    void anEmptySecurityListSaysNoSecurityEvents() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        service.events.add(new AuditEvent(3, Instant.parse("2026-11-27T15:00:00Z"), "admin", "block", "bob.aide",
                List.of("s1"), null));
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> null);
        vm.connect(service);
        vm.securityOnlyProperty().set(true);
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No security events recorded.");
        vm.securityOnlyProperty().set(false);
        assertThat(vm.shown()).hasSize(1);
        vm.userFilterProperty().set("nobody");
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No admin actions match the search.");
    }

    /** The server's record names the device even for sessions this client never listed. */
    @Test
    void namesTheDeviceTheServerRecordedForEachEndedSession() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        service.events.add(new AuditEvent(3, at, "admin", "logout_all", "bob.aide", List.of("s1", "s2", "s3"), null)
                .withDeliveries(List.of(new com.sessiondesk.api.Delivery("s1", null, null, "Pixel 8"),
                        new com.sessiondesk.api.Delivery("s2", at.plusSeconds(1), "stream", "iPad"),
                        new com.sessiondesk.api.Delivery("s3", null, null, null))));
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> id.equals("s3") ? "Galaxy A54" : null);
        vm.connect(service);
        assertThat(vm.devicesOf(vm.shown().get(0))).isEqualTo("Pixel 8, iPad, Galaxy A54");
    }

    @Test
    void theSecurityFilterShowsOnlySecurityEventsWithTheirAttemptsAddressAndNoAdmin() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        service.events.add(new AuditEvent(5, at, "", "admin_call_refused", "", List.of(), null, null, 980));
        service.events.add(new AuditEvent(4, at, "unknown user", "mobile_login_failed", "unknown user", List.of(),
                "wrong username or password", "203.0.113.7", 12));
        service.events.add(new AuditEvent(3, at, "admin", "block", "bob.aide", List.of("s1"), "Stolen phone"));
        service.events.add(new AuditEvent(2, at, "bob.aide", "admin_login_failed", "bob.aide", List.of(), "wrong password",
                "203.0.113.8", 40));
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> null);
        vm.connect(service);
        assertThat(vm.shown()).as("actions by default").extracting(AuditEvent::id).containsExactly(3L);
        vm.securityOnlyProperty().set(true);
        assertThat(service.calls).contains("auditPage security null 200");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(5L, 4L, 2L);
        vm.userFilterProperty().set("bob");
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(2L);
        vm.userFilterProperty().set("nobody");
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No security events match the search.");
        vm.userFilterProperty().set("bob");
        vm.securityOnlyProperty().set(false);
        assertThat(vm.shown()).extracting(AuditEvent::id).containsExactly(3L);

        AuditEvent failedSignIn = service.events.get(3);
        assertThat(HistoryViewModel.adminOf(failedSignIn)).as("nobody acted").isEmpty();
        assertThat(HistoryViewModel.attemptsOf(failedSignIn)).isEqualTo(40);
        assertThat(HistoryViewModel.sessionCountOf(failedSignIn)).as("not under Sessions").isNull();
        assertThat(HistoryViewModel.addressOf(failedSignIn)).isEqualTo("203.0.113.8");
        assertThat(HistoryViewModel.reasonText(failedSignIn)).isEqualTo("wrong password");
        assertThat(HistoryViewModel.addressOf(service.events.get(0))).isEqualTo("Many addresses");
        AuditEvent block = service.events.get(2);
        assertThat(HistoryViewModel.adminOf(block)).isEqualTo("admin");
        assertThat(HistoryViewModel.sessionCountOf(block)).isEqualTo(1);
        assertThat(HistoryViewModel.attemptsOf(block)).isNull();
        assertThat(HistoryViewModel.describe(service.events.get(1))).isEqualTo("Failed app sign-in");
    }

    /** Pages: the next one on request, a refresh keeps what was scrolled to, loadAll reaches the end. */
    @Test
    void loadsOlderPagesOnRequestKeepsThemOnRefreshAndLoadsAllForAnExport() {
        TestContexts t = new TestContexts();
        FakeAdminService service = new FakeAdminService();
        Instant at = Instant.parse("2026-11-27T15:00:00Z");
        for (long id = 650; id >= 1; id--) {
            service.events.add(new AuditEvent(id, at.minusSeconds(650 - id), "admin", "unblock", "user" + id, List.of(),
                    null));
        }
        HistoryViewModel vm = new HistoryViewModel(t.context, Clock.systemUTC(), id -> null);
        vm.connect(service);
        assertThat(vm.shown()).hasSize(200);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertThat(vm.countTextProperty().get()).isEqualTo("200 events loaded; scroll down for older ones");
        vm.loadMore();
        assertThat(vm.shown()).hasSize(400);
        assertThat(service.calls).contains("auditPage action 451 200");
        vm.refresh();
        assertThat(vm.shown()).as("a refresh keeps the older pages").hasSize(400);
        boolean[] done = {false};
        vm.loadAll(() -> done[0] = true, () -> { });
        assertThat(done[0]).isTrue();
        assertThat(vm.shown()).hasSize(650);
        assertThat(vm.shown()).extracting(AuditEvent::id).doesNotHaveDuplicates().startsWith(650L).endsWith(1L);
        assertThat(vm.hasMoreProperty().get()).isFalse();
        assertThat(vm.countTextProperty().get()).isEqualTo("650 events");
        vm.loadMore();
        assertThat(vm.shown()).as("nothing more to load").hasSize(650);
    }
}

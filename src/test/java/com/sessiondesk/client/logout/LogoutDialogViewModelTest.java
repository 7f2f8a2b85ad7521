package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.common.ViewContext;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LogoutDialogViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final Session phone = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 3, false);
    final Session oldApp = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(9000), 0, true);
    final Session tablet = session("s3", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 2, false);
    /** The waits the log out asked for: none of them sleeps. */
    final List<Duration> pauses = new ArrayList<>();

    LogoutDialogViewModel dialogFor(Session session, Session... others) {
        List<Session> all = new ArrayList<>(List.of(others));
        all.add(session);
        var vm = LogoutDialogViewModel.forSession(session, all, service, t.context, Clock.fixed(NOW, ZoneOffset.UTC));
        vm.command().checks(3, Duration.ofSeconds(5));
        vm.command().pauseWith(pauses::add);
        return vm;
    }

    @Test
    void namesTheUserDeviceAndApplicationAndQuotesTheWarning() {
        var vm = dialogFor(phone);
        assertThat(vm.texts().title()).isEqualTo("Logout User Account");
        assertThat(vm.texts().heading()).isEqualTo("Log out Bob Aide (bob.aide)?");
        assertThat(vm.texts().sessionDescription()).isEqualTo("Galaxy A54 · Android 14 — Caregiver 3.2.0");
        assertThat(vm.texts().warning()).isEqualTo(
                "Any unsynced work the user has done offline will be lost and cannot be recovered if logout is completed.");
    }

    @Test
    void blockChecksAndLocksAllDevicesAndUncheckingRestoresTheChoice() {
        var vm = dialogFor(phone, oldApp);
        assertThat(vm.allDevicesProperty().get()).isFalse();
        vm.blockProperty().set(true);
        assertThat(vm.allDevicesProperty().get()).isTrue();
        assertThat(vm.allDevicesLocked().get()).isTrue();
        assertThat(vm.allDevicesHelp().get()).startsWith("Blocking always ends every session.");
        vm.blockProperty().set(false);
        assertThat(vm.allDevicesProperty().get()).isFalse();
        assertThat(vm.allDevicesLocked().get()).isFalse();
    }

    @Test
    void helpSaysHowManySessionsAllDevicesEndsIncludingOldAppVersions() {
        assertThat(dialogFor(phone, oldApp, tablet).allDevicesHelp().get())
                .isEqualTo("Ends all 3 sessions of bob.aide, including 1 from an old app version.");
        assertThat(dialogFor(phone, tablet).allDevicesHelp().get()).isEqualTo("Ends all 2 sessions of bob.aide.");
        assertThat(dialogFor(phone).allDevicesHelp().get()).isEqualTo("bob.aide has no other active session.");
        assertThat(dialogFor(phone).texts().blockHelp()).contains("Unblock it later under User Accounts");
    }

    @Test
    void unsyncedWarningStatesTheCountAndGrowsWithAllDevices() {
        var vm = dialogFor(phone, tablet);
        assertThat(vm.unsyncedWarning().get()).isEqualTo("This device has 3 unsynced items.");
        vm.allDevicesProperty().set(true);
        assertThat(vm.unsyncedWarning().get()).isEqualTo("This device has 3 unsynced items, and bob.aide's other devices 2 more.");
        assertThat(dialogFor(oldApp).unsyncedWarning().get()).isEmpty();
    }

    @Test
    void theRequestCarriesTheChoicesAndTheReason() {
        var vm = dialogFor(phone);
        assertThat(vm.request()).isEqualTo(com.sessiondesk.api.LogoutRequest.of(false, false, null));
        vm.reasonProperty().set("  Phone reported stolen ");
        vm.blockProperty().set(true);
        assertThat(vm.request()).isEqualTo(com.sessiondesk.api.LogoutRequest.of(true, true, "Phone reported stolen"));
    }

    @Test
    void successSendsOneCallAndReportsWhatTheServerDid() {
        var vm = dialogFor(phone, tablet);
        vm.allDevicesProperty().set(true);
        service.logoutResult = new LogoutResult(List.of("s1", "s3"), false);
        vm.submit();
        assertThat(service.calls).containsExactly("logoutSession s1");
        assertThat(vm.outcomeProperty().get()).as("the result record travels with its words")
                .isEqualTo(new LogoutOutcome(true, "Signed out Bob Aide from 2 devices", List.of("s1", "s3"), false, null));
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 2 devices");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void oneSessionIsReportedByDeviceAndApplication() {
        var vm = dialogFor(phone);
        assertThat(vm.texts().done(new LogoutResult(List.of("s1"), false), null))
                .isEqualTo("Signed out Bob Aide from Galaxy A54 (Caregiver)");
        assertThat(vm.texts().done(new LogoutResult(List.of("s1", "s9"), true), null))
                .isEqualTo("Signed out Bob Aide from 2 devices; account blocked");
        assertThat(vm.texts().done(new LogoutResult(List.of(), true), null))
                .isEqualTo("Blocked Bob Aide's account; no session was active");
    }

    @Test
    void aRefusalKeepsTheDialogOpenWithTheMessageAndClaimsNothing() {
        var vm = dialogFor(phone);
        service.failNext = new ClientException(new ClientError.Rejected("The reason is too long", 400));
        vm.submit();
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).contains("too long");
        assertThat(t.notifications).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        vm.submit(); // retry from the same dialog
        assertThat(vm.outcomeProperty().get().done()).isTrue();
        assertThat(vm.errorMessageProperty().get()).isNull();
    }

    // --- a timeout is not a failure until the server says so ---

    @Test
    void aTimeoutAfterWhichTheSessionEndedIsReportedAsDoneLate() {
        service.sessions.addAll(List.of(tablet)); // the phone's log out went through; the answer was lost
        var vm = dialogFor(phone, tablet);
        service.failNext = new SocketTimeoutException("read timed out");
        vm.submit();
        assertThat(service.calls).containsExactly("logoutSession s1", "sessionsOf bob.aide");
        assertThat(vm.outcomeProperty().get().done()).isTrue();
        assertThat(t.notifications).containsExactly("Done: the server confirmed late. Signed out Bob Aide from Galaxy A54 (Caregiver)");
        assertThat(vm.errorMessageProperty().get()).isNull();
    }

    @Test
    void aTimeoutAfterWhichTheSessionIsStillActiveIsReportedAsNotDone() {
        service.sessions.addAll(List.of(phone, tablet));
        var vm = dialogFor(phone, tablet);
        service.failNext = new SocketTimeoutException("read timed out");
        vm.submit();
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Not done: the server did not log out Bob Aide");
        assertThat(t.notifications).isEmpty();
        assertThat(service.calls).filteredOn(c -> c.startsWith("sessionsOf")).as("asked twice before saying not done").hasSize(2);
    }

    @Test
    void aServerThatStaysSilentIsReportedAsNotKnownNeverAsFailed() {
        var vm = dialogFor(phone);
        service.failNext = new SocketTimeoutException("read timed out");
        service.failSessionsOf = new SocketTimeoutException("read timed out");
        vm.submit();
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Not known");
        assertThat(service.calls).filteredOn(c -> c.startsWith("sessionsOf")).hasSize(3);
        assertThat(pauses).as("a pause between two checks").containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aRetryOfAnAlreadyEndedSessionSaysSoWithWhoAndWhen() {
        service.logoutResult = new LogoutResult(List.of(), false);
        service.events.add(new AuditEvent(7, NOW.minusSeconds(120), "admin", "logout_session", "bob.aide", List.of("s1"), null));
        var vm = dialogFor(phone, tablet);
        vm.submit();
        assertThat(vm.outcomeProperty().get().done()).isTrue();
        assertThat(t.notifications).singleElement().asString()
                .startsWith("This session had already ended: logged out by you (admin) at")
                .doesNotContain("no active session left");
    }

    @Test
    void leavingALongWaitStillDeliversTheOutcomeAsANotification() {
        List<Runnable> pending = new ArrayList<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<ClientError> onFailure) {
                pending.add(() -> TaskRunner.inline().run(work, onSuccess, onFailure));
            }
        };
        ViewContext context = new ViewContext(later, t.dialogs, t.notifications::add, t.signInLost::add);
        var vm = LogoutDialogViewModel.forSession(phone, List.of(phone), service, context, Clock.fixed(NOW, ZoneOffset.UTC));
        boolean[] reloaded = {false};
        vm.setOnDone(outcome -> reloaded[0] = outcome.endedSessionIds().contains(phone.id()));
        vm.submit();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.leave(); // Cancel while the server works
        pending.remove(0).run();
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from Galaxy A54 (Caregiver)");
        assertThat(reloaded[0]).isTrue();
    }

    @Test
    void theConfirmButtonNamesWhatItWillDo() {
        var vm = dialogFor(phone, tablet);
        assertThat(vm.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.LOG_OUT);
        vm.allDevicesProperty().set(true);
        assertThat(vm.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.LOG_OUT_ALL_DEVICES);
        vm.blockProperty().set(true);
        assertThat(vm.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.BLOCK_AND_LOG_OUT);
        assertThat(vm.endsEverySession()).isTrue();
    }

    @Test
    void aTimeLimitedBlockSendsItsEndAndSaysItWhenDone() {
        var vm = dialogFor(phone, tablet);
        vm.blockProperty().set(true);
        vm.blockOptions().endProperty().set(BlockEnd.ONE_WEEK);
        service.logoutResult = new LogoutResult(List.of("s1", "s3"), true);
        vm.submit();
        Instant end = NOW.plus(java.time.Duration.ofDays(7));
        assertThat(service.lastLogoutRequest.until()).isEqualTo(end);
        assertThat(vm.outcomeProperty().get().blockedUntil()).isEqualTo(end);
        assertThat(t.notifications).singleElement().asString()
                .endsWith("; account blocked until " + com.sessiondesk.client.common.Formats.dateTime(end));
    }

    @Test
    void aDateMustBeChosenBeforeABlockUntilADateIsSent() {
        var vm = dialogFor(phone);
        vm.blockProperty().set(true);
        vm.blockOptions().endProperty().set(BlockEnd.DATE);
        vm.submit();
        assertThat(service.calls).isEmpty();
        vm.blockOptions().dateProperty().set(java.time.LocalDate.of(2026, 12, 24));
        vm.submit();
        assertThat(service.lastLogoutRequest.until()).isNotNull();
    }

    @Test
    void blockingFromUserAccountsSendsTheEnd() {
        var user = com.sessiondesk.client.FakeAdminService.user("bob.aide", "Bob Aide", false, 2);
        var vm = LogoutDialogViewModel.forUser(user, List.of(phone, tablet), true, service, t.context,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        vm.blockOptions().endProperty().set(BlockEnd.ONE_HOUR);
        vm.submit();
        assertThat(service.calls).contains("blockUser bob.aide null");
        assertThat(service.lastBlockUntil).isEqualTo(NOW.plus(java.time.Duration.ofHours(1)));
    }

    // --- what the server is asked after a lost answer, and how the devices were told ---

    @Test
    void aServerThatAnswersAgainAfterATimeoutIsAskedUntilItDoes() {
        service.sessions.add(tablet); // the phone's log out went through
        var vm = dialogFor(phone, tablet);
        service.failNext = new SocketTimeoutException("read timed out");
        service.sessionsOfFailures.add(new SocketTimeoutException("still slow"));
        vm.submit();
        assertThat(service.calls).containsExactly("logoutSession s1", "sessionsOf bob.aide", "sessionsOf bob.aide");
        assertThat(vm.outcomeProperty().get().done()).isTrue();
        assertThat(vm.outcomeProperty().get().endedSessionIds()).containsExactly("s1");
        assertThat(t.notifications).containsExactly("Done: the server confirmed late. Signed out Bob Aide from Galaxy A54 (Caregiver)");
    }

    @Test
    void aCheckThatIsRefusedIsNotRetried() {
        var vm = dialogFor(phone);
        service.failNext = new SocketTimeoutException("read timed out");
        service.sessionsOfFailures.add(new ClientException(new ClientError.ServerFailure("Internal error", 500)));
        vm.submit();
        assertThat(service.calls).containsExactly("logoutSession s1", "sessionsOf bob.aide");
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Not known");
    }

    @Test
    void aRequestThatSurelyDidNotArriveIsNotCheckedAndClaimsNothing() {
        var vm = dialogFor(phone);
        service.failNext = new java.net.ConnectException("Connection refused");
        vm.submit();
        assertThat(service.calls).containsExactly("logoutSession s1");
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).isNotBlank().doesNotStartWith("Not known");
        assertThat(t.notifications).isEmpty();
    }

    @Test
    void aLateBlockCountsOnlyOnceTheAccountIsBlocked() {
        service.sessions.add(tablet); // the phone ended, but the account is not blocked (yet)
        service.users.add(com.sessiondesk.client.FakeAdminService.user("bob.aide", "Bob Aide", false, 1));
        var vm = dialogFor(phone);
        vm.blockProperty().set(true);
        service.failNext = new SocketTimeoutException("read timed out");
        vm.submit();
        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).startsWith("Not done");

        service.users.set(0, com.sessiondesk.client.FakeAdminService.user("bob.aide", "Bob Aide", true, 0));
        service.sessions.clear();
        var again = dialogFor(phone, tablet);
        again.blockProperty().set(true);
        service.failNext = new SocketTimeoutException("read timed out");
        again.submit();
        assertThat(again.outcomeProperty().get().done()).isTrue();
        assertThat(again.outcomeProperty().get().blocked()).isTrue();
        assertThat(t.notifications).singleElement().asString().startsWith("Done: the server confirmed late.").endsWith("; account blocked");
    }

    @Test
    void aSessionThatEndedByItselfSaysSo() {
        service.logoutResult = new LogoutResult(List.of(), false);
        var vm = dialogFor(phone);
        vm.submit();
        assertThat(t.notifications).containsExactly("This session had already ended (the app signed out, or the session expired).");
        assertThat(vm.outcomeProperty().get().done()).isTrue();
    }

    @Test
    void aSessionBlockedByAnotherAdminNamesThemAndTheBlock() {
        service.logoutResult = new LogoutResult(List.of(), false);
        service.events.add(new AuditEvent(7, NOW.minusSeconds(60), "carol.admin", "block", "bob.aide", List.of("s9", "s1"), null));
        dialogFor(phone).submit();
        assertThat(t.notifications).singleElement().asString().startsWith("This session had already ended: blocked by carol.admin at");
    }

    @Test
    void theDevicesBeingToldComeAsASecondNotification() {
        service.tracksDeliveries = true;
        service.logoutResult = new LogoutResult(List.of("s1", "s3"), false);
        service.events.add(new AuditEvent(8, NOW, "admin", "logout_session", "bob.aide", List.of("s1", "s3"), null, null, null,
                List.of(new com.sessiondesk.api.Delivery("s1", NOW, "stream"), new com.sessiondesk.api.Delivery("s3", NOW, "response"))));
        var vm = dialogFor(phone, tablet);
        vm.allDevicesProperty().set(true);
        vm.submit();
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 2 devices",
                "Signed out Bob Aide from 2 devices · Delivered to 2 of 2 devices");
    }

    @Test
    void devicesNotYetToldAreCountedWhenTheWaitEnds() {
        service.tracksDeliveries = true;
        service.logoutResult = new LogoutResult(List.of("s1", "s3"), false);
        service.events.add(new AuditEvent(8, NOW, "admin", "logout_session", "bob.aide", List.of("s1", "s3"), null, null, null,
                List.of(new com.sessiondesk.api.Delivery("s1", NOW, "stream"), new com.sessiondesk.api.Delivery("s3", null, null))));
        var vm = dialogFor(phone, tablet);
        vm.allDevicesProperty().set(true);
        vm.submit();
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 2 devices",
                "Signed out Bob Aide from 2 devices · Delivered to 1 of 2 devices");
        assertThat(pauses).as("asked 13 times, a quarter second apart: about 3 s").hasSize(12).containsOnly(Duration.ofMillis(250));
    }

    @Test
    void withoutDeliveryDataNothingMoreIsSaid() {
        service.tracksDeliveries = true;
        service.events.add(new AuditEvent(8, NOW, "admin", "logout_session", "bob.aide", List.of("s1"), null));
        dialogFor(phone).submit();
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from Galaxy A54 (Caregiver)");
        assertThat(service.calls).containsExactly("logoutSession s1", "auditOf bob.aide");
    }
}

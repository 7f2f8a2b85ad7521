package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogoutDialogViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final Session phone = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 3, false);
    final Session oldApp = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(9000), 0, true);
    final Session tablet = session("s3", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 2, false);

    LogoutDialogViewModel dialogFor(Session session, Session... others) {
        List<Session> all = new ArrayList<>(List.of(others));
        all.add(session);
        return new LogoutDialogViewModel(session, all, service, t.context);
    }

    @Test
    void namesTheUserDeviceAndApplicationAndQuotesTheWarning() {
        var vm = dialogFor(phone);
        assertThat(vm.title()).isEqualTo("Logout User Account");
        assertThat(vm.heading()).isEqualTo("Log out Bob Aide (bob.aide)?");
        assertThat(vm.sessionDescription()).isEqualTo("Galaxy A54 · Android 14 — Caregiver 3.2.0");
        assertThat(vm.warning()).isEqualTo(
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
        assertThat(dialogFor(phone).blockHelp()).contains("Unblock it later under User Accounts");
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
        List<LogoutResult> done = new ArrayList<>();
        vm.submit(done::add);
        assertThat(service.calls).containsExactly("logoutSession s1");
        assertThat(done).containsExactly(service.logoutResult);
        assertThat(vm.notificationFor(done.get(0))).isEqualTo("Signed out Bob Aide from 2 devices");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void oneSessionIsReportedByDeviceAndApplication() {
        var vm = dialogFor(phone);
        assertThat(vm.notificationFor(new LogoutResult(List.of("s1"), false)))
                .isEqualTo("Signed out Bob Aide from Galaxy A54 (Caregiver)");
        assertThat(vm.notificationFor(new LogoutResult(List.of("s1", "s9"), true)))
                .isEqualTo("Signed out Bob Aide from 2 devices; account blocked");
        assertThat(vm.notificationFor(new LogoutResult(List.of(), true)))
                .isEqualTo("Blocked Bob Aide's account; no session was active");
    }

    @Test
    void failureKeepsTheDialogOpenWithTheMessageAndClaimsNothing() {
        var vm = dialogFor(phone);
        service.failNext = new SocketTimeoutException("read timed out");
        List<LogoutResult> done = new ArrayList<>();
        vm.submit(done::add);
        assertThat(done).isEmpty();
        assertThat(vm.errorMessageProperty().get()).contains("did not answer in time");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.submit(done::add); // retry from the same dialog
        assertThat(done).hasSize(1);
        assertThat(vm.errorMessageProperty().get()).isNull();
    }
}

package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Logout User Account dialog's third choice: "The device is lost or stolen: block this device". */
class DeviceBlockChoiceTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Session phone = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 3, false);
    final Session tablet = session("s3", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 2, false);

    LogoutDialogViewModel dialog() {
        service.sessions.addAll(List.of(phone, tablet));
        return LogoutDialogViewModel.forSession(phone, List.of(phone, tablet), service, t.context, clock);
    }

    @Test
    void isOfferedForASessionAndExcludesBlockingTheAccountAndAllDevices() {
        var vm = dialog();
        assertThat(vm.deviceBlock().offered()).isTrue();
        assertThat(vm.deviceBlock().help()).isEqualTo(
                "Ends every session on Galaxy A54, of any user, and refuses its logins. Bob Aide can still use other devices.");
        vm.blockProperty().set(true);
        vm.deviceBlock().chosenProperty().set(true);
        assertThat(vm.blockProperty().get()).isFalse();
        assertThat(vm.allDevicesProperty().get()).isFalse();
        assertThat(vm.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.BLOCK_DEVICE);
        assertThat(vm.afterSync().offered().get()).as("a stolen phone is not waited for").isFalse();

        vm.allDevicesProperty().set(true);
        assertThat(vm.deviceBlock().chosenProperty().get()).isFalse();
        assertThat(vm.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.LOG_OUT_ALL_DEVICES);
    }

    @Test
    void isNotOfferedForAUser() {
        var vm = LogoutDialogViewModel.forUser(user("bob.aide", "Bob Aide", false, 2), List.of(phone, tablet), false,
                service, t.context, clock);
        assertThat(vm.deviceBlock().offered()).isFalse();
    }

    @Test
    void sendsTheDeviceBlockWithReasonAndUntilAndNotTheAccountBlock() {
        var vm = dialog();
        vm.deviceBlock().chosenProperty().set(true);
        vm.deviceBlock().options().endProperty().set(BlockEnd.ONE_WEEK);
        vm.reasonProperty().set("  Lost on the bus ");

        vm.submit();

        assertThat(service.calls).containsExactly("blockDevice " + phone.deviceId() + " Lost on the bus");
        assertThat(service.lastDeviceBlockUntil).isEqualTo(NOW.plus(java.time.Duration.ofDays(7)));
        LogoutOutcome outcome = vm.outcomeProperty().get();
        assertThat(outcome.done()).isTrue();
        assertThat(outcome.blocked()).isFalse();
        assertThat(outcome.endedSessionIds()).containsExactly("s1");
        assertThat(t.notifications).singleElement().asString().startsWith("Blocked the device Galaxy A54 until ")
                .endsWith("; 1 session ended");
    }

    @Test
    void aRefusalKeepsTheDialogOpenWithTheMessage() {
        var vm = dialog();
        vm.deviceBlock().chosenProperty().set(true);
        service.failNext = new java.net.ConnectException("refused");

        vm.submit();

        assertThat(vm.outcomeProperty().get().done()).isFalse();
        assertThat(vm.errorMessageProperty().get()).isNotBlank();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}

package com.sessiondesk.client.incidents;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From an alert, one step to the dialog of the right action, with the right choice ticked. */
class AlertActionsTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final List<LogoutOutcome> done = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final AlertActions actions = new AlertActions(t.context, Clock.fixed(NOW, ZoneOffset.UTC), t.dialogs,
            error -> failures.add(error.message()), done::add);
    final Session phone = session("s1", "ana", "Ana Ruiz", "Galaxy A54", "Caregiver", NOW, 2, false);
    final Session tablet = session("s2", "ana", "Ana Ruiz", "Tab S9", "EVV", NOW, 0, false);

    Alert newDevice(Session on) {
        return new Alert(4, "new_device_login", "ana", on.deviceId(), on.deviceModel(), "10.0.0.9", 1, NOW, NOW, null, null);
    }

    {
        service.sessions.addAll(List.of(phone, tablet));
        service.users.add(user("ana", "Ana Ruiz", false, 2));
        actions.connect(service);
    }

    @Test
    void logOutSessionOpensTheLogoutDialogForTheSessionOnTheAlertsDevice() {
        actions.logOutSession(newDevice(phone));

        LogoutDialogViewModel dialog = t.dialogs.lastLogoutDialog;
        assertThat(dialog.session()).isEqualTo(phone);
        assertThat(dialog.deviceBlock().chosenProperty().get()).isFalse();
        assertThat(dialog.blockProperty().get()).isFalse();
    }

    @Test
    void blockDeviceOpensTheSameDialogWithLostOrStolenTickedAndSendsTheDeviceBlock() {
        t.dialogs.inLogoutDialog = vm -> vm.reasonProperty().set("Phone stolen");
        actions.blockDevice(newDevice(phone));

        LogoutDialogViewModel dialog = t.dialogs.lastLogoutDialog;
        assertThat(dialog.deviceBlock().chosenProperty().get()).isTrue();
        assertThat(dialog.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.BLOCK_DEVICE);
        assertThat(service.calls).contains("blockDevice " + phone.deviceId() + " Phone stolen")
                .noneMatch(call -> call.startsWith("blockUser") || call.startsWith("logoutSession"));
        assertThat(done).singleElement().satisfies(outcome -> {
            assertThat(outcome.endedSessionIds()).containsExactly("s1");
            assertThat(outcome.blocked()).as("the account stays usable").isFalse();
        });
    }

    @Test
    void blockAccountOpensTheDialogOfTheUserWithBlockTicked() {
        actions.blockAccount(newDevice(phone));

        LogoutDialogViewModel dialog = t.dialogs.lastLogoutDialog;
        assertThat(dialog.session()).isNull();
        assertThat(dialog.username()).isEqualTo("ana");
        assertThat(dialog.blockProperty().get()).isTrue();
    }

    @Test
    void aDeviceWithoutASessionIsBlockedAfterAConfirmation() {
        Alert alert = new Alert(8, "failed_logins", "ana", "dev-gone", "Moto G", null, 5, NOW, NOW, null, null);
        t.dialogs.confirmAnswer = false;
        actions.blockDevice(alert);
        assertThat(service.calls).noneMatch(call -> call.startsWith("blockDevice"));

        t.dialogs.confirmAnswer = true;
        actions.blockDevice(alert);
        assertThat(service.calls).contains("blockDevice dev-gone Blocked from an alert: Failed logins");
        assertThat(t.notifications).contains("Blocked the device Moto G; no session was active");
    }

    @Test
    void theActionsOfferedFollowWhatTheAlertNames() {
        Alert storm = new Alert(9, "login_storm", null, null, null, null, 120, NOW, NOW, null, null);
        assertThat(actions.canLogOutSession(storm)).isFalse();
        assertThat(actions.canBlockAccount(storm)).isFalse();
        assertThat(actions.canBlockDevice(storm)).isFalse();
        Alert blockedAttempt = new Alert(10, "blocked_device_attempt", "ana", "dev-x", "Moto", null, 3, NOW, NOW, null, null);
        assertThat(actions.canBlockDevice(blockedAttempt)).as("already blocked").isFalse();
        assertThat(actions.canBlockAccount(blockedAttempt)).isTrue();
        Alert self = new Alert(11, "failed_logins", "admin", null, null, null, 5, NOW, NOW, null, null);
        assertThat(actions.canBlockAccount(self)).as("never the admin signed in here").isFalse();
    }

    @Test
    void noSessionLeftOnTheDeviceIsSaidInsteadOfOpeningADialog() {
        Alert alert = new Alert(12, "new_device_login", "ana", "dev-ended", "Moto G", null, 1, NOW, NOW, null, null);
        actions.logOutSession(alert);
        assertThat(t.dialogs.lastLogoutDialog).isNull();
        assertThat(t.notifications).containsExactly("ana has no active session on Moto G");
    }
}

package com.sessiondesk.client.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockChange;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alerts' list, count, live updates from the feed, notifications and acknowledge; the blocked devices and Unblock. */
class AlertsViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final AlertsViewModel vm = new AlertsViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC));

    static Alert failedLogins(long id, String username, int count, Instant last) {
        return new Alert(id, "failed_logins", username, null, null, "10.0.0.7", count, last.minusSeconds(60), last, null, null);
    }

    static Alert acknowledged(Alert a) {
        return new Alert(a.id(), a.kind(), a.username(), a.deviceId(), a.deviceModel(), a.address(), a.count(), a.firstAt(),
                a.lastAt(), "other.admin", NOW);
    }

    @Test
    void loadsNewestFirstAndCountsTheOpenOnesWithoutAnnouncingThem() {
        Alert older = failedLogins(1, "ana", 5, NOW.minusSeconds(600));
        Alert newer = failedLogins(2, "bob", 7, NOW.minusSeconds(60));
        service.alerts.addAll(List.of(older, acknowledged(newer)));
        vm.connect(service);

        assertThat(vm.shown()).extracting(Alert::id).containsExactly(2L, 1L);
        assertThat(vm.openCountProperty().get()).isEqualTo(1);
        assertThat(vm.countTextProperty().get()).isEqualTo("2 alerts · 1 open");
        assertThat(t.notifications).as("the alerts already there when signing in are not news").isEmpty();
    }

    @Test
    void anAlertFromTheFeedIsAddedInPlaceAnnouncedOnceAndItsRepeatsOnlyUpdateIt() {
        vm.connect(service);
        assertThat(vm.openCountProperty().get()).isZero();

        Alert raised = failedLogins(9, "ana", 5, NOW);
        vm.changed(List.of(raised));
        assertThat(vm.openCountProperty().get()).isEqualTo(1);
        assertThat(vm.shown()).containsExactly(raised);
        assertThat(t.notifications).containsExactly("New alert: 5 failed logins for ana within 15 minutes");

        Alert repeated = failedLogins(9, "ana", 8, NOW.plusSeconds(30));
        vm.changed(List.of(repeated));
        assertThat(vm.shown()).containsExactly(repeated);
        assertThat(vm.openCountProperty().get()).isEqualTo(1);
        assertThat(t.notifications).as("an update of an open alert is not a new alert").hasSize(1);
        assertThat(service.calls).as("no reload for a change").containsExactly("alerts");
    }

    @Test
    void acknowledgingAsksTheServiceAndTheCountDrops() {
        Alert open = failedLogins(3, "ana", 6, NOW);
        service.alerts.add(open);
        vm.connect(service);

        vm.acknowledge(open);

        assertThat(service.calls).contains("acknowledgeAlert 3");
        assertThat(vm.openCountProperty().get()).isZero();
        assertThat(vm.shown().get(0).acknowledgedBy()).isEqualTo("admin");
        assertThat(t.notifications).containsExactly("Acknowledged: 6 failed logins for ana within 15 minutes");
        vm.openOnlyProperty().set(true);
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No open alert");
    }

    @Test
    void aFailedAcknowledgeShowsItsMessageAndKeepsTheAlertOpen() {
        Alert open = failedLogins(3, "ana", 6, NOW);
        vm.connect(service);
        vm.changed(List.of(open)); // known to the client, unknown to the server: 404

        vm.acknowledge(open);

        assertThat(vm.state().getErrorMessage()).isNotBlank();
        assertThat(vm.openCountProperty().get()).isEqualTo(1);
    }

    @Test
    void signingOutForgetsTheAlertsAndIgnoresTheOldFeed() {
        service.alerts.add(failedLogins(3, "ana", 6, NOW));
        vm.connect(service);
        vm.disconnect();
        vm.changed(List.of(failedLogins(4, "bob", 5, NOW)));
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.openCountProperty().get()).isZero();
    }

    @Test
    void eachKindReadsInBothLanguagesWithItsCount() {
        Alert device = new Alert(5, "blocked_device_attempt", "ana", "dev-1", "Galaxy A54", null, 1, NOW, NOW, null, null);
        assertThat(AlertTexts.summary(device)).isEqualTo("The blocked device Galaxy A54 tried to sign in once (last as ana)");
        Alert storm = new Alert(6, "login_storm", null, null, null, null, 140, NOW, NOW, null, null);
        assertThat(AlertTexts.summary(storm)).isEqualTo("The login throttle refused 140 attempts within a minute");
        Alert unknown = new Alert(7, "something_new", null, null, null, null, 2, NOW, NOW, null, null);
        assertThat(AlertTexts.kind(unknown)).isEqualTo("something_new");
        assertThat(AlertTexts.summary(failedLogins(1, "ana", 1, NOW))).startsWith("1 failed login for ana");
    }

    @Test
    void blockedDevicesLoadUnblockAfterConfirmationAndReloadOnFeedChanges() {
        BlockedDevicesViewModel devices = new BlockedDevicesViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC));
        service.blockedDevices.add(new DeviceBlock("dev-1", "Galaxy A54", "Android 14", "ana", "admin", "stolen", NOW, null));
        devices.connect(service);
        assertThat(devices.countTextProperty().get()).isEqualTo("1 device blocked");

        t.dialogs.confirmAnswer = false;
        devices.unblock(devices.shown().get(0));
        assertThat(service.calls).doesNotContain("unblockDevice dev-1");

        t.dialogs.confirmAnswer = true;
        devices.unblock(devices.shown().get(0));
        assertThat(service.calls).contains("unblockDevice dev-1");
        assertThat(devices.shown()).isEmpty();
        assertThat(devices.countTextProperty().get()).isEqualTo("No device blocked");
        assertThat(t.notifications).containsExactly("Unblocked the device Galaxy A54");

        service.blockedDevices.add(new DeviceBlock("dev-2", "Pixel 7", "Android 14", "bob", "other", null, NOW, null));
        devices.changed(List.of(new DeviceBlockChange("dev-2", true, null, "other", null)));
        assertThat(devices.shown()).extracting(DeviceBlock::deviceId).containsExactly("dev-2");
    }
}

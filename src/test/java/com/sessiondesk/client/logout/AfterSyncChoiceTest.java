package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log out after sync in the dialog: the after-sync choice, its request, and the texts of deliveries. */
class AfterSyncChoiceTest {

    static final Instant NOW = Instant.parse("2026-11-30T14:02:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final Session clean = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 0, false);
    final Session pending = session("s2", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 3, false);

    LogoutDialogViewModel dialogFor(Session session, Session... all) {
        return LogoutDialogViewModel.forSession(session, List.of(all), service, t.context,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void offeredOnlyWhenTheDevicesToLogOutReportedUnsyncedItems() {
        var vm = dialogFor(clean, clean, pending);
        assertThat(vm.afterSync().offered().get()).isFalse();
        vm.allDevicesProperty().set(true); // now the tablet with 3 items is logged out too
        assertThat(vm.afterSync().offered().get()).isTrue();
        assertThat(dialogFor(pending, pending).afterSync().offered().get()).isTrue();
        Session ending = new Session("s3", "bob.aide", "Bob Aide", "d", "Pixel", "Android", "Caregiver", "1",
                "en", NOW, NOW, 3, false, NOW.plusSeconds(900));
        assertThat(dialogFor(ending, ending).afterSync().offered().get()).as("already ending: immediate only").isFalse();
    }

    @Test
    void theRequestAsksForTheSyncAndTheSeedWarningStaysForTheImmediateChoice() {
        var vm = dialogFor(pending, pending);
        assertThat(vm.afterSync().warningText().get()).isEqualTo(Messages.get("logout.warning"));
        assertThat(vm.request()).isEqualTo(LogoutRequest.of(false, false, null));
        vm.afterSync().chosenProperty().set(true);
        vm.reasonProperty().set("Shift over");
        assertThat(vm.afterSync().warningText().get()).isEqualTo(Messages.format("logout.afterSync.note", 15));
        assertThat(vm.request()).isEqualTo(new LogoutRequest(false, false, "Shift over", true, 15));
        assertThat(vm.texts().done(new LogoutResult(List.of(), false, List.of("s2"), NOW.plusSeconds(900)), null))
                .startsWith("Logging out Bob Aide from 1 device once synced, by ");
    }

    @Test
    void deliveriesInWords() {
        AuditEvent event = new AuditEvent(1, NOW, "admin", "logout_all", "bob.aide", List.of("s1", "s2", "s3"), null, null, null,
                List.of(new Delivery("s1", NOW.plusMillis(400), "stream"), new Delivery("s2", NOW.plusSeconds(75), "response"),
                        new Delivery("s3", null, null)));
        assertThat(DeliveryTexts.summary(event)).isEqualTo("2 of 3 told");
        assertThat(DeliveryTexts.waiting(event)).isTrue();
        assertThat(DeliveryTexts.deliveredTo("Signed out Bob Aide from 3 devices", 2, 3))
                .isEqualTo("Signed out Bob Aide from 3 devices · Delivered to 2 of 3 devices");
        assertThat(DeliveryTexts.state(event, event.deliveries().get(0), NOW)).startsWith("Told at ").endsWith("(0.4 s after)");
        assertThat(DeliveryTexts.state(event, event.deliveries().get(1), NOW)).endsWith("(75 s after)");
        assertThat(DeliveryTexts.state(event, event.deliveries().get(2), NOW)).startsWith("Waiting for the device since ");
        assertThat(DeliveryTexts.summary(new AuditEvent(2, NOW, "admin", "unblock", "bob.aide", List.of(), null)))
                .isEmpty();
    }
}

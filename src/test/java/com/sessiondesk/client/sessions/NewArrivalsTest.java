package com.sessiondesk.client.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.Cells.Badge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Sessions from a new device or address: the badge for 24 hours from login, and "New devices only". */
class NewArrivalsTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    static Session session(String id, String model, Instant login, boolean newDevice, boolean newAddress) {
        return new Session(id, "ana", "Ana Ruiz", "dev-" + id, model, "Android 14", "Caregiver", "3.2.0", "English",
                login, NOW, 0, false, "10.0.0." + id.length(), null, newDevice, newAddress);
    }

    @Test
    void theBadgeSaysWhatIsNewAndLastsTwentyFourHoursFromLogin() {
        Session device = session("s1", "Galaxy A54", NOW.minus(Duration.ofHours(23)), true, false);
        Badge badge = NewArrivals.badge(device, NOW);
        assertThat(badge.text()).isEqualTo("New");
        assertThat(badge.explanation()).isEqualTo("New device: first login of Ana Ruiz on this device (within the last 24 hours)");
        assertThat(NewArrivals.badge(device, NOW.plus(Duration.ofHours(2)))).as("25 hours after login").isNull();
        assertThat(NewArrivals.badge(session("s2", "Pixel", NOW, false, true), NOW).explanation()).startsWith("New address: ");
        assertThat(NewArrivals.badge(session("s3", "Pixel", NOW, true, true), NOW).explanation())
                .startsWith("New device and address: ");
        assertThat(NewArrivals.badge(session("s4", "Pixel", NOW, false, false), NOW)).isNull();
    }

    @Test
    void newDevicesOnlyShowsTheNewSessionsOfTheLastDayAndClearsWithTheFilters() {
        FakeAdminService service = new FakeAdminService();
        service.sessions.add(session("s1", "Galaxy A54", NOW.minus(Duration.ofHours(2)), true, false));
        service.sessions.add(session("s2", "Pixel 7", NOW.minus(Duration.ofHours(3)), false, true));
        service.sessions.add(session("s3", "Tab S9", NOW.minus(Duration.ofHours(30)), true, true));
        service.sessions.add(session("s4", "Moto G", NOW.minus(Duration.ofHours(1)), false, false));
        TestContexts t = new TestContexts();
        SessionsViewModel vm = new SessionsViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC), t.dialogs);
        vm.connect(service);
        assertThat(vm.shown()).hasSize(4);

        vm.filter().newOnlyProperty().set(true);
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactlyInAnyOrder("s1", "s2");

        vm.filter().searchTextProperty().set("pixel");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s2");

        vm.clearFilters();
        assertThat(vm.filter().newOnlyProperty().get()).isFalse();
        assertThat(vm.shown()).hasSize(4);
    }
}

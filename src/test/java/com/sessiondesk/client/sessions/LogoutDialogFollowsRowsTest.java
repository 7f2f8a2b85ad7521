package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.server.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Logout User Account dialog never leaves out a device's unsynced count: it opens with the
 * session as the live rows hold it (not as the clicked row was drawn), and a count that arrives
 * while it is open shows, with "log out after sync".
 */
class LogoutDialogFollowsRowsTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    SessionsViewModel vm;

    @BeforeEach
    void setUp() {
        service.sessions.addAll(List.of(
                session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(60), 0, false),
                session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV", NOW.minusSeconds(300), 0, false)));
        vm = new SessionsViewModel(t.context, new MutableClock(NOW), t.dialogs);
        vm.connect(service);
    }

    private SessionRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static SessionChanges changes(List<Session> upserted, String cursor) {
        return new SessionChanges(upserted, List.<EndedSession>of(), List.of(), cursor);
    }

    @Test
    void aCountThatArrivesWhileTheDialogIsOpenShowsWithLogOutAfterSync() {
        List<String> seen = new ArrayList<>();
        t.dialogs.inLogoutDialog = dialog -> {
            seen.add(dialog.unsyncedWarning().get());
            seen.add(String.valueOf(dialog.afterSync().offered().get()));
            // the device reports 2 unsynced items while the admin reads the dialog
            service.changes.add(changes(List.of(session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver",
                    NOW, 2, false)), "c1"));
            vm.poll();
            seen.add(dialog.unsyncedWarning().get());
            seen.add(String.valueOf(dialog.afterSync().offered().get()));
            dialog.afterSync().chosenProperty().set(true);
        };

        vm.logOut(row("s1"));

        assertThat(seen).containsExactly("", "false", "This device has 2 unsynced items.", "true");
        assertThat(service.lastLogoutRequest.afterSync()).as("log out after sync was sent").isTrue();
    }

    @Test
    void aCountThatArrivedJustBeforeTheDialogOpenedShowsThoughTheClickedRowWasDrawnWithout() {
        SessionRow drawn = row("s1"); // the row as the table drew it, before the feed's answer
        service.changes.add(changes(List.of(session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver",
                NOW, 2, false)), "c1"));
        vm.poll();
        List<String> seen = new ArrayList<>();
        t.dialogs.inLogoutDialog = dialog -> {
            seen.add(dialog.unsyncedWarning().get());
            seen.add(String.valueOf(dialog.afterSync().offered().get()));
        };

        vm.logOut(drawn);

        assertThat(seen).containsExactly("This device has 2 unsynced items.", "true");
    }

    @Test
    void onceSentTheDialogNoLongerChanges() {
        t.dialogs.inLogoutDialog = dialog -> { };
        vm.logOut(row("s3"));
        var dialog = t.dialogs.lastLogoutDialog;
        service.changes.add(changes(List.of(session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV",
                NOW, 5, false)), "c1"));
        vm.poll();
        assertThat(dialog.unsyncedWarning().get()).isEmpty();
    }
}

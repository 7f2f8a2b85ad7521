package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one confirmation for many sessions: its scope, its request, its outcome in words. */
class BulkLogoutViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    // bob: a phone (3 unsynced) and an old app on the same phone; carol: a tablet (2 unsynced); dave: old app
    final Session bobPhone = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 3, false);
    final Session bobOld = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "EVV", NOW, 0, true);
    final Session carolTab = session("s3", "carol", "Carol", "Tab S9", "EVV", NOW, 2, false);
    final Session daveOld = session("s4", "dave", "Dave", "Pixel 8", "EVV", NOW, 0, true);
    final Session bobTablet = session("s5", "bob.aide", "Bob Aide", "Tab S9", "Caregiver", NOW, 4, false);
    final List<Session> all = List.of(bobPhone, bobOld, carolTab, daveOld, bobTablet);

    BulkLogoutViewModel confirm(Session... selected) {
        return new BulkLogoutViewModel("Log out selected", List.of(selected), all, service, t.context,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theScopeCountsSessionsUsersDevicesOldVersionsAndUnsyncedItems() {
        var vm = confirm(bobPhone, bobOld, carolTab);
        assertThat(vm.scope()).isEqualTo(new BulkLogoutViewModel.Scope(3, 2, 2, 1, 5));
        assertThat(vm.scopeText().get()).isEqualTo("Ends 3 sessions of 2 users on 2 devices, 1 of them from an old app version.");
        assertThat(vm.unsyncedWarning().get()).isEqualTo("5 unsynced items will be lost.");
        assertThat(vm.title()).isEqualTo("Log out selected");
        assertThat(vm.heading()).isEqualTo("Log out 3 sessions?");
        assertThat(vm.confirmText()).isEqualTo("Log out 3 sessions");
    }

    @Test
    void oneSessionIsSingularAndOldOnlySaysAllOfThem() {
        var vm = confirm(daveOld);
        assertThat(vm.scope()).isEqualTo(new BulkLogoutViewModel.Scope(1, 1, 1, 1, 0));
        assertThat(vm.heading()).isEqualTo("Log out 1 session?");
        assertThat(vm.scopeText().get()).isEqualTo("Ends 1 session of 1 user on 1 device, all of them from an old app version.");
        assertThat(vm.unsyncedWarning().get()).isEmpty();
        assertThat(confirm(carolTab).scopeText().get()).isEqualTo("Ends 1 session of 1 user on 1 device.");
    }

    @Test
    void aSessionWithoutADeviceCountsAsItsOwnDevice() {
        Session noDevice = new Session("s9", "erin", "Erin", null, "Web", "Linux", "Portal", "1.0", "English",
                NOW.minusSeconds(60), NOW, -4, false);
        Session other = new Session("s10", "erin", "Erin", null, "Web", "Linux", "Portal", "1.0", "English",
                NOW.minusSeconds(60), NOW, 0, false);
        var vm = new BulkLogoutViewModel("t", List.of(noDevice, other), List.of(noDevice, other), service, t.context,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(vm.scope()).as("two sessions without a device id are two devices; negative counts are none")
                .isEqualTo(new BulkLogoutViewModel.Scope(2, 1, 2, 0, 0));
    }

    @Test
    void blockWidensTheScopeToEverySessionOfTheirUsers() {
        var vm = confirm(bobPhone, carolTab);
        assertThat(vm.scope().sessions()).isEqualTo(2);
        vm.blockProperty().set(true);
        assertThat(vm.scope()).isEqualTo(new BulkLogoutViewModel.Scope(4, 2, 3, 1, 9));
        assertThat(vm.scopeText().get())
                .isEqualTo("Blocks 2 accounts and ends every session of theirs: 4 sessions of 2 users on 3 devices, 1 of them from an old app version.");
        assertThat(vm.unsyncedWarning().get()).isEqualTo("9 unsynced items will be lost.");
        assertThat(vm.heading()).as("the heading names the selection").isEqualTo("Log out 2 sessions?");
        vm.blockProperty().set(false);
        assertThat(vm.scope().sessions()).isEqualTo(2);
    }

    @Test
    void theRequestCarriesTheSelectedIdsTheBlockItsEndAndATrimmedReason() {
        var vm = confirm(bobPhone, carolTab);
        assertThat(vm.request()).isEqualTo(new BulkLogoutRequest(List.of("s1", "s3"), false, null, null));
        vm.reasonProperty().set("   ");
        assertThat(vm.request().reason()).isNull();
        vm.reasonProperty().set("  Shift over ");
        vm.blockProperty().set(true);
        vm.blockOptions().endProperty().set(BlockEnd.ONE_HOUR);
        assertThat(vm.request()).as("block keeps the selection: the server widens it")
                .isEqualTo(new BulkLogoutRequest(List.of("s1", "s3"), true, "Shift over", NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void submitSendsOneRequestAndHandsOverTheResult() {
        var vm = confirm(bobPhone, carolTab);
        vm.blockProperty().set(true);
        vm.blockOptions().endProperty().set(BlockEnd.ONE_WEEK);
        List<BulkLogoutResult> results = new ArrayList<>();
        vm.submit(results::add);
        assertThat(service.calls).containsExactly("logoutSessions 2");
        assertThat(service.lastBulkRequest.until()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(vm.sentUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(results).singleElement().extracting(BulkLogoutResult::endedSessionIds).isEqualTo(List.of("s1", "s3"));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorMessageProperty().get()).isNull();
    }

    @Test
    void aRefusalKeepsTheDialogOpenWithWhyAndARetryClearsIt() {
        var vm = confirm(bobPhone);
        service.failNext = new ClientException(new ClientError.Rejected("Too many sessions", 400));
        List<BulkLogoutResult> results = new ArrayList<>();
        vm.submit(results::add);
        assertThat(results).isEmpty();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Too many sessions");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.submit(results::add);
        assertThat(results).hasSize(1);
        assertThat(vm.errorMessageProperty().get()).isNull();
    }

    @Test
    void aLostSignInGoesToTheShellNotIntoTheDialog() {
        var vm = confirm(bobPhone);
        service.failNext = new ClientException(new ClientError.NotSignedIn("Signed out", true));
        vm.submit(result -> { });
        assertThat(t.signInLost).containsExactly("Signed out");
        assertThat(vm.errorMessageProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void nothingIsSentWhileBusyOrWithoutTheBlockDate() {
        var vm = confirm(bobPhone);
        vm.blockProperty().set(true);
        vm.blockOptions().endProperty().set(BlockEnd.DATE);
        vm.submit(result -> { });
        assertThat(service.calls).isEmpty();

        List<Runnable> pending = new ArrayList<>();
        var slow = new com.sessiondesk.client.common.ViewContext(new com.sessiondesk.client.common.TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<ClientError> onFailure) {
                pending.add(() -> com.sessiondesk.client.common.TaskRunner.inline().run(work, onSuccess, onFailure));
            }
        }, t.dialogs, t.notifications::add, t.signInLost::add);
        var waiting = new BulkLogoutViewModel("t", List.of(bobPhone), all, service, slow, Clock.fixed(NOW, ZoneOffset.UTC));
        waiting.submit(result -> { });
        assertThat(waiting.busyProperty().get()).isTrue();
        waiting.submit(result -> { });
        assertThat(pending).as("a second click while the first is on its way sends nothing").hasSize(1);
        pending.get(0).run();
        assertThat(waiting.busyProperty().get()).isFalse();
    }

    @Test
    void theNotificationSaysWhatTheServerDid() {
        var vm = confirm(bobPhone, bobOld, carolTab);
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of("s1", "s2", "s3"), List.of(), List.of())))
                .isEqualTo("Signed out 3 sessions of 2 users");
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of("s1"), List.of(), List.of("s2", "s3"))))
                .isEqualTo("Signed out 1 session of 1 user; 2 sessions had already ended");
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of(), List.of(), List.of("s1"))))
                .isEqualTo("No session was ended; 1 session had already ended");
        assertThat(vm.notificationFor(new BulkLogoutResult(null, null, null))).isEqualTo("No session was ended");
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of("x1", "x2"), List.of(), List.of())))
                .as("sessions this client did not list: no user count").isEqualTo("Signed out 2 sessions");
    }

    @Test
    void aBlockIsNamedWithItsEndWhenItHasOne() {
        var vm = confirm(bobPhone, carolTab);
        vm.blockProperty().set(true);
        vm.submit(result -> { });
        var result = new BulkLogoutResult(List.of("s1", "s2", "s3", "s5"), List.of("bob.aide", "carol"), List.of());
        assertThat(vm.notificationFor(result)).as("widened by the block: bob's other sessions count as his")
                .isEqualTo("Signed out 4 sessions of 2 users; blocked 2 accounts");
        vm.blockOptions().endProperty().set(BlockEnd.ONE_HOUR);
        vm.submit(r -> { });
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of("s1"), List.of("bob.aide"), List.of())))
                .isEqualTo("Signed out 1 session of 1 user; blocked 1 account until "
                        + Formats.dateTime(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void theWarningCountsTheUsersItSpeaksOf() {
        assertThat(confirm(bobPhone, carolTab, daveOld).afterSync().warningText().get())
                .isEqualTo("Any unsynced work the 3 users have done offline will be lost and cannot be recovered if logout is completed.");
        assertThat(confirm(bobPhone, bobOld).afterSync().warningText().get())
                .isEqualTo("Any unsynced work the user has done offline will be lost and cannot be recovered if logout is completed.");
    }

    @Test
    void unsyncedWorkOffersLogOutAfterSyncAsTheDialogForOneSessionDoes() {
        var none = confirm(bobOld, daveOld);
        assertThat(none.afterSync().offered().get()).as("nothing unsynced: nothing to wait for").isFalse();
        none.blockProperty().set(true);
        assertThat(none.afterSync().offered().get()).as("the block ends bob's phone too, which has 7 unsynced items").isTrue();

        var vm = confirm(bobOld, daveOld, carolTab);
        assertThat(vm.afterSync().offered().get()).isTrue();
        vm.afterSync().chosenProperty().set(true);
        assertThat(vm.afterSync().warningText().get()).startsWith("The device uploads its unsynced work first");
        assertThat(vm.request()).isEqualTo(new BulkLogoutRequest(List.of("s2", "s4", "s3"), false, null, null,
                true, AfterSyncOption.SYNC_MINUTES));
        Instant deadline = NOW.plus(Duration.ofMinutes(15));
        assertThat(vm.notificationFor(new BulkLogoutResult(List.of(), List.of(), List.of(), List.of("s2", "s4", "s3"), deadline)))
                .isEqualTo("Told 3 sessions to sync first; they end once synced, at the latest at " + Formats.time(deadline));
    }

    @Test
    void enterConfirmsOnlyOnceAReasonIsTyped() {
        var vm = confirm(carolTab);
        assertThat(vm.hasReason()).isFalse();
        vm.reasonProperty().set("   ");
        assertThat(vm.hasReason()).isFalse();
        vm.reasonProperty().set("Shift over");
        assertThat(vm.hasReason()).isTrue();
    }
}

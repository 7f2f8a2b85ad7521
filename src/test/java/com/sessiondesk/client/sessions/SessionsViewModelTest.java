package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.server.MutableClock;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    SessionsViewModel vm;

    @BeforeEach
    void setUp() {
        service.sessions.addAll(List.of(
                session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(60), 3, false),
                session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(86_400), 0, true),
                session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV", NOW.minusSeconds(300), 0, false),
                session("s4", "dave.blocked", "Dave Stone", "Pixel 8", "EVV", NOW.minusSeconds(10), 0, false)));
        service.users.add(user("dave.blocked", "Dave Stone", true, 1));
        vm = new SessionsViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC), t.dialogs);
        vm.connect(service);
    }

    @Test
    void loadsEverySessionAndCountsSessionsAndUsers() {
        assertThat(vm.shown()).hasSize(4);
        assertThat(vm.countTextProperty().get()).isEqualTo("4 sessions · 3 users");
        assertThat(vm.state().isLoading()).isFalse();
        assertThat(vm.state().updatedAtProperty().get()).isEqualTo(NOW);
    }

    @Test
    void searchNarrowsByUsernameNameOrDeviceIgnoringCase() {
        vm.filter().searchTextProperty().set("CAROL");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s3");
        vm.filter().searchTextProperty().set("galaxy");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactlyInAnyOrder("s1", "s2");
        assertThat(vm.countTextProperty().get()).isEqualTo("2 sessions · 1 user");
        vm.filter().searchTextProperty().set("stone");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s4");
        vm.filter().searchTextProperty().set("nobody");
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).contains("No sessions match");
        vm.filter().searchTextProperty().set("");
        assertThat(vm.shown()).hasSize(4);
    }

    @Test
    void severalApplicationsAndLanguagesCanBeTickedAndCombineWithSearch() {
        assertThat(vm.filter().applications()).containsExactly("Caregiver", "EVV");
        assertThat(vm.filter().languages()).containsExactly("English");
        vm.filter().chosenApplications().add("EVV");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactlyInAnyOrder("s3", "s4");
        vm.filter().chosenApplications().add("Caregiver");
        assertThat(vm.shown()).hasSize(4);
        vm.filter().chosenApplications().remove("Caregiver");
        vm.filter().searchTextProperty().set("dave");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s4");
        vm.filter().chosenLanguages().add("English");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s4");
        vm.filter().chosenLanguages().clear();
        vm.filter().chosenLanguages().add("Spanish");
        assertThat(vm.shown()).isEmpty();
        vm.filter().chosenLanguages().clear();
        vm.filter().chosenApplications().clear();
        vm.filter().searchTextProperty().set("");
        assertThat(vm.shown()).hasSize(4);
    }

    @Test
    void marksRowsOfBlockedUsers() {
        assertThat(vm.rows()).filteredOn(SessionRow::userBlocked).extracting(SessionRow::id).containsExactly("s4");
    }

    @Test
    void aFailedRefreshKeepsTheRowsMarkedStaleWithTheMessage() {
        service.failNext = new ConnectException("refused");
        vm.refresh();
        assertThat(vm.rows()).hasSize(4);
        assertThat(vm.state().isStale()).isTrue();
        assertThat(vm.state().getErrorMessage()).contains("not reachable");
        vm.refresh();
        assertThat(vm.state().isStale()).isFalse();
        assertThat(vm.state().getErrorMessage()).isNull();
    }

    @Test
    void anExpiredSignInGoesToTheShellNotTheBanner() {
        service.failNext = new ClientException(new ClientError.NotSignedIn("Your session expired, please sign in again.", true));
        vm.refresh();
        assertThat(t.signInLost).containsExactly("Your session expired, please sign in again.");
        assertThat(vm.state().getErrorMessage()).isNull();
    }

    @Test
    void refreshKeepsTheFilterAndPicksUpChanges() {
        vm.filter().searchTextProperty().set("bob");
        service.sessions.removeIf(s -> s.id().equals("s2"));
        vm.refresh();
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s1");
    }

    @Test
    void loggingOutOpensTheDialogWithAllOfTheUsersSessionsThenRemovesTheEndedRowsWithoutAReload() {
        t.dialogs.inLogoutDialog = dialog -> dialog.blockProperty().set(true);
        service.logoutResult = new LogoutResult(List.of("s1", "s2"), true);
        int loadsBefore = service.sessionLoads;
        SessionRow bob = vm.rows().stream().filter(r -> r.id().equals("s1")).findFirst().orElseThrow();

        vm.logOut(bob);

        assertThat(t.dialogs.lastLogoutDialog.allDevicesHelp().get()).contains("all 2 sessions of bob.aide");
        assertThat(service.lastLogoutRequest.block()).isTrue();
        assertThat(service.lastLogoutRequest.allDevices()).isTrue();
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 1 device (2 sessions); account blocked");
        assertThat(service.sessionLoads).as("no reload: the result's ended ids are enough").isEqualTo(loadsBefore);
        assertThat(vm.rows()).extracting(SessionRow::id).containsExactly("s4", "s3");
    }

    @Test
    void cancellingTheDialogChangesNothing() {
        SessionRow bob = vm.rows().get(0);
        int loadsBefore = service.sessionLoads;
        vm.logOut(bob);
        assertThat(service.calls).noneMatch(c -> c.startsWith("logoutSession"));
        assertThat(t.notifications).isEmpty();
        assertThat(service.sessionLoads).isEqualTo(loadsBefore);
    }

    @Test
    void rowsArriveNewestFirstAndKeepAChosenOrderAcrossReloads() {
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s4", "s1", "s3", "s2");
        vm.sortBy(SessionColumn.USERNAME.order());
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s1", "s2", "s3", "s4");
        vm.filter().searchTextProperty().set("bob");
        vm.sortBy(SessionColumn.LOGIN_TIME.order());
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s2", "s1");
        vm.filter().searchTextProperty().set("");
        service.sessions.add(session("s0", "aaron", "Aaron A", "Pixel", "EVV", NOW.minusSeconds(999_999), 0, false));
        vm.refresh();
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s0", "s2", "s3", "s1", "s4");
    }

    /** Every "… ago" of the table comes from one instant, moved on per reload or tick. */
    @Test
    void everyAgoTextIsComputedFromOneInstantPerRefreshOrTick() {
        MutableClock clock = new MutableClock(NOW);
        SessionsViewModel timed = new SessionsViewModel(t.context, clock, t.dialogs);
        timed.connect(service);
        assertThat(timed.now()).isEqualTo(NOW);
        clock.advance(Duration.ofSeconds(90));
        assertThat(timed.now()).as("cells drawn later in the same tick use the same instant").isEqualTo(NOW);
        SessionRow row = timed.shown().get(0);
        assertThat(SessionTexts.cellText(SessionColumn.LAST_SEEN, row, timed.now()))
                .isEqualTo(SessionTexts.cellText(SessionColumn.LAST_SEEN, row, timed.now()));
        timed.tick();
        assertThat(timed.now()).isEqualTo(NOW.plusSeconds(90));
        clock.advance(Duration.ofSeconds(110));
        timed.refresh();
        assertThat(timed.now()).isEqualTo(NOW.plusSeconds(200));
    }

    /** While the built-in service starts, the table says so. */
    @Test
    void whileTheDemoServiceStartsTheTableSaysSo() {
        SessionsViewModel starting = new SessionsViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC), t.dialogs);
        starting.expectConnection();
        assertThat(starting.placeholderTextProperty().get()).isEqualTo("Starting the demo service…");
        assertThat(starting.countTextProperty().get()).isEqualTo("Loading…");
    }

    /** The search text does not survive switching to another server. */
    @Test
    void signingOutForgetsTheSearchAndFilter() {
        vm.filter().searchTextProperty().set("bob");
        vm.filter().chosenApplications().add("EVV");
        vm.disconnect();
        assertThat(vm.filter().searchTextProperty().get()).isEmpty();
        assertThat(vm.filter().chosenApplications()).isEmpty();
    }

    /** Sessions a reload brings are marked (highlighted briefly); the first load marks none. */
    @Test
    void aReloadMarksTheSessionsItBrought() {
        assertThat(vm.hasFresh()).isFalse();
        service.sessions.add(session("s9", "erin.new", "Erin New", "Pixel 9", "EVV", NOW, 0, false));
        vm.refresh();
        assertThat(vm.isFresh("s9")).isTrue();
        assertThat(vm.isFresh("s1")).isFalse();
        vm.clearFresh();
        assertThat(vm.hasFresh()).isFalse();
    }

    /** History can say which device a log out ended. */
    @Test
    void remembersTheDeviceOfEverySessionItListed() {
        service.sessions.removeIf(s -> s.id().equals("s3"));
        vm.refresh();
        assertThat(vm.deviceOf("s3")).isEqualTo("iPhone 15 · Android 14");
    }

    @Test
    void listsTheSessionsOfAUser() {
        assertThat(vm.sessionsOf("bob.aide")).extracting(s -> s.id()).containsExactlyInAnyOrder("s1", "s2");
        assertThat(vm.sessionsOf("nobody")).isEmpty();
    }
}

package com.sessiondesk.client.users;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    UsersViewModel vm;

    @BeforeEach
    void setUp() {
        service.users.add(user("bob.aide", "Bob Aide", false, 2));
        service.users.add(user("dave.stone", "Dave Stone", true, 0));
        service.users.add(user("carol.nurse", "Carol Nurse", false, 1));
        vm = new UsersViewModel(t.context, Clock.systemUTC(), username -> username.equals("bob.aide")
                ? List.of(session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 4, false),
                          session("s2", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 0, false))
                : List.of(), t.dialogs);
        vm.connect(service);
    }

    @Test
    void searchAndBlockedFilter() {
        assertThat(vm.countTextProperty().get()).isEqualTo("3 users · 1 blocked");
        vm.searchTextProperty().set("NURSE");
        assertThat(vm.shown()).extracting(User::username).containsExactly("carol.nurse");
        vm.searchTextProperty().set("");
        vm.blockedOnlyProperty().set(true);
        assertThat(vm.shown()).extracting(User::username).containsExactly("dave.stone");
    }

    @Test
    void unblockAsksFirstThenUnblocksAndReloads() {
        User dave = vm.shown().get(1);
        t.dialogs.confirmAnswer = false;
        vm.unblock(dave);
        assertThat(service.calls).doesNotContain("unblockUser dave.stone");
        t.dialogs.confirmAnswer = true;
        vm.unblock(dave);
        assertThat(service.calls).contains("unblockUser dave.stone");
        assertThat(t.notifications).containsExactly("Unblocked Dave Stone; they can log in again");
        assertThat(service.calls.get(service.calls.size() - 1)).isEqualTo("users null");
    }

    @Test
    void logOutEverywhereUsesTheLogoutDialogWarnsAboutUnsyncedWorkAndSendsTheReason() {
        t.dialogs.inLogoutDialog = dialog -> dialog.reasonProperty().set("Left the agency");
        vm.logOutEverywhere(vm.shown().get(0));
        var dialog = t.dialogs.lastLogoutDialog;
        assertThat(dialog.texts().heading()).isEqualTo("Log out Bob Aide (bob.aide) from all devices?");
        assertThat(dialog.texts().warning()).contains("Any unsynced work");
        assertThat(dialog.unsyncedWarning().get()).contains("4 unsynced items");
        assertThat(dialog.allDevicesProperty().get()).isTrue();
        assertThat(dialog.allDevicesLocked().get()).as("a user's dialog always ends every session").isTrue();
        assertThat(dialog.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.LOG_OUT_ALL_DEVICES);
        assertThat(service.calls).contains("logoutUser bob.aide Left the agency");
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 2 devices");
        assertThat(service.calls.get(service.calls.size() - 1)).as("the list reloads").isEqualTo("users null");
    }

    @Test
    void anyUserCanBeBlockedWithAReasonEvenWithoutSessions() {
        User carolWithout = user("erin.home", "Erin Home", false, 0);
        service.users.add(carolWithout);
        vm.refresh();
        t.dialogs.inLogoutDialog = dialog -> dialog.reasonProperty().set("Contract ended");
        vm.block(carolWithout);
        var dialog = t.dialogs.lastLogoutDialog;
        assertThat(dialog.texts().heading()).isEqualTo("Block Erin Home (erin.home)?");
        assertThat(dialog.confirm().get()).isEqualTo(LogoutDialogViewModel.Confirm.BLOCK_AND_LOG_OUT);
        assertThat(service.calls).contains("blockUser erin.home Contract ended");
        assertThat(t.notifications).containsExactly("Blocked Erin Home's account; no session was active");
    }

    @Test
    void aFailedActionShowsItsMessageInTheDialog() {
        service.failNext = new com.sessiondesk.client.common.ClientException(
                new com.sessiondesk.client.common.ClientError.Rejected("No such user: bob.aide", 404));
        t.dialogs.inLogoutDialog = dialog -> { };
        vm.logOutEverywhere(vm.shown().get(0));
        assertThat(t.dialogs.lastLogoutDialog.errorMessageProperty().get()).contains("No such user");
        assertThat(t.notifications).isEmpty();
    }

    @Test
    void theSearchDoesNotSurviveSigningOut() {
        vm.searchTextProperty().set("bob");
        vm.blockedOnlyProperty().set(true);
        vm.disconnect();
        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(vm.blockedOnlyProperty().get()).isFalse();
    }
}

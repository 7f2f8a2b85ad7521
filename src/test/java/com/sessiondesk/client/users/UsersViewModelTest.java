package com.sessiondesk.client.users;

import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.net.ConnectException;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    UsersViewModel vm;

    @BeforeEach
    void setUp() {
        service.users.add(user("bob.aide", "Bob Aide", false, 2));
        service.users.add(user("dave.stone", "Dave Stone", true, 0));
        service.users.add(user("carol.nurse", "Carol Nurse", false, 1));
        vm = new UsersViewModel(t.context, Clock.systemUTC(), username -> username.equals("bob.aide") ? 4 : 0);
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
    void logOutEverywhereWarnsAboutUnsyncedWorkAndSendsTheReason() {
        t.dialogs.reasonAnswer = "Left the agency";
        vm.logOutEverywhere(vm.shown().get(0));
        assertThat(t.dialogs.asked.get(0)).contains("Any unsynced work").contains("4 unsynced items");
        assertThat(service.calls).contains("logoutUser bob.aide Left the agency");
        assertThat(t.notifications).containsExactly("Signed out Bob Aide from 2 sessions");
    }

    @Test
    void aFailedActionShowsItsMessage() {
        service.failNext = new ConnectException("refused");
        vm.logOutEverywhere(vm.shown().get(0));
        assertThat(vm.state().getErrorMessage()).contains("not reachable");
        assertThat(t.notifications).isEmpty();
    }

    @Test
    void blockAsksUntilWhenAndSendsTheEnd() {
        User bob = vm.shown().get(0);
        t.dialogs.reasonAnswer = "Lost phone";
        t.dialogs.inBlockDialog = options -> options.endProperty().set(com.sessiondesk.client.logout.BlockEnd.ONE_WEEK);
        java.time.Instant before = java.time.Instant.now();

        vm.block(bob);

        assertThat(service.calls).contains("blockUser bob.aide Lost phone");
        assertThat(service.lastBlockUntil).isBetween(before.plus(java.time.Duration.ofDays(7)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
        assertThat(t.dialogs.asked).anyMatch(q -> q.contains("Block Bob Aide (bob.aide)?") && q.contains("4 unsynced items"));
        assertThat(t.notifications).singleElement().asString().startsWith("Blocked Bob Aide until ");
    }

    @Test
    void aPlainBlockStaysIndefinite() {
        vm.block(vm.shown().get(0));
        assertThat(service.lastBlockUntil).isNull();
        assertThat(t.notifications).containsExactly("Blocked Bob Aide until unblocked");
    }
}

package com.sessiondesk.client.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePasswordViewModelTest {

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final ChangePasswordViewModel vm = new ChangePasswordViewModel(t.context, service);
    final List<String> done = new ArrayList<>();

    private void type(String current, String fresh, String repeated) {
        vm.currentPasswordProperty().set(current);
        vm.newPasswordProperty().set(fresh);
        vm.repeatedPasswordProperty().set(repeated);
    }

    @Test
    void aShortMismatchedOrUnchangedPasswordIsRefusedBeforeAnythingIsSent() {
        type("old-password-1", "short", "short");
        vm.submit(() -> done.add("done"));
        assertThat(vm.errorMessageProperty().get()).contains("at least 12");
        type("old-password-1", "a-new-password-1", "a-new-password-2");
        vm.submit(() -> done.add("done"));
        assertThat(vm.errorMessageProperty().get()).isEqualTo("The new passwords do not match.");
        type("", "a-new-password-1", "a-new-password-1");
        vm.submit(() -> done.add("done"));
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Type your current password.");
        type("a-new-password-1", "a-new-password-1", "a-new-password-1");
        vm.submit(() -> done.add("done"));
        assertThat(vm.errorMessageProperty().get()).isEqualTo("The new password must differ from the current one.");
        assertThat(service.calls).isEmpty();
        assertThat(done).isEmpty();
    }

    @Test
    void aCommonOrRepeatedPasswordIsRefusedAsTooEasyNotAsTooShort() {
        for (String weak : List.of("qwerty123456", "aaaaaaaaaaaaaa")) {
            type("old-password-1", weak, weak);
            vm.submit(() -> done.add("done"));
            assertThat(vm.errorMessageProperty().get()).as(weak).contains("too easy to guess");
        }
        assertThat(service.calls).isEmpty();
    }

    @Test
    void aGoodChangeIsSentAndForgetsThePasswords() {
        type("old-password-1", "a-new-password-1", "a-new-password-1");
        vm.submit(() -> done.add("done"));
        assertThat(service.calls).containsExactly("changePassword");
        assertThat(done).containsExactly("done");
        assertThat(vm.done()).as("no other window was signed in").isEqualTo("Your password was changed.");
        assertThat(vm.currentPasswordProperty().get()).isEmpty();
        assertThat(vm.newPasswordProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theNotificationCountsTheOtherWindowsThatWereSignedOut() {
        service.otherAdminSessions = 2;
        type("old-password-1", "a-new-password-1", "a-new-password-1");
        vm.submit(() -> done.add("done"));
        assertThat(vm.done()).isEqualTo("Your password was changed. Your 2 other signed-in windows were signed out.");
        service.otherAdminSessions = 1;
        type("a-new-password-1", "a-new-password-2", "a-new-password-2");
        vm.submit(() -> done.add("done"));
        assertThat(vm.done()).isEqualTo("Your password was changed. Your other signed-in window was signed out.");
    }

    @Test
    void aFailureKeepsTheDialogOpenWithTheReason() {
        service.failNext = new SocketTimeoutException("read timed out");
        type("old-password-1", "a-new-password-1", "a-new-password-1");
        vm.submit(() -> done.add("done"));
        assertThat(done).isEmpty();
        assertThat(vm.errorMessageProperty().get()).isNotBlank();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.newPasswordProperty().get()).as("kept for a retry").isEqualTo("a-new-password-1");
    }
}

package com.sessiondesk.client.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.common.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {

    static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    final List<String> attempts = new ArrayList<>();
    final List<AdminService> signedIn = new ArrayList<>();

    ConnectViewModel viewModel(ConnectViewModel.SignIn signIn) {
        return new ConnectViewModel(TaskRunner.inline(), signIn, new ClientSettings(dir), signedIn::add);
    }

    ConnectViewModel.SignIn succeeding() {
        return (url, user, password) -> {
            attempts.add(url + " " + user);
            return new FakeAdminService();
        };
    }

    @Test
    void signingInRemembersServerAndUsernameButNeverThePassword() throws Exception {
        ConnectViewModel vm = viewModel(succeeding());
        vm.prefill("https://sessions.example.org", "carla", null);
        vm.passwordProperty().set(PASSWORD);
        vm.signIn();
        assertThat(attempts).containsExactly("https://sessions.example.org/ carla");
        assertThat(signedIn).hasSize(1);
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(new ClientSettings(dir).load())
                .isEqualTo(new ClientSettings.Remembered("https://sessions.example.org/", "carla"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain(PASSWORD);
            }
        }
    }

    /** A wrong password empties the field (the view puts the cursor there) and is never saved. */
    @Test
    void aWrongPasswordEmptiesThePasswordFieldAndSavesNothing() throws Exception {
        ConnectViewModel vm = viewModel((url, user, password) -> {
            throw new ClientException(new ClientError.NotSignedIn("Wrong username or password.", false));
        });
        vm.prefill("https://sessions.example.org", "carla", null);
        vm.passwordProperty().set(PASSWORD);
        vm.signIn();
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong username or password.");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.passwordRejectedProperty().get()).isTrue();
        assertThat(vm.serverUrlProperty().get()).isEqualTo("https://sessions.example.org");
        assertThat(new ClientSettings(dir).load().serverUrl()).isNull();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedBeforeAnyRequest() {
        ConnectViewModel vm = viewModel(succeeding());
        vm.prefill("http://sessions.example.org", "carla", null);
        vm.passwordProperty().set(PASSWORD);
        vm.signIn();
        assertThat(attempts).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Plain http:// is only allowed for this computer");
    }

    @Test
    void aRefusedSignInShowsTheReasonAndKeepsTheForm() {
        ConnectViewModel vm = viewModel((url, user, password) -> {
            throw new ClientException(new ClientError.Forbidden("Only super users can manage sessions."));
        });
        vm.prefill("http://127.0.0.1:8080", "nurse", null);
        vm.passwordProperty().set(PASSWORD);
        vm.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Only super users can manage sessions.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(Files.exists(dir.resolve(ClientSettings.FILE_NAME))).isFalse();
    }

    @Test
    void signInNeedsEveryField() {
        ConnectViewModel vm = viewModel(succeeding());
        vm.prefill("http://127.0.0.1:8080", "", null);
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.usernameProperty().set("admin");
        vm.passwordProperty().set("x");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void showsWhyTheScreenOpened() {
        ConnectViewModel vm = viewModel(succeeding());
        vm.prefill("http://127.0.0.1:8080", "admin", "Your session expired, please sign in again.");
        assertThat(vm.messageProperty().get()).isEqualTo("Your session expired, please sign in again.");
    }
}

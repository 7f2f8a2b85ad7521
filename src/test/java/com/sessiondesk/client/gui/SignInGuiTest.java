package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.server.DemoAgency;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The connect screen: who may sign in, what a refusal does to the fields, and signing out. */
class SignInGuiTest extends SharedServerGuiTest {

    @Test
    void superUserSignsInThroughTheConnectScreen() throws Exception {
        launch(optionsFor(server.baseUrl()));
        assertThat(fx(() -> ((Stage) mainWindow().orElseThrow()).getTitle())).contains("SessionDesk");

        typeCredentials(server.baseUrl(), LiveServer.ADMIN, server.adminPassword);

        waitUntil("the sessions table shows", () -> showing("#sessionsTable"));
        waitUntil("the connect screen is gone", () -> !showing("#signInButton"));
    }

    @Test
    void nonSuperUserIsRefusedAtSignIn() throws Exception {
        User staff = server.freshStaff();
        launch(optionsFor(server.baseUrl()));

        typeCredentials(server.baseUrl(), staff.username(), DemoAgency.STAFF_PASSWORD);

        waitUntil("the refusal is shown", () -> textsUnder(mainWindow().orElseThrow().getScene().getRoot())
                .contains("Only super users can manage sessions"));
        assertThat(showing("#signInButton")).as("still on the connect screen").isTrue();
        assertThat(showing("#sessionsTable")).isFalse();
    }

    @Test
    void aWrongPasswordPutsTheCursorInTheEmptiedPasswordField() throws Exception {
        launch(optionsFor(server.baseUrl()));
        typeCredentials(server.baseUrl(), LiveServer.ADMIN, "not-the-password");
        waitUntil("the refusal shows", () -> textsUnder(mainWindow().orElseThrow().getScene().getRoot())
                .contains("Wrong username or password"));
        waitUntil("the fields are enabled again", () -> !fx(() -> node("#passwordField", PasswordField.class).isDisabled()));
        assertThat(fx(() -> node("#passwordField", PasswordField.class).getText())).isEmpty();
        waitUntil("the cursor is in the password field", () -> focusOwner()
                .map(n -> "passwordField".equals(n.getId())).orElse(false));

        write("typed-again", 0);
        assertThat(fx(() -> node("#serverUrlField", TextInputControl.class).getText())).isEqualTo(server.baseUrl());
        assertThat(fx(() -> node("#passwordField", PasswordField.class).getText())).isEqualTo("typed-again");
    }

    @Test
    void signingOutReturnsToTheConnectScreenAndKeepsNoPasswordOnDisk() throws Exception {
        openSignedIn();

        click("#signOutButton");
        clickOn(confirmationOkButton());

        waitUntil("the connect screen shows", () -> showing("#serverUrlField") && !showing("#sessionsTable"));
        assertThat(fx(() -> node("#serverUrlField", TextInputControl.class).getText())).isEqualTo(server.baseUrl());
        assertThat(fx(() -> node("#usernameField", TextInputControl.class).getText())).isEqualTo(LiveServer.ADMIN);
        assertThat(fx(() -> node("#passwordField", TextInputControl.class).getText())).isEmpty();
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s holds no password", file).doesNotContain(server.adminPassword);
            }
        }
    }
}

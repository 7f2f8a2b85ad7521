package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.ApiClients;
import com.sessiondesk.apitest.TestServers;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Change password" in the top bar, end to end against a real server. */
class ChangePasswordGuiTest extends GuiTestBase {

    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = LiveServer.running();
    static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = SERVER.get();
    }

    @Test
    void theSignedInSuperUserChangesTheirPassword() throws Exception {
        launch(optionsFor(server.baseUrl()));
        signIn(server);

        click("#changePasswordButton");
        waitUntil("the dialog opens", () -> showing("#changePasswordDialog"));
        DialogPane dialog = node("#changePasswordDialog", DialogPane.class);
        typeInto("#currentPasswordField", server.adminPassword);
        typeInto("#newPasswordField", "short");
        typeInto("#repeatedPasswordField", "short");
        clickOn(dialogButton(dialog, "Change password"));
        waitUntil("the rule is shown", () -> fx(() -> node("#passwordErrorLabel", Label.class).getText())
                .contains("at least 12"));

        String fresh = "A-New-Admin-Password-" + System.nanoTime();
        typeInto("#newPasswordField", fresh);
        typeInto("#repeatedPasswordField", fresh);
        clickOn(dialogButton(dialog, "Change password"));
        waitUntil("the dialog closes", () -> !showing("#changePasswordDialog"));
        waitUntil("a notification says so", () -> notification().contains("Your password was changed"));

        var api = ApiClients.create(server.baseUrl(), new OkHttpClient());
        assertThat(api.adminLogin(new AdminLoginRequest(LiveServer.ADMIN, fresh)).execute().code()).isEqualTo(200);
        assertThat(api.adminLogin(new AdminLoginRequest(LiveServer.ADMIN, server.adminPassword)).execute().code())
                .isEqualTo(401);
        assertThat(showing("#sessionsTable")).as("this window stays signed in").isTrue();
    }
}

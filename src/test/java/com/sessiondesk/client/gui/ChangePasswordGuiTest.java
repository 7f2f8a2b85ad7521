package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.ApiClients;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.client.common.Cells;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
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
        waitUntil("the cursor is in the first field", () -> fx(() -> dialog.getScene().getFocusOwner() != null
                && "currentPasswordField".equals(dialog.getScene().getFocusOwner().getId())));
        assertThat(fx(() -> Cells.isCut(dialogButton(dialog, "Change password")))).as("the button's text is whole").isFalse();
        // another window of the same admin, which the change signs out
        var api = ApiClients.create(server.baseUrl(), new OkHttpClient());
        assertThat(api.adminLogin(new AdminLoginRequest(LiveServer.ADMIN, server.adminPassword)).execute().code()).isEqualTo(200);
        typeInto("#currentPasswordField", server.adminPassword);
        typeInto("#newPasswordField", "short");
        typeInto("#repeatedPasswordField", "short");
        clickOn(dialogButton(dialog, "Change password"));
        waitUntil("the rule is shown", () -> fx(() -> node("#passwordErrorLabel", Label.class).getText())
                .contains("at least 12"));
        fx(() -> { // a long error (the server's words can be long) wraps; the buttons stay inside the dialog
            node("#passwordErrorLabel", Label.class).textProperty().unbind();
            node("#passwordErrorLabel", Label.class).setText("The new password is too short: at least 12 characters. "
                    + "Choose a longer one: a few unrelated words make a password that is long and easy to remember.");
            return null;
        });
        waitUntil("the buttons stay inside the dialog after the error", () -> fx(() -> {
            for (Button button : List.of(dialogButton(dialog, "Change password"), dialogButton(dialog, "Cancel"))) {
                Bounds b = button.localToScene(button.getBoundsInLocal());
                if (b.getMaxY() > dialog.getScene().getHeight() || b.getMaxX() > dialog.getScene().getWidth() || Cells.isCut(button)) {
                    return false;
                }
            }
            return !Cells.isCut(node("#passwordErrorLabel", Label.class));
        }));

        String fresh = "A-New-Admin-Password-" + System.nanoTime();
        typeInto("#newPasswordField", fresh);
        typeInto("#repeatedPasswordField", fresh);
        clickOn(dialogButton(dialog, "Change password"));
        waitUntil("the dialog closes", () -> !showing("#changePasswordDialog"));
        waitUntil("a notification says so", () -> notification().contains("Your password was changed"));
        assertThat(notification()).as("this admin had other windows signed in").containsPattern("other signed-in windows? w[a-z]+ signed out");

        assertThat(api.adminLogin(new AdminLoginRequest(LiveServer.ADMIN, fresh)).execute().code()).isEqualTo(200);
        assertThat(api.adminLogin(new AdminLoginRequest(LiveServer.ADMIN, server.adminPassword)).execute().code())
                .isEqualTo(401);
        assertThat(showing("#sessionsTable")).as("this window stays signed in").isTrue();
    }
}
